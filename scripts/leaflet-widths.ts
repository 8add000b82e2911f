/**
 * Writes src/lib/print/leaflet-widths.ts: the advance width of every Latin and Vietnamese character of
 * Noto Sans (the print font, from @fontsource/noto-sans), regular and bold, so the leaflet fit
 * estimate (src/lib/print/leaflet-fit.ts) measures lines as the browser lays them out.
 * Run again only when @fontsource/noto-sans changes: node scripts/leaflet-widths.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { create, type Font } from 'fontkitten';

const file = (subset: string, weight: number) => readFileSync(`node_modules/@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`);

function table(weight: number): Record<number, string> {
  const byWidth: Record<number, string> = {};
  for (const subset of ['latin', 'vietnamese']) {
    const font = create(file(subset, weight)) as Font;
    for (const code of font.characterSet) {
      if (code < 0x20 || code > 0x2122 || (code >= 0x300 && code < 0x370)) continue;
      const char = String.fromCodePoint(code);
      if (Object.values(byWidth).some((chars) => chars.includes(char))) continue;
      const width = Math.round((font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm) * 1000);
      byWidth[width] = (byWidth[width] ?? '') + char;
    }
  }
  return byWidth;
}

const out = `/**
 * Advance widths of Noto Sans (regular and bold), in thousandths of an em: width → the characters
 * that have it. Written by scripts/leaflet-widths.ts from @fontsource/noto-sans; do not edit.
 */
export const NOTO_SANS_WIDTHS: { regular: Record<number, string>; bold: Record<number, string> } = ${JSON.stringify({ regular: table(400), bold: table(700) }, null, 2)};
`;
writeFileSync('src/lib/print/leaflet-widths.ts', out);
console.log(`src/lib/print/leaflet-widths.ts: ${out.length} B`);

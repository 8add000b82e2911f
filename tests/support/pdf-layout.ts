/**
 * How a printed page looks, read from its PDF with poppler: where the words are (pdftotext
 * -bbox) and where the page is blank (pdftoppm). Used by the leaflet tests (issue 27).
 */
import { execFileSync } from 'node:child_process';
import { parsePgm } from '../../src/lib/print/leaflet-picture.ts';

export interface Word {
  text: string;
  /** Top and bottom of the word's box, in pt from the top of the page. */
  top: number;
  bottom: number;
}

/** Every word of the first page with its box, in reading order. */
export function wordsOf(file: string): { pageHeight: number; words: Word[] } {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  const pageHeight = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(xml)?.[1]);
  const words = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    top: Number(m[1]),
    bottom: Number(m[2]),
    text: m[3]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .normalize('NFC'),
  }));
  return { pageHeight, words };
}

/** Noto Sans's box (ascender + descender) is 1.362 em: a word's box height over this is its type size in pt. */
export const NOTO_BOX_EM = 1.362;

/** Type size (pt) of the words that start `text` on the page (its first three words), or undefined if not found. */
export function typeSizeOf(words: readonly Word[], text: string): number | undefined {
  const wanted = text.normalize('NFC').split(/\s+/).slice(0, 3);
  for (let i = 0; i + wanted.length <= words.length; i += 1) {
    if (wanted.every((word, j) => words[i + j]!.text === word)) return (words[i]!.bottom - words[i]!.top) / NOTO_BOX_EM;
  }
  return undefined;
}

/**
 * The tallest band of blank rows between the first and the last mark on the page, as a share of
 * the page's height: the page is rendered at 50 dpi in grey and a row is blank when no pixel in
 * it is darker than light grey.
 */
export async function tallestBlankBand(file: string): Promise<{ share: number; fromTop: number }> {
  // Raw grey pixels (PGM): no PNG to compress and decode again.
  const { width, height, pixels } = parsePgm(execFileSync('pdftoppm', ['-r', '50', '-gray', '-singlefile', '-f', '1', '-l', '1', file], { maxBuffer: 64 * 1024 * 1024 }));
  const page = { width, height };
  const blank: boolean[] = [];
  for (let y = 0; y < page.height; y += 1) {
    let empty = true;
    for (let x = 0; x < page.width && empty; x += 1) if (pixels[y * page.width + x]! < 200) empty = false;
    blank.push(empty);
  }
  const first = blank.indexOf(false);
  const last = blank.lastIndexOf(false);
  let tallest = 0;
  let at = 0;
  let run = 0;
  for (let y = first; y <= last; y += 1) {
    run = blank[y] ? run + 1 : 0;
    if (run > tallest) [tallest, at] = [run, y - run + 1];
  }
  return { share: tallest / page.height, fromTop: at / page.height };
}

/** Home-screen icons (web app manifest) drawn from the site's mark, public/favicon.svg. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ICON_SIZES = [192, 512] as const;

/** The mark as a square PNG of `size` pixels. The mark is a full square, so it also serves as "maskable". */
export async function iconPng(size: number, svgFile = path.resolve('public/favicon.svg')): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(readFileSync(svgFile), { density: Math.ceil((72 * size) / 32) })
    .resize(size, size)
    .png({ palette: true, compressionLevel: 9 })
    .toBuffer();
}

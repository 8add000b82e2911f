/**
 * The leaflet as a picture for phones (issue 27): village leaders share leaflets in Zalo groups,
 * where people look at pictures, not PDF files. Made at build time from the A4 leaflet's PDF
 * (the same page that is printed): poppler's pdftoppm draws it 1080 px wide in grey (raw pixels), sharp
 * writes a JPEG of at most PICTURE_MAX_BYTES, lowering the quality only as far as it must.
 * The QR code stays decodable (tests/build/print.test.ts reads it back).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { pdfEnabled } from './chromium.ts';

const run = promisify(execFile);

/** Width of the picture: what phones show full screen (Zalo keeps 1080 px wide pictures as they are). */
export const PICTURE_WIDTH = 1080;
/** Largest picture: one lesson's leaflet is worth at most this much of a reader's data. */
export const PICTURE_MAX_BYTES = 150_000;
/**
 * JPEG qualities tried in turn until the picture is small enough. mozjpeg, measured against
 * libjpeg-turbo (quantisation table 3, progressive, q70) on the 16 real leaflets: turbo encodes
 * in 38 ms instead of 163 ms and every QR code still reads, but each picture is 14 % larger
 * (137 KB against 120 KB). A picture is encoded once and kept in the build cache; it is sent to
 * every phone it is shared with, so the readers' bytes win over the cold build's CPU.
 */
const QUALITIES = [75, 68, 60, 52, 45] as const;

/** The name a leaflet picture is shared and saved under: the lesson's address, "thanh-toan-tien-dien-bang-ma-qr.jpg" (a translation's "…-tyz.jpg"). */
export function pictureFileName(lessonId: string): string {
  return `${lessonId.replace(/\//g, '-')}.jpg`;
}

/** Whether pdftoppm (Debian's poppler-utils) is on PATH. */
export function havePdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let pictures: boolean | undefined;
/** Whether this build makes leaflet pictures: it prints PDFs and has pdftoppm. Pages link pictures only then. */
export function picturesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (!pdfEnabled(env)) return false;
  pictures ??= havePdftoppm();
  return pictures;
}

/** A binary greymap (P5, 8 bits, as pdftoppm -gray writes it): its size and its pixels. */
export function parsePgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm: not a binary greymap (P5)');
  const [width, height, maxValue] = [Number(header[1]), Number(header[2]), Number(header[3])];
  const pixels = bytes.subarray(header[0].length);
  if (maxValue !== 255 || pixels.length !== width * height) throw new Error(`pdftoppm: greymap ${width}×${height}, ${maxValue}, ${pixels.length} bytes of pixels`);
  return { width, height, pixels };
}

/** The JPEG of an A4 leaflet PDF's first page, PICTURE_WIDTH wide, at most PICTURE_MAX_BYTES. */
export async function leafletPicture(pdf: Uint8Array): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ban-so-picture-'));
  try {
    const file = path.join(dir, 'leaflet.pdf');
    await writeFile(file, pdf);
    // Raw grey pixels (PGM), not PNG: pdftoppm's PNG compression was 350 of its 590 ms per
    // leaflet (issue 29), and sharp decoded it again; the pixels, so the JPEG, are the same.
    const { stdout } = await run('pdftoppm', ['-f', '1', '-l', '1', '-scale-to-x', String(PICTURE_WIDTH), '-scale-to-y', '-1', '-gray', '-singlefile', file], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    const { width, height, pixels } = parsePgm(stdout);
    let jpeg: Buffer | undefined;
    for (const quality of QUALITIES) {
      jpeg = await sharp(pixels, { raw: { width, height, channels: 1 } })
        .greyscale()
        .jpeg({ quality, mozjpeg: true })
        .toBuffer();
      if (jpeg.length <= PICTURE_MAX_BYTES) return jpeg;
    }
    throw new Error(`Ảnh tờ rơi: ${jpeg!.length} byte, quá ${PICTURE_MAX_BYTES} byte kể cả ở chất lượng ${QUALITIES.at(-1)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

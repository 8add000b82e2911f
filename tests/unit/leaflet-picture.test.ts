import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { leafletPicture, PICTURE_WIDTH, readPgm } from '../../src/lib/print/leaflet-picture.ts';

const pgm = (header: string, pixels: number[]) => Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(pixels)]);

describe('readPgm (pdftoppm -gray output)', () => {
  it('reads size and pixels, comments and any whitespace in the header included', () => {
    const image = readPgm(pgm('P5\n3 2\n255\n', [0, 50, 100, 150, 200, 255]));
    expect(image).toMatchObject({ width: 3, height: 2 });
    expect([...image!.pixels]).toEqual([0, 50, 100, 150, 200, 255]);
    expect(readPgm(pgm('P5 # pdftoppm\n2  1\t255\n', [7, 8]))?.pixels).toEqual(Buffer.from([7, 8]));
    // A pixel that happens to be whitespace (10 = "\n") is a pixel, not header.
    expect([...readPgm(pgm('P5\n2 1\n255\n', [10, 32]))!.pixels]).toEqual([10, 32]);
  });
  it('refuses what is not an 8-bit PGM of the size it says', () => {
    expect(readPgm(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBeUndefined();
    expect(readPgm(pgm('P6\n1 1\n255\n', [1, 2, 3]))).toBeUndefined();
    expect(readPgm(pgm('P5\n2 2\n65535\n', [0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
    expect(readPgm(pgm('P5\n2 2\n255\n', [0, 0, 0]))).toBeUndefined();
  });
});

describe('leafletPicture', () => {
  it('draws the first page of a PDF as a JPEG 1080 px wide', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    page.drawRectangle({ x: 0, y: 420, width: 595.28, height: 421.89, color: rgb(0, 0, 0) });
    const jpeg = await leafletPicture(await doc.save());
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: PICTURE_WIDTH });
    const { data, info } = await sharp(jpeg).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    // A4's proportions (√2), to a pixel.
    expect(Math.abs(info.height - PICTURE_WIDTH * Math.SQRT2)).toBeLessThan(2);
    // Top half black, bottom half white, as drawn.
    expect(data[10 * PICTURE_WIDTH + 10]).toBeLessThan(30);
    expect(data[(info.height - 10) * PICTURE_WIDTH + 10]).toBeGreaterThan(225);
  });
});

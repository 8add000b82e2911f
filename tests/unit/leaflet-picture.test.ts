// The leaflet picture reads pdftoppm's raw greymap (issue 29: PNG compression was most of
// pdftoppm's time); a greymap it cannot read stops the build instead of making a wrong picture.
import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { leafletPicture, PICTURE_WIDTH, parsePgm } from '../../src/lib/print/leaflet-picture.ts';

const pgm = (header: string, pixels: number[]) => Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(pixels)]);

describe('pdftoppm greymap', () => {
  it('gives the size and exactly the pixels after the header', () => {
    // 10 and 32 are the bytes of "\n" and " ": pixels that look like whitespace stay pixels.
    const { width, height, pixels } = parsePgm(pgm('P5\n3 2\n255\n', [10, 32, 255, 0, 128, 10]));
    expect({ width, height }).toEqual({ width: 3, height: 2 });
    expect([...pixels]).toEqual([10, 32, 255, 0, 128, 10]);
  });

  it('refuses anything else: PNG, 16-bit grey, too few pixels', () => {
    expect(() => parsePgm(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toThrow(/P5/);
    expect(() => parsePgm(pgm('P5\n1 1\n65535\n', [0, 0]))).toThrow(/65535/);
    expect(() => parsePgm(pgm('P5\n2 2\n255\n', [0, 0, 0]))).toThrow(/3 bytes/);
  });
});

describe('leafletPicture', () => {
  it("draws the first page of a PDF through pdftoppm's greymap as a JPEG 1080 px wide", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    page.drawRectangle({ x: 0, y: 420, width: 595.28, height: 421.89, color: rgb(0, 0, 0) });
    const jpeg = await leafletPicture(await doc.save());
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: PICTURE_WIDTH });
    const { data, info } = await sharp(jpeg).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    // A4's proportions (√2), to a pixel; top half black, bottom half white, as drawn.
    expect(Math.abs(info.height - PICTURE_WIDTH * Math.SQRT2)).toBeLessThan(2);
    expect(data[10 * PICTURE_WIDTH + 10]).toBeLessThan(30);
    expect(data[(info.height - 10) * PICTURE_WIDTH + 10]).toBeGreaterThan(225);
  });
});

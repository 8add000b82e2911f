import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_360_BUDGET, IMAGE_WIDTHS } from '../../src/lib/article/images.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';

const pages = builtPages();
const images = pages.flatMap((page) =>
  readPage(page)
    .querySelectorAll('img')
    .map((img) => ({ page, img })),
);
const candidates = (srcset: string | undefined) =>
  (srcset ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter(([url]) => url)
    .map(([url = '', descriptor = '']) => ({ url, width: Number(descriptor.replace(/w$/, '')) }));

describe('every image in dist/', () => {
  it('exists in enough pages for the test to mean something', () => {
    expect(images.length).toBeGreaterThanOrEqual(4);
  });

  it('has width and height, alt text, async decoding, and is lazy unless it is the picture at the top', () => {
    const problems: string[] = [];
    for (const { page, img } of images) {
      const where = `${page} ${img.getAttribute('src')}`;
      if (!/^\d+$/.test(img.getAttribute('width') ?? '') || !/^\d+$/.test(img.getAttribute('height') ?? '')) problems.push(`${where}: width/height`);
      if (!img.getAttribute('alt')?.trim()) problems.push(`${where}: alt`);
      if (img.getAttribute('decoding') !== 'async') problems.push(`${where}: decoding`);
      const atTop = img.closest('figure')?.classList.contains('cover') ?? false;
      if (!atTop && img.getAttribute('loading') !== 'lazy') problems.push(`${where}: below the fold but not lazy`);
    }
    expect(problems).toEqual([]);
  });

  it('comes in AVIF and WebP through <picture>, with phone widths at 1x and 2x and one for desktops', () => {
    const problems: string[] = [];
    for (const { page, img } of images) {
      const picture = img.parentNode;
      const sources = picture?.tagName === 'PICTURE' ? picture.querySelectorAll('source') : [];
      const types = sources.map((s) => s.getAttribute('type'));
      if (types.join() !== 'image/avif,image/webp') problems.push(`${page} ${img.getAttribute('src')}: sources ${types.join() || 'none'}`);
      for (const source of sources) {
        const widths = candidates(source.getAttribute('srcset')).map((c) => c.width);
        if (widths.join() !== IMAGE_WIDTHS.join()) problems.push(`${page}: widths ${widths.join()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sends at most 40 KB to a 360 px phone, and never an image wider than the widest width', async () => {
    const files = new Set<string>();
    const at360: Array<{ url: string; bytes: number }> = [];
    for (const { img } of images) {
      files.add(img.getAttribute('src')!);
      for (const element of [img, ...(img.parentNode?.querySelectorAll('source') ?? [])]) {
        for (const candidate of candidates(element.getAttribute('srcset'))) {
          files.add(candidate.url);
          if (candidate.width === 360) at360.push({ url: candidate.url, bytes: statSync(path.join(DIST, candidate.url)).size });
        }
      }
    }
    expect(at360.length).toBeGreaterThanOrEqual(3);
    expect(at360.filter((c) => c.bytes > IMAGE_360_BUDGET)).toEqual([]);
    const widest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
    const tooWide: string[] = [];
    for (const file of files) {
      const { width = 0 } = await sharp(readFileSync(path.join(DIST, file))).metadata();
      if (width > widest) tooWide.push(`${file}: ${width}px`);
    }
    expect(tooWide).toEqual([]);
  });
});

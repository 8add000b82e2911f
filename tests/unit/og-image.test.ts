import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/lib/build-cache/store.ts';
import { cachedOgPng, ogHash, renderOgPng, titleSize, type OgInput } from '../../src/lib/share/og-image.ts';

const input: OgInput = { title: 'Cài đặt và kích hoạt VNeID mức 2', kind: 'Bài học', siteName: 'Bản Số', footer: 'ban-so.example.org' };

describe('preview image cache', () => {
  it('draws an entry once and reads it back on the next build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'og-'));
    const store = new CacheStore(dir);
    let drawn = 0;
    const render = async () => {
      drawn += 1;
      return Buffer.from(`png ${drawn}`);
    };
    const first = await cachedOgPng(input, { store, render });
    const second = await cachedOgPng({ ...input }, { store, render });
    expect([first.fromCache, second.fromCache, drawn]).toEqual([false, true, 1]);
    expect(second.png.toString()).toBe('png 1');
    // A changed title is a new image.
    const changed = await cachedOgPng({ ...input, title: `${input.title}!` }, { store, render });
    expect([changed.fromCache, drawn]).toEqual([false, 2]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.png'))).toHaveLength(2);
  });

  it('keys the cache on title, kind and site', () => {
    expect(ogHash(input)).toBe(ogHash({ ...input }));
    expect(ogHash({ ...input, kind: 'Tin tức' })).not.toBe(ogHash(input));
    expect(titleSize('x'.repeat(30))).toBeGreaterThan(titleSize('x'.repeat(120)));
  });
});

describe('preview image drawing', () => {
  it('is a 1200×630 PNG under 60 KB', async () => {
    const png = await renderOgPng({ ...input, title: 'Xem thẻ bảo hiểm y tế và sổ sức khỏe điện tử trên VNeID, đủ dấu: ă â đ ê ô ơ ư ạ ế ữ ỷ Đ' });
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect(png.length).toBeLessThan(60 * 1024);
  });

  it('draws Vietnamese letters from the font, not as missing-glyph boxes', async () => {
    // A missing glyph is drawn as the same empty box whatever the letter: two different
    // Vietnamese-only letters must give different images.
    const a = await renderOgPng({ ...input, title: 'ự ự ự ự' });
    const b = await renderOgPng({ ...input, title: 'ữ ữ ữ ữ' });
    const c = await renderOgPng({ ...input, title: 'đ đ đ đ' });
    expect(new Set([a.toString('base64'), b.toString('base64'), c.toString('base64')]).size).toBe(3);
  });
});

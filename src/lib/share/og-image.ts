/**
 * Link-preview images (Open Graph, Twitter cards) for Zalo and Facebook: 1200×630 PNG,
 * drawn at build time by satori (layout and text as vector paths, in Noto Sans, which has
 * every Vietnamese letter) and sharp (rasterised to a palette PNG, well under 60 KB).
 *
 * Drawing takes a fraction of a second per image, so images are kept in the build cache
 * (src/lib/build-cache/, kind "og") by a hash of what they show and TEMPLATE_VERSION: an
 * unchanged entry is read back, not redrawn.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cacheStore } from '../build-cache/settings.ts';
import type { CacheStore } from '../build-cache/store.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Change when the drawing changes, so every cached image is drawn again. */
export const TEMPLATE_VERSION = 4;

export interface OgInput {
  /** The page title, drawn large. */
  title: string;
  /** What kind of page it is ("Bài học", "Tin tức"…), drawn above the title. */
  kind: string;
  /** Site name, drawn beside the mark. */
  siteName: string;
  /** Short line at the bottom (the site's address). */
  footer: string;
}

/** The cache key: a hash of everything the image shows and of the template version. */
export function ogHash(input: OgInput): string {
  return createHash('sha256')
    .update(JSON.stringify([TEMPLATE_VERSION, input.title, input.kind, input.siteName, input.footer]))
    .digest('hex')
    .slice(0, 20);
}

/** Font size for a title: smaller for long titles so they fit in four lines. */
export function titleSize(title: string): number {
  const length = [...title].length;
  if (length <= 40) return 72;
  if (length <= 70) return 60;
  if (length <= 100) return 50;
  return 42;
}

type Node = { type: string; props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

/** The site's mark (public/favicon.svg drawn large): a phone with lines of text. */
function mark(size: number): Node {
  return el(
    'svg',
    {},
    [
      el('rect', {}, undefined, { width: 32, height: 32, rx: 6, fill: '#fff' }),
      el('rect', {}, undefined, { x: 8, y: 5, width: 16, height: 22, rx: 3, fill: 'none', stroke: '#0b6e4f', 'stroke-width': 2.5 }),
      el('path', {}, undefined, { d: 'M12 11h8M12 16h8M12 21h5', stroke: '#0b6e4f', 'stroke-width': 2.5, 'stroke-linecap': 'round' }),
    ],
    { width: size, height: size, viewBox: '0 0 32 32' },
  );
}

/** The element tree satori lays out: green band with the mark, kind, title, address. */
export function ogTree(input: OgInput): Node {
  return el('div', { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily: 'Noto Sans, Noto Sans VI', color: '#1a1a1a' }, [
    el('div', { display: 'flex', alignItems: 'center', gap: 24, background: '#0b6e4f', color: '#ffffff', padding: '28px 64px' }, [mark(72), el('div', { fontSize: 48, fontWeight: 800 }, input.siteName)]),
    el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '44px 64px 0', gap: 20 }, [
      el('div', { fontSize: 34, fontWeight: 700, color: '#0b6e4f', textTransform: 'uppercase', letterSpacing: 2 }, input.kind),
      el('div', { fontSize: titleSize(input.title), fontWeight: 800, lineHeight: 1.2, display: 'block', lineClamp: 4 }, input.title),
    ]),
    el('div', { display: 'flex', borderTop: '6px solid #0b6e4f', padding: '20px 64px', fontSize: 30, color: '#4a4a4a' }, input.footer),
  ]);
}

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700 | 800; style: 'normal' }> | undefined;

/**
 * Noto Sans from @fontsource/noto-sans (WOFF, which satori reads; it cannot read WOFF2).
 * Fontsource splits a font into subsets: "latin" has a, ê, ô…; "vietnamese" has ă, đ, ơ,
 * ư and the letters with tone marks (ạ, ế, ữ…). Satori only falls back between fonts of
 * different family names, so the subsets get two names and the tree asks for both.
 */
function loadFonts(): NonNullable<typeof fonts> {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const file = (subset: string, weight: number) => readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`));
  fonts = ([400, 700, 800] as const).flatMap((weight) => ['latin', 'vietnamese'].map((subset) => ({ name: subset === 'latin' ? 'Noto Sans' : 'Noto Sans VI', data: file(subset, weight), weight, style: 'normal' as const })));
  return fonts;
}

/** Draw one preview image as PNG (no cache). */
export async function renderOgPng(input: OgInput): Promise<Buffer> {
  const [{ default: satori }, { default: sharp }] = await Promise.all([import('satori'), import('sharp')]);
  const svg = await satori(ogTree(input) as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  // 16 colours are enough for four flat colours and their anti-aliased edges (no visible
  // difference from 32); with zlib level 6 the encoding takes half the time and the file is
  // a quarter smaller (measured 2026-12-03: 29 ms and 15.3 KB against 63 ms and 20.4 KB).
  // No dithering: flat colours need none, and without it the palette step takes 20 ms instead
  // of 29 ms and the file is 10 % smaller (30 titles, 2026-12-07; the text looks the same).
  // sharp rasterises the SVG faster than @resvg/resvg-js (19 ms against 24 ms, issue 29).
  return sharp(Buffer.from(svg)).png({ palette: true, colours: 16, compressionLevel: 6, effort: 1, dither: 0 }).toBuffer();
}

/**
 * The preview image for `input`, from the cache when an identical one was drawn before
 * (by any earlier build), otherwise drawn with `render` and stored. `store: null` = no cache.
 */
export async function cachedOgPng(input: OgInput, options: { store?: CacheStore | null; render?: (input: OgInput) => Promise<Buffer> } = {}): Promise<{ png: Buffer; fromCache: boolean }> {
  const store = options.store === undefined ? cacheStore('og') : options.store;
  const key = ogHash(input);
  const png = (await store?.get(key))?.files.get('png');
  if (png) return { png, fromCache: true };
  const drawn = await (options.render ?? renderOgPng)(input);
  await store?.put(key, { png: drawn }, {});
  return { png: drawn, fromCache: false };
}

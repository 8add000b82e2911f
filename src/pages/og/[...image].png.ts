// Link-preview PNGs, drawn at build time (src/lib/share/og-image.ts) and cached between builds.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getOgImages, type OgImageEntry } from '../../data/og-images.ts';
import { cachedOgPng } from '../../lib/share/og-image.ts';

export const getStaticPaths = (async () => (await getOgImages()).map((entry) => ({ params: { image: entry.path.replace(/^\/og\//, '').replace(/\.png$/, '') }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: OgImageEntry };
  const started = performance.now();
  const { png, fromCache } = await cachedOgPng(entry.input);
  // One line per image; `npm run bench` adds up the drawing times.
  console.log(`[og] ${entry.path}: ${fromCache ? 'from cache' : 'drawn'} in ${Math.round(performance.now() - started)} ms`);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

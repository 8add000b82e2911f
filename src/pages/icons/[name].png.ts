// Home-screen icons for the web app manifest, drawn from public/favicon.svg by sharp at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { ICON_SIZES, iconPng } from '../../lib/share/icons.ts';

export const getStaticPaths = (() => ICON_SIZES.map((size) => ({ params: { name: `icon-${size}` }, props: { size } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await iconPng((props as { size: number }).size)), { headers: { 'Content-Type': 'image/png' } });

// The web app manifest, so the site can be added to a phone's home screen.
import type { APIRoute } from 'astro';
import { t } from '../i18n/vi.ts';
import { webManifest } from '../lib/share/structured-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest({ name: `${t('site.name')} — ${t('site.tagline')}`, shortName: t('manifest.shortName'), description: t('site.description') }), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });

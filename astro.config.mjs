// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentGate } from './src/integrations/content-gate.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { siteUrl } from './src/lib/site.ts';

export default defineConfig({
  // SITE_URL (environment) sets the public address; see src/lib/site.ts.
  site: siteUrl(),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The gate must come first: it rejects bad content before any other integration runs.
  integrations: [contentGate(), mdx(), sitemap(), searchIndex()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Scripts stay external files (never inlined), so the CSP needs no script hashes.
  vite: { build: { assetsInlineLimit: 0 } },
});

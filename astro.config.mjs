// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentGate } from './src/integrations/content-gate.ts';
import { mdxGuard } from './src/integrations/mdx-guard.ts';
import { siteUrl } from './src/lib/site.ts';

export default defineConfig({
  // SITE_URL (environment) sets the public address; see src/lib/site.ts.
  site: siteUrl(),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The gate must come first: it rejects bad content before any other integration runs.
  // mdxGuard refuses unsafe MDX again at compile time, before @astrojs/mdx compiles it.
  integrations: [contentGate(), mdxGuard(), mdx(), sitemap()],
  devToolbar: { enabled: false },
  prefetch: false,
});

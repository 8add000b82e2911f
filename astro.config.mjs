// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentGate } from './src/integrations/content-gate.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { pdfIntegration } from './src/integrations/pdf.ts';
import { excludedFromSitemap } from './src/lib/routes.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { precompress } from './src/integrations/precompress.ts';
import { buildCache, buildMemoryReport } from './src/integrations/build-cache.ts';
import { cmsAdmin } from './src/integrations/cms-admin.ts';
import { reportSettings } from './src/integrations/report-settings.ts';
import { siteUrl } from './src/lib/site.ts';
import { siteAddress } from './src/integrations/site-address.ts';
import { readFileSync } from 'node:fs';
import { astroCspDirectives, headerPolicyFor } from './src/lib/delivery/headers.ts';

// Issue 23: every page's <meta> CSP carries the rules of the header too (default-src 'none',
// img-src, font-src, connect-src, media-src…: all a meta can carry), read from public/_headers so
// the two never drift; a page served without our headers (GitHub Pages) is still closed.
const headerPolicy = headerPolicyFor(readFileSync(new URL('./public/_headers', import.meta.url), 'utf8'), '/');

export default defineConfig({
  // SITE_URL (environment) sets the public address; see src/lib/site.ts. A SITE_URL that is not
  // https or has a path stops the build here, with the reason in Vietnamese.
  site: siteUrl(),
  trailingSlash: 'always',
  // concurrency 2: two pages render at once, so one page's file writes and a link preview's
  // rasterising (sharp, off the main thread) overlap the other's rendering. Measured on 1,008
  // lessons, previews drawn: render 68 s → 49 s, peak RSS 1.41 → 1.45 GB (4: 40 s, 1.70 GB).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 2 },
  // The gate must come first: it rejects bad content before any other integration runs.
  // Articles (.mdx) are never compiled: src/lib/article/ turns them into HTML when content
  // loads, and refuses anything that is not Markdown or an editor component.
  // Print variants (leaflets, scripts, meeting packs) repeat content: kept out of the sitemap (so is the offline page).
  // The search index runs before the PDFs are printed; both read the finished pages.
  integrations: [
    contentGate(),
    // Issue 28: one line when SITE_URL is not set (leaflets are then marked as drafts).
    siteAddress(),
    // Issue 24: whether "Báo nội dung sai" has the team's phone (REPORT_PHONE), said once.
    reportSettings(),
    sitemap({ filter: (page) => !excludedFromSitemap(new URL(page).pathname) }),
    // Issue 12: link previews' cache bookkeeping (PDFs and twins keep their own).
    buildCache(),
    searchIndex(),
    pdfIntegration(),
    // Issue 15: the editors' CMS at /admin/, after the search index so it is never indexed.
    cmsAdmin(),
    // Issue 5: the service worker (needs the finished pages), then precompression, the last
    // step that writes to dist/; the memory report only logs the build's peak (issue 12).
    serviceWorker(),
    precompress(),
    buildMemoryReport(),
  ],
  // Every page gets a <meta> CSP with the hashes of its own inline <style> (docs/security.md);
  // scripts: only files from this site. The search page adds 'wasm-unsafe-eval' for Pagefind.
  // The header's other rules come along (directives). No style-src-attr: style-src without
  // 'unsafe-inline' or 'unsafe-hashes' already refuses every style="" (and Astro warns on each
  // build when style-src-attr is set beside style-src resources).
  security: { csp: { directives: astroCspDirectives(headerPolicy), scriptDirective: { resources: ["'self'"] } } },
  devToolbar: { enabled: false },
  prefetch: false,
  // Articles are rendered by src/lib/article/, never by Astro's Markdown: no Shiki (whose inline
  // styles the CSP would refuse, and which Astro warns about on every build).
  markdown: { syntaxHighlight: false },
  // Scripts stay external files (never inlined), so the CSP needs no script hashes.
  vite: {
    build: {
      assetsInlineLimit: 0,
    },
  },
});

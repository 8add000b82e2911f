import type { AstroIntegration } from 'astro';
import { setBuildStep } from '../lib/build-memory.ts';
import { fileURLToPath } from 'node:url';
import { buildPdfs, type PdfMeta } from '../lib/print/cached.ts';
import { cacheLine, cacheStore } from '../lib/build-cache/settings.ts';
import { chromiumPath, chromiumVersion, pdfEnabled } from '../lib/print/chromium.ts';
import { pdfJobs } from '../lib/print/jobs.ts';
import { formatPdfProblems } from '../lib/print/pdf.ts';
import { sourceDateEpoch } from '../lib/site.ts';
import { picturesEnabled } from '../lib/print/leaflet-picture.ts';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fillSizes, hasSizeMarkers } from '../lib/print/file-sizes.ts';

/** Puts the size of each PDF and picture next to its link (src/lib/print/file-sizes.ts); returns the pages changed. */
function fillFileSizes(dist: string, pages: ReadonlyArray<{ pathname: string }>): number {
  let changed = 0;
  const sizeOf = (sitePath: string) => {
    const file = path.join(dist, sitePath, sitePath.endsWith('/') ? 'index.html' : '');
    return existsSync(file) ? statSync(file).size : undefined;
  };
  for (const { pathname } of pages) {
    const file = path.join(dist, pathname, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    if (!hasSizeMarkers(html)) continue;
    writeFileSync(file, fillSizes(html, sizeOf, `/${pathname.replace(/^\/+/, '')}`));
    changed += 1;
  }
  return changed;
}

/**
 * After the build, prints a PDF of every leaflet (A4 and A5 sheet) and meeting pack into dist/;
 * a PDF whose page and files are unchanged since an earlier build comes from the build cache
 * (src/lib/build-cache/). Without Chromium the build still succeeds with one line saying how
 * to get PDFs; pages then carry no PDF links (they ask src/lib/print/chromium.ts pdfEnabled()).
 */
export function pdfIntegration(): AstroIntegration {
  return {
    name: 'ban-so:pdf',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        setBuildStep('PDF');
        if (!pdfEnabled()) {
          // No PDF, no size: the markers go (the pages then link no PDF either).
          fillFileSizes(fileURLToPath(dir), pages);
          logger.warn(
            process.env['SKIP_PDF']
              ? 'PDF: bỏ qua vì SKIP_PDF được đặt; bỏ biến này rồi chạy lại "npm run build" để có PDF.'
              : 'PDF: bỏ qua vì không tìm thấy Chromium; cài "apt-get install -y chromium" (hoặc đặt CHROMIUM_PATH) rồi chạy lại "npm run build".',
          );
          return;
        }
        const dist = fileURLToPath(dir);
        const jobs = pdfJobs(pages.map((page) => page.pathname));
        const executablePath = chromiumPath()!;
        const store = cacheStore<PdfMeta>('pdf');
        logger.info(`PDF: ${jobs.length} tệp, in bằng Chromium (${executablePath}) những tệp chưa có trong bộ nhớ đệm…`);
        const started = Date.now();
        const result = await buildPdfs(dist, jobs, {
          executablePath,
          chromiumVersion: chromiumVersion(executablePath),
          sourceDateEpoch: sourceDateEpoch(),
          concurrency: Number(process.env['PDF_CONCURRENCY']) || undefined,
          store,
          pictures: picturesEnabled(),
          log: (line) => logger.info(line),
        });
        if (!picturesEnabled()) logger.warn('Ảnh tờ rơi: bỏ qua vì không có pdftoppm; cài "apt-get install -y poppler-utils" rồi chạy lại "npm run build".');
        else
          logger.info(`Ảnh tờ rơi: ${result.pictures.length} ảnh JPEG (${result.picturesMade} làm mới, ${result.picturesFromCache} lấy từ bộ nhớ đệm), lớn nhất ${Math.round(Math.max(0, ...result.pictures.map((p) => p.bytes)) / 1024)} KB.`);
        const pruned = store ? await store.prune(started) : 0;
        fillFileSizes(dist, pages);
        if (result.problems.length) {
          logger.error(`\n${formatPdfProblems(result.problems)}`);
          const error = new Error(`PDF: ${result.problems.length} tờ rơi không vừa một trang: xem danh sách ở trên.`);
          error.stack = error.message;
          throw error;
        }
        const line = cacheLine('pdf', { made: result.printed + result.derived, fromCache: result.fromCache, damaged: store?.counts.damaged, pruned }, !!store);
        logger.info(`${line} (${result.printed} in bằng Chromium, ${result.derived} tờ A5 ghép từ tờ A4); xong ${result.written.length} tệp trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      },
    },
  };
}

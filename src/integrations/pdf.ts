import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { chromiumPath, pdfEnabled } from '../lib/chromium.ts';
import { formatPdfProblems, pdfJobs, printPdfs } from '../lib/pdf.ts';

/**
 * After the build, prints a PDF of every leaflet (A4 and A5 sheet) and meeting pack into dist/.
 * Without Chromium the build still succeeds with one line saying how to get PDFs; pages then
 * carry no PDF links (they ask src/lib/chromium.ts pdfEnabled() the same question).
 */
export function pdfIntegration(): AstroIntegration {
  return {
    name: 'ban-so:pdf',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!pdfEnabled()) {
          logger.warn(
            process.env['SKIP_PDF']
              ? 'PDF: bỏ qua vì SKIP_PDF được đặt; bỏ biến này rồi chạy lại "npm run build" để có PDF.'
              : 'PDF: bỏ qua vì không tìm thấy Chromium; cài "apt-get install -y chromium" (hoặc đặt CHROMIUM_PATH) rồi chạy lại "npm run build".',
          );
          return;
        }
        const dist = fileURLToPath(dir);
        const jobs = pdfJobs(pages.map((page) => page.pathname));
        logger.info(`PDF: in ${jobs.length} tệp bằng Chromium (${chromiumPath()})…`);
        const started = Date.now();
        const result = await printPdfs(dist, jobs, {
          executablePath: chromiumPath()!,
          concurrency: Number(process.env['PDF_CONCURRENCY']) || 2,
          log: (line) => logger.info(line),
        });
        if (result.problems.length) {
          logger.error(`\n${formatPdfProblems(result.problems)}`);
          const error = new Error(`PDF: ${result.problems.length} tờ rơi không vừa một trang: xem danh sách ở trên.`);
          error.stack = error.message;
          throw error;
        }
        logger.info(`PDF: xong ${result.written.length} tệp trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      },
    },
  };
}

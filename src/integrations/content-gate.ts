import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatReport, formatWarnings } from '../lib/problems.ts';
import { normaliseFiles, validateContent } from '../lib/content/validate.ts';

/**
 * Runs the same checks as `npm run check` before Astro reads any content, so a broken
 * article stops the build with editor-friendly messages instead of a stack trace,
 * and no partial dist/ is written.
 *
 * dist/ is either a complete build or absent. A build starts by deleting dist/ (Astro
 * empties it too, but only after content sync, too late for problems found here), and a
 * build that fails later — while compiling or writing pages — deletes the half-written
 * dist/ when the process exits, so nothing partial looks complete.
 */
export function contentGate(): AstroIntegration {
  return {
    name: 'ban-so:content-gate',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        if (command === 'build') {
          await rm(config.outDir, { recursive: true, force: true });
          const outDir = fileURLToPath(config.outDir);
          process.once('exit', (code) => {
            if (code === 0) return;
            rmSync(outDir, { recursive: true, force: true });
            console.error(`Dựng trang thất bại: đã xoá ${outDir} để không còn bản dựng dở dang.`);
          });
        }
        const checkStarted = Date.now();
        const result = await validateContent(root);
        if (result.notNfc.length && command === 'build') {
          // Canonically equivalent text: rewriting to NFC loses nothing and keeps search exact.
          await normaliseFiles(root, result.notNfc);
          logger.info(`Đã chuẩn hoá NFC: ${result.notNfc.join(', ')}`);
        }
        for (const notice of result.notices) logger.warn(notice);
        // In CI a missing ffmpeg must not ship a site whose recordings silently vanished.
        if (result.notices.length && command === 'build' && (process.env['CI'] === 'true' || process.env['REQUIRE_BROWSER'] === '1')) {
          const error = new Error(`CI cần ffmpeg để kiểm tra và chuyển các bản ghi âm: ${result.notices.join(' ')}`);
          error.stack = error.message;
          throw error;
        }
        if (result.warnings.length) logger.warn(`\n${formatWarnings(result.warnings)}`);
        if (result.problems.length === 0) {
          logger.info(`Nội dung hợp lệ: ${result.entries.length} mục, kiểm tra trong ${((Date.now() - checkStarted) / 1000).toFixed(1)} s.`);
          return;
        }
        const report = formatReport(result.problems);
        if (command !== 'build') {
          logger.warn(`\n${report}`);
          return;
        }
        logger.error(`\n${report}`);
        const error = new Error(`Nội dung có ${result.problems.length} lỗi: xem danh sách ở trên (hoặc chạy "npm run check").`);
        error.stack = error.message;
        throw error;
      },
    },
  };
}

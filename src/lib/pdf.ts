/**
 * PDFs of leaflets and meeting packs, printed by Chromium from the built pages (dist/),
 * served on 127.0.0.1 so every request stays on this machine. Used by the build
 * (src/integrations/pdf.ts); pages are printed in parallel with one progress line each.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.ts';
import { formatProblem, type Problem } from './content/problems.ts';
import { routes } from './routes.ts';
import { serveDist } from './static-server.ts';

export type PdfKind = 'leaflet' | 'leaflet-a5' | 'meeting';

export interface PdfJob {
  kind: PdfKind;
  /** Site path of the page to print, e.g. /bai-hoc/x/to-roi/. */
  page: string;
  /** Site path of the PDF, e.g. /bai-hoc/x/to-roi.pdf. */
  pdf: string;
}

const PATTERNS: Array<{ kind: PdfKind; re: RegExp; pdf: (id: string) => string }> = [
  { kind: 'leaflet', re: /^\/bai-hoc\/([^/]+)\/to-roi\/$/, pdf: routes.leafletPdf },
  { kind: 'leaflet-a5', re: /^\/bai-hoc\/([^/]+)\/to-roi-a5\/$/, pdf: routes.leafletA5Pdf },
  { kind: 'meeting', re: /^\/chien-dich\/([^/]+)\/hop-thon\/$/, pdf: routes.meetingPackPdf },
];

/** The PDFs a build must print, from the site paths of its pages. */
export function pdfJobs(pages: readonly string[]): PdfJob[] {
  const jobs: PdfJob[] = [];
  for (const page of pages) {
    const normalised = `/${page.replace(/^\/|\/$/g, '')}/`;
    for (const { kind, re, pdf } of PATTERNS) {
      const match = re.exec(normalised);
      if (match?.[1]) jobs.push({ kind, page: normalised, pdf: pdf(match[1]) });
    }
  }
  return jobs.sort((a, b) => a.pdf.localeCompare(b.pdf));
}

/** Pages in a PDF file, counted from its page objects (Chromium writes no object streams). */
export function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The content file a print page was made from (data-source on <html>), for error messages. */
export function sourceOf(html: string): string | undefined {
  return /<html[^>]*\sdata-source="([^"]+)"/.exec(html)?.[1];
}

export interface PrintOptions {
  executablePath: string;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface PrintResult {
  written: Array<{ pdf: string; bytes: number; pages: number }>;
  problems: Problem[];
}

function htmlFile(dist: string, page: string): string {
  return path.join(dist, page, 'index.html');
}

/** Print every job; a leaflet that spills over one page is a problem naming its content file. */
export async function printPdfs(dist: string, jobs: readonly PdfJob[], options: PrintOptions): Promise<PrintResult> {
  const log = options.log ?? (() => {});
  const { url, server } = await serveDist(dist);
  let browser: Browser | undefined;
  const result: PrintResult = { written: [], problems: [] };
  try {
    browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ offline: false });
    // Nothing may leave 127.0.0.1 while printing.
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const page = await context.newPage();
        try {
          await page.goto(url + job.page, { waitUntil: 'load' });
          await page.emulateMedia({ media: 'print' });
          await page.evaluate(async () => {
            await document.fonts.ready;
          });
          const spilled = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('[data-fit-box]')].filter((el) => el.scrollHeight > el.clientHeight + 1).length,
          );
          const target = path.join(dist, job.pdf);
          const bytes = await page.pdf({ path: target, preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
          const pages = pdfPageCount(bytes);
          const source = sourceOf(readFileSync(htmlFile(dist, job.page), 'utf8')) ?? job.page;
          if (job.kind !== 'meeting' && (pages !== 1 || spilled > 0)) {
            result.problems.push({
              file: source,
              field: 'keyPoints',
              message: `tờ rơi ${job.pdf} in ra ${pages} trang${spilled ? ', chữ tràn khỏi khung' : ''}, phải vừa một trang`,
              fix: 'Rút gọn các ý chính (keyPoints), tiêu đề hoặc lời khuyên (leafletTip) rồi dựng lại.',
            });
          }
          result.written.push({ pdf: job.pdf, bytes: statSync(target).size, pages });
          done += 1;
          log(`PDF ${done}/${jobs.length} ${job.pdf} (${pages} trang, ${Math.round(statSync(target).size / 1024)} KB)`);
        } finally {
          await page.close();
        }
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 2, jobs.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser?.close();
    server.close();
  }
  return result;
}

export function formatPdfProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

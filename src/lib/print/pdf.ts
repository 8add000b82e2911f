/**
 * PDFs of leaflets and meeting packs, printed by Chromium from the built pages (dist/),
 * served on 127.0.0.1 so every request stays on this machine. Used by the build
 * (src/integrations/pdf.ts); pages are printed in parallel with one progress line each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.ts';
import { batchJobs, pdfBatchSize, splitPdf } from './pdf-batch.ts';
import { formatProblem, type Problem } from '../problems.ts';
import { serveDist } from '../delivery/static-server.ts';
import type { PdfJob } from './jobs.ts';

/** Pages in a PDF file, counted from its page objects (Chromium writes no object streams). */
export function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Names of the fonts embedded in a PDF ("NotoSans-Bold"), without the subset tag. */
export function embeddedFonts(bytes: Buffer): string[] {
  const names = bytes.toString('latin1').match(/\/FontName\s*\/([A-Z]{6}\+)?[A-Za-z0-9-]+/g) ?? [];
  return [...new Set(names.map((name) => name.replace(/^\/FontName\s*\/([A-Z]{6}\+)?/, '')))].sort();
}

/** The content file a print page was made from (data-source on <html>), for error messages. */
export function sourceOf(html: string): string | undefined {
  return /<html[^>]*\sdata-source="([^"]+)"/.exec(html)?.[1];
}

/** Chromium's print settings for every PDF (part of the cache key: changing one reprints all). */
export const PRINT_SETTINGS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false } as const;

export interface PrintOptions {
  executablePath: string;
  concurrency?: number | undefined;
  log?: (line: string) => void;
  /** SOURCE_DATE_EPOCH (seconds): the PDFs' creation and modification dates, for byte-identical rebuilds. */
  sourceDateEpoch?: number | undefined;
  /** A4 leaflets per Chromium call (src/lib/print/pdf-batch.ts); default PDF_BATCH or 16. */
  batchSize?: number | undefined;
}

/** Pages printed at once: one per core and one more, so a core never waits on a page loading (measured). */
export function defaultPdfConcurrency(): number {
  return availableParallelism() + 1;
}

/** One printed PDF, with what it was made from. */
export interface PrintedPdf {
  job: PdfJob;
  bytes: Buffer;
  pages: number;
  /** Fit boxes ([data-fit-box]) whose text overflowed. */
  spilled: number;
  /** Site paths of every file Chromium fetched for the page besides its HTML (CSS, fonts, images). */
  deps: string[];
}

export interface PrintResult {
  written: Array<{ pdf: string; bytes: number; pages: number }>;
  problems: Problem[];
}

function htmlFile(dist: string, page: string): string {
  return path.join(dist, page, 'index.html');
}

/** The dist/ file a site path is served from (a folder path serves its index.html). */
export function distFile(dist: string, sitePath: string): string {
  return path.join(dist, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
}

/** PDF date string for an instant: D:YYYYMMDDHHmmSS+00'00' (UTC), as Chromium writes it. */
export function pdfDate(epochSeconds: number): string {
  const iso = new Date(epochSeconds * 1000).toISOString();
  return `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}+00'00'`;
}

/**
 * Chromium stamps every PDF with the time it printed it; nothing else differs between two
 * prints of one page. Replacing both dates with SOURCE_DATE_EPOCH (same length, so the
 * cross-reference offsets stay right) makes PDFs byte-identical across builds.
 */
export function withFixedDates(bytes: Buffer, epochSeconds: number | undefined): Buffer {
  if (epochSeconds === undefined) return bytes;
  const date = pdfDate(epochSeconds);
  const text = bytes.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}[^)]{0,8}\)/g, (match, field: string) => {
    const replaced = `/${field} (${date})`;
    return replaced.length === match.length ? replaced : match;
  });
  return Buffer.from(text, 'latin1');
}

/**
 * Tagged PDFs name structure elements after Chromium's DOM node ids (`/ID (node00000014)`),
 * a counter shared by every page the renderer has open: the same page printed beside another
 * one gets other numbers. Renumbering them by rank (same width, same order, so the sorted
 * /IDTree stays sorted) makes the bytes depend on the page alone.
 */
export function withStableNodeIds(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const ids = [...new Set(text.match(/\(node\d{8}\)/g) ?? [])].map((id) => Number(id.slice(5, -1))).sort((a, b) => a - b);
  if (!ids.length) return bytes;
  const rank = new Map(ids.map((id, index) => [id, index + 1]));
  return Buffer.from(
    text.replace(/\(node(\d{8})\)/g, (_, id: string) => `(node${String(rank.get(Number(id))).padStart(8, '0')})`),
    'latin1',
  );
}

/** The problem for a leaflet that does not fit one page, naming its content file; undefined when it fits. */
export function fitProblem(job: PdfJob, pages: number, spilled: number, source: string): Problem | undefined {
  if (job.kind === 'meeting' || (pages === 1 && spilled === 0)) return undefined;
  return {
    file: source,
    field: 'keyPoints',
    message: `tờ rơi ${job.pdf} in ra ${pages} trang${spilled ? ', chữ tràn khỏi khung' : ''}, phải vừa một trang`,
    fix: 'Rút gọn các ý chính (keyPoints), tiêu đề hoặc lời khuyên (leafletTip) rồi dựng lại.',
  };
}

/** The <title> of a built page (PDF metadata). */
export function titleOf(html: string): string {
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return raw
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The content file of a print page, for messages. */
export function jobSource(dist: string, job: PdfJob): string {
  return sourceOf(readFileSync(htmlFile(dist, job.page), 'utf8')) ?? job.page;
}

/**
 * Print every job into dist/ with one browser and `concurrency` pages at a time; `onPrinted`
 * sees each PDF as it is written (the build cache stores it there).
 */
export async function printPdfs(dist: string, jobs: readonly PdfJob[], options: PrintOptions & { onPrinted?: (printed: PrintedPdf) => Promise<void> | void }): Promise<PrintResult> {
  const log = options.log ?? (() => {});
  const result: PrintResult = { written: [], problems: [] };
  if (!jobs.length) return result;
  // Uncompressed: Chromium is on the same machine, and compressing costs the build's main thread.
  const { url, server } = await serveDist(dist, {}, { compress: false });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ offline: false });
    // Nothing may leave 127.0.0.1 while printing.
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
    // Leaflets in batches (src/lib/print/pdf-batch.ts); meeting packs and lone leaflets one by one.
    const groups = batchJobs(jobs, options.batchSize ?? pdfBatchSize());
    const epochSeconds = options.sourceDateEpoch ?? Math.floor(Date.now() / 1000);
    let next = 0;
    let done = 0;
    const finish = async (job: PdfJob, bytes: Buffer, spilled: number, deps: Set<string>) => {
      writeFileSync(path.join(dist, job.pdf), bytes);
      const pages = pdfPageCount(bytes);
      const fallback = embeddedFonts(bytes).filter((font) => !font.startsWith('NotoSans'));
      if (fallback.length) log(`PDF ${job.pdf}: có chữ in bằng phông thay thế (${fallback.join(', ')}), không phải Noto Sans`);
      const problem = fitProblem(job, pages, spilled, jobSource(dist, job));
      if (problem) result.problems.push(problem);
      result.written.push({ pdf: job.pdf, bytes: bytes.length, pages });
      await options.onPrinted?.({ job, bytes, pages, spilled, deps: [...deps].sort() });
      done += 1;
      log(`PDF ${done}/${jobs.length} ${job.pdf} (${pages} trang, ${Math.round(bytes.length / 1024)} KB)`);
    };
    /** Overflowing fit boxes per leaflet sheet (one count for a page without sheets). */
    const spilledBoxes = (page: Page) =>
      page.evaluate(() => {
        const overflowing = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-fit-box]')].filter((el) => el.scrollHeight > el.clientHeight + 1).length;
        const sheets = [...document.querySelectorAll('.sheet')];
        return sheets.length ? sheets.map(overflowing) : [overflowing(document)];
      });
    /**
     * A tab in print media that lists the site paths it fetches (its dependencies). Requests
     * answered from the browser's cache still fire 'request', so the list is complete. (Turning
     * the cache off made Chromium print one bold run in a fallback font: tests/build/pdf-cache.test.ts
     * checks every PDF's fonts.)
     */
    const printTab = async (): Promise<{ page: Page; deps: Set<string> }> => {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      const deps = new Set<string>();
      page.on('request', (request) => {
        if (request.url().startsWith(url)) deps.add(decodeURI(new URL(request.url()).pathname));
      });
      return { page, deps };
    };
    // One batch tab per worker, reused for every batch it takes: a new tab costs about as much as
    // printing (measured, docs/performance.md). Print media is set once and stays across
    // navigations, so the fit check below measures the printed layout.
    const worker = async (): Promise<void> => {
      // The batch tab, opened on the first batch this worker takes.
      let batchTab: { page: Page; deps: Set<string> } | undefined;
      // A page printed alone keeps Chromium's structure tags. It gets a tab of its own: the
      // tags' node ids follow the order a tab first met its DOM nodes, so a reused tab gave a
      // meeting pack's table other ids from one build to the next.
      const printOne = async (job: PdfJob) => {
        const { page: tab, deps: own } = await printTab();
        try {
          await tab.goto(url + job.page, { waitUntil: 'load' });
          await tab.evaluate(async () => {
            // Lay the page out in print media first, so every font face it needs has started
            // loading before fonts.ready is read (as printBatch does): on a loaded machine the
            // meeting pack was printed with a face still missing and its bytes changed.
            void document.body.offsetHeight;
            await document.fonts.ready;
          });
          const spilled = (await spilledBoxes(tab)).reduce((a, b) => a + b, 0);
          const bytes = withFixedDates(withStableNodeIds(await tab.pdf(PRINT_SETTINGS)), options.sourceDateEpoch);
          own.delete(job.page);
          await finish(job, bytes, spilled, own);
        } finally {
          await tab.close();
        }
      };
      // The first leaflet's page with the other leaflets' sheets appended, one page each. Only
      // when every page has the same stylesheet (same template); otherwise, or when the print
      // does not give one page per leaflet, each is printed alone.
      const printBatch = async (group: PdfJob[]) => {
        batchTab ??= await printTab();
        const { page, deps } = batchTab;
        deps.clear();
        await page.goto(url + group[0]!.page, { waitUntil: 'load' });
        const merged = await page.evaluate(
          async (others) => {
            const styles = (doc: Document) => [...doc.querySelectorAll('style')].map((style) => style.textContent).join('\n');
            const first = document.querySelector('.sheet');
            if (!first?.parentElement) return false;
            const parser = new DOMParser();
            for (const other of others) {
              const doc = parser.parseFromString(await (await fetch(other)).text(), 'text/html');
              const sheet = doc.querySelector('.sheet');
              if (!sheet || styles(doc) !== styles(document)) return false;
              const copy = document.importNode(sheet, true) as HTMLElement;
              copy.style.breakBefore = 'page';
              first.parentElement.append(copy);
            }
            // Lay the new sheets out first, so the fonts their letters need have started loading
            // before fonts.ready is read (otherwise it may resolve with a subset still missing).
            void document.body.offsetHeight;
            await document.fonts.ready;
            return true;
          },
          group.slice(1).map((job) => job.page),
        );
        const spilled = merged ? await spilledBoxes(page) : [];
        const bytes = merged ? await page.pdf(PRINT_SETTINGS) : undefined;
        if (!bytes || spilled.length !== group.length || pdfPageCount(bytes) !== group.length) {
          for (const job of group) await printOne(job);
          return;
        }
        for (const job of group) deps.delete(job.page);
        const batchDeps = new Set(deps);
        const metas = group.map((job) => ({ title: titleOf(readFileSync(htmlFile(dist, job.page), 'utf8')), lang: 'vi', epochSeconds }));
        const parts = await splitPdf(bytes, metas);
        for (const [index, job] of group.entries()) await finish(job, parts[index]!, spilled[index]!, batchDeps);
      };
      try {
        while (next < groups.length) {
          const group = groups[next++]!;
          if (group.length === 1) await printOne(group[0]!);
          else await printBatch(group);
        }
      } finally {
        await batchTab?.page.close();
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? defaultPdfConcurrency(), groups.length));
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

/**
 * PDFs through the build cache: a leaflet or meeting pack is printed again only when what it
 * is made from changed. The key is the print page's HTML (its CSS is inlined), the Chromium
 * version, the print settings, SOURCE_DATE_EPOCH and PDF_FORMAT_VERSION; the entry also
 * records every other file Chromium fetched (fonts, images) with its hash, and is used only
 * while all of them are unchanged in the new dist/. A5 sheets are made from their A4 leaflet's
 * PDF (src/lib/print/pdf-a5.ts), keyed by its bytes; so are the leaflet pictures for phones
 * (src/lib/print/leaflet-picture.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { a5SheetFromA4 } from './pdf-a5.ts';
import { leafletPicture } from './leaflet-picture.ts';
import { distFile, fitProblem, jobSource, printPdfs, PRINT_SETTINGS, titleOf, type PrintOptions, type PrintResult } from './pdf.ts';
import type { PdfJob } from './jobs.ts';
import { mapLimit } from '../map-limit.ts';
import { hashParts, sha256, type CacheStore } from '../build-cache/store.ts';

/** Change when the way PDFs are made changes (not the pages: those are in the key already). */
export const PDF_FORMAT_VERSION = 5;

export interface PdfMeta extends Record<string, unknown> {
  pages: number;
  spilled: number;
  /** Site path → sha256 of every file the print used besides its HTML. */
  deps: Record<string, string>;
}

export interface PdfBuildResult extends PrintResult {
  /** Printed by Chromium. */
  printed: number;
  /** A5 sheets made from their A4 PDF. */
  derived: number;
  fromCache: number;
  /** Leaflet pictures written (site path and bytes), when asked for (`pictures: true`). */
  pictures: Array<{ picture: string; bytes: number }>;
  /** Of those, how many were made now and how many came from the cache. */
  picturesMade: number;
  picturesFromCache: number;
}

export function pdfKey(job: PdfJob, html: Uint8Array, context: { chromiumVersion: string; sourceDateEpoch?: number | undefined }): string {
  return hashParts([
    `pdf v${PDF_FORMAT_VERSION}`,
    context.chromiumVersion,
    JSON.stringify(PRINT_SETTINGS),
    String(context.sourceDateEpoch ?? 'now'),
    job.kind,
    job.page,
    job.pdf,
    html,
  ]);
}

/** Hashes of dist/ files, each read once per build (every leaflet uses the same fonts). */
function fileHasher(dist: string): (sitePath: string) => Promise<string | undefined> {
  const hashes = new Map<string, Promise<string | undefined>>();
  return (sitePath) => {
    let hash = hashes.get(sitePath);
    if (!hash) {
      hash = readFile(distFile(dist, sitePath)).then(sha256, () => undefined);
      hashes.set(sitePath, hash);
    }
    return hash;
  };
}

/** Print what changed, copy the rest from the cache (no store: print everything). */
export async function buildPdfs(
  dist: string,
  jobs: readonly PdfJob[],
  options: PrintOptions & { store?: CacheStore<PdfMeta> | undefined; chromiumVersion: string; pictures?: boolean | undefined },
): Promise<PdfBuildResult> {
  const { store } = options;
  const hashOf = fileHasher(dist);
  const keys = new Map<PdfJob, string>();
  const result: PdfBuildResult = { written: [], problems: [], printed: 0, derived: 0, fromCache: 0, pictures: [], picturesMade: 0, picturesFromCache: 0 };
  const toPrint: PdfJob[] = [];
  await mapLimit(jobs.filter((job) => !job.fromA4), 8, async (job) => {
    if (!store) return void toPrint.push(job);
    const html = await readFile(distFile(dist, job.page));
    const key = pdfKey(job, html, options);
    keys.set(job, key);
    const entry = await store.get(key);
    const pdf = entry?.files.get('pdf');
    const current = entry ? await Promise.all(Object.entries(entry.meta.deps).map(async ([dep, hash]) => (await hashOf(dep)) === hash)) : [];
    if (!entry || !pdf || !current.every(Boolean)) return void toPrint.push(job);
    await writeFile(path.join(dist, job.pdf), pdf);
    const problem = fitProblem(job, entry.meta.pages, entry.meta.spilled, jobSource(dist, job));
    if (problem) result.problems.push(problem);
    result.written.push({ pdf: job.pdf, bytes: pdf.length, pages: entry.meta.pages });
    result.fromCache += 1;
  });
  // Print in a stable order whatever order the cache lookups finished in.
  toPrint.sort((a, b) => a.pdf.localeCompare(b.pdf));
  const printed = await printPdfs(dist, toPrint, {
    ...options,
    onPrinted: async ({ job, bytes, pages, spilled, deps }) => {
      const key = keys.get(job);
      if (!store || !key) return;
      const hashes: Record<string, string> = {};
      for (const dep of deps) {
        const hash = await hashOf(dep);
        if (hash) hashes[dep] = hash;
      }
      await store.put(key, { pdf: bytes }, { pages, spilled, deps: hashes });
    },
  });
  result.written.push(...printed.written);
  result.problems.push(...printed.problems);
  result.printed = toPrint.length;
  // A5 sheets, now that every A4 leaflet is in dist/.
  const epochSeconds = options.sourceDateEpoch ?? Math.floor(Date.now() / 1000);
  await mapLimit(jobs.filter((job) => job.fromA4), 4, async (job) => {
    const a4 = await readFile(path.join(dist, job.fromA4!));
    const meta = { title: titleOf(await readFile(distFile(dist, job.page), 'utf8')), lang: 'vi', epochSeconds };
    const key = hashParts([`a5 v${PDF_FORMAT_VERSION}`, JSON.stringify(options.sourceDateEpoch === undefined ? { ...meta, epochSeconds: 'now' } : meta), a4]);
    let pdf = (await store?.get(key))?.files.get('pdf');
    if (pdf) result.fromCache += 1;
    else {
      pdf = await a5SheetFromA4(a4, meta);
      await store?.put(key, { pdf }, { pages: 1, spilled: 0, deps: {} });
      result.derived += 1;
    }
    await writeFile(path.join(dist, job.pdf), pdf);
    result.written.push({ pdf: job.pdf, bytes: pdf.length, pages: 1 });
  });
  // Pictures for phones, from each A4 leaflet's PDF, keyed by its bytes like the A5 sheets.
  if (options.pictures) {
    await mapLimit(jobs.filter((job) => job.picture), 2, async (job) => {
      const a4 = await readFile(path.join(dist, job.pdf));
      const key = hashParts([`picture v${PDF_FORMAT_VERSION}`, a4]);
      let jpeg = (await store?.get(key))?.files.get('jpg');
      if (jpeg) result.picturesFromCache += 1;
      else {
        jpeg = await leafletPicture(a4);
        await store?.put(key, { jpg: jpeg }, { pages: 1, spilled: 0, deps: {} });
        result.picturesMade += 1;
      }
      await writeFile(path.join(dist, job.picture!), jpeg);
      result.pictures.push({ picture: job.picture!, bytes: jpeg.length });
    });
    result.pictures.sort((a, b) => a.picture.localeCompare(b.picture));
  }
  result.written.sort((a, b) => a.pdf.localeCompare(b.pdf));
  return result;
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfJob, PrintOptions } from '../pdf.ts';
import { buildPdfs, type PdfBuildResult, type PdfMeta } from './pdfs.ts';
import { cacheStore } from './settings.ts';

/**
 * The PDF step in a process of its own (issue 12: memory). Printing and splitting thousands
 * of PDFs leaves hundreds of MB of garbage in the JavaScript heap (0.9 GB at the peak of one
 * 5,008-lesson build, on top of the 1.6 GB the build already holds); in a child it is
 * given back when the child ends, and the build's own process never carries it. The child
 * opens the same cache folder (same environment), so pruning in the parent sees what it used.
 */

export type ChildPdfOptions = Pick<PrintOptions, 'executablePath' | 'sourceDateEpoch' | 'concurrency'> & { chromiumVersion: string };

interface Request {
  dist: string;
  jobs: readonly PdfJob[];
  options: ChildPdfOptions;
}

export type ChildPdfResult = PdfBuildResult & { damaged: number; cached: boolean };

const LOG = 'log ';
const RESULT = 'result ';

export function buildPdfsInChild(dist: string, jobs: readonly PdfJob[], options: ChildPdfOptions, log: (line: string) => void): Promise<ChildPdfResult> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify({ dist, jobs, options } satisfies Request));
  return new Promise((resolve, reject) => {
    let result: ChildPdfResult | undefined;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.startsWith(RESULT)) result = JSON.parse(line.slice(RESULT.length)) as ChildPdfResult;
        else log(line.startsWith(LOG) ? line.slice(LOG.length) : line);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`PDF: tiến trình in dừng với mã ${code}; xem các dòng ở trên.`));
    });
  });
}

async function runChild(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const { dist, jobs, options } = JSON.parse(input) as Request;
  const store = cacheStore<PdfMeta>('pdf');
  const result = await buildPdfs(dist, jobs, { ...options, store, log: (line) => process.stdout.write(`${LOG}${line}\n`) });
  process.stdout.write(`${RESULT}${JSON.stringify({ ...result, damaged: store?.counts.damaged ?? 0, cached: !!store } satisfies ChildPdfResult)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runChild().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

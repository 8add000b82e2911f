// npm run bench: builds synthetic sites of 1,000 and 5,000 lessons in a temporary copy of the
// project and reports build time, memory, bytes and throttled browser timings (docs/performance.md).
//   npm run bench -- [--sizes 1000,5000] [--runs 3] [--skip-browser] [--out FILE] [--keep]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { measureInBrowser } from '../src/lib/bench/browser.ts';
import { generateLessons } from '../src/lib/bench/corpus.ts';
import { markdownReport, median, type BrowserFigures, type BuildFigures } from '../src/lib/bench/stats.ts';
import { pageType } from '../src/lib/budgets.ts';
import { chromiumPath } from '../src/lib/chromium.ts';
import { brotliSize } from '../src/lib/precompress.ts';
import { routes } from '../src/lib/routes.ts';
import { serveDist } from '../src/lib/static-server.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    'skip-browser': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-report.md' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run bench -- [--sizes 1000,5000] [--runs 3] [--skip-browser] [--out bench-report.md] [--keep]');
  process.exit(0);
}
const sizes = (values.sizes ?? '').split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(values.runs) || 3);
const root = process.cwd();
const TIME = '/usr/bin/time';

/** A copy of the project without node_modules (linked), dist/, .git or screenshots. */
function copyProject(): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'ban-so-bench-'));
  const skip = new Set(['node_modules', 'dist', '.git', '.astro', 'screenshots', 'bench-report.md']);
  for (const entry of readdirSync(root)) {
    if (!skip.has(entry)) cpSync(path.join(root, entry), path.join(target, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'));
  return target;
}

function build(dir: string): Promise<{ wallMs: number; peakRssBytes: number; log: string }> {
  const astro = [process.execPath, path.join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const withTime = existsSync(TIME);
  const [command, ...args] = withTime ? [TIME, '-v', ...astro] : astro;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { cwd: dir, env: { ...process.env, SKIP_PDF: '1', PRECOMPRESS_CACHE: '0' } });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('close', (code) => {
      const wallMs = Date.now() - started;
      if (code !== 0) return reject(new Error(`build failed (${code}):\n${log.slice(-4000)}`));
      const kbytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? Number.NaN);
      resolve({ wallMs, peakRssBytes: kbytes * 1024, log });
    });
  });
}

function walk(dir: string): Array<{ file: string; size: number }> {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => ({ file, stat: statSync(path.join(dir, file)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ file, stat }) => ({ file: file.split(path.sep).join('/'), size: stat.size }));
}

function figures(dist: string, lessons: number, wallMs: number, peakRssBytes: number): BuildFigures {
  const files = walk(dist);
  const byType = new Map<string, Array<{ page: string; bytes: number }>>();
  for (const { file } of files.filter((f) => f.file.endsWith('.html'))) {
    const page = `/${file}`.replace(/index\.html$/, '');
    const twin = path.join(dist, `${file}.br`);
    const bytes = existsSync(twin) ? statSync(twin).size : brotliSize(readFileSync(path.join(dist, file)));
    const type: string = pageType(page);
    byType.set(type, [...(byType.get(type) ?? []), { page, bytes }]);
  }
  return {
    lessons,
    pages: files.filter((f) => f.file.endsWith('.html')).length,
    wallMs,
    peakRssBytes,
    distBytes: files.reduce((sum, f) => sum + f.size, 0),
    distBytesWithoutTwins: files.filter((f) => !/\.(br|gz)$/.test(f.file)).reduce((sum, f) => sum + f.size, 0),
    pagefindBytes: files.filter((f) => f.file.startsWith('pagefind/') && !/\.(br|gz)$/.test(f.file)).reduce((sum, f) => sum + f.size, 0),
    byType: [...byType.entries()]
      .map(([type, rows]) => {
        const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
        return { type, count: rows.length, median: median(rows.map((r) => r.bytes)), max: largest.bytes, maxPage: largest.page };
      })
      .sort((a, b) => b.max - a.max),
  };
}

const results: Array<{ build: BuildFigures; browser: BrowserFigures[] }> = [];
for (const size of sizes) {
  const dir = copyProject();
  try {
    const topics = Object.keys(parseYaml(readFileSync(path.join(dir, 'content/topics.yaml'), 'utf8')) as Record<string, unknown>);
    const lessons = generateLessons(size, topics);
    for (const lesson of lessons) writeFileSync(path.join(dir, 'content/lessons', `${lesson.id}.mdx`), lesson.source);
    const total = readdirSync(path.join(dir, 'content/lessons')).filter((f) => f.endsWith('.mdx')).length;
    console.log(`\n${size} synthetic lessons (${total} in all) in ${dir}: building…`);
    const { wallMs, peakRssBytes, log } = await build(dir);
    const logFile = path.resolve(`${(values.out ?? 'bench-report.md').replace(/\.md$/, '')}-build-${size}.log`);
    writeFileSync(logFile, log);
    // Where the time went: Astro's own steps and each of our integrations (full log in logFile).
    for (const line of log.split('\n').filter((l) => /\[ban-so:(search-index|service-worker|precompress)\]|og-image|Link preview|Ảnh xem trước|built in|Completed in \d/.test(l))) console.log(`  | ${line.trim()}`);
    const build_ = figures(path.join(dir, 'dist'), total, wallMs, peakRssBytes);
    console.log(`  built ${build_.pages} pages in ${(wallMs / 1000).toFixed(1)} s, peak RSS ${(peakRssBytes / 1024 / 1024).toFixed(0)} MB`);
    let browser: BrowserFigures[] = [];
    const executablePath = chromiumPath();
    if (!values['skip-browser'] && executablePath) {
      const { url, server } = await serveDist(path.join(dir, 'dist'));
      try {
        browser = await measureInBrowser({ executablePath, base: url, lesson: routes.lesson(lessons[0]!.id), search: routes.search(), runs, log: console.log });
      } finally {
        server.close();
      }
    } else if (!values['skip-browser']) console.log('  Chromium not found: browser figures skipped.');
    results.push({ build: build_, browser });
  } finally {
    if (values.keep) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const notes = [
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  'Build: `astro build` with SKIP_PDF=1 (no PDFs) and PRECOMPRESS_CACHE=0 (every .br/.gz written from scratch); link previews come from the on-disk cache when an identical one was drawn before (see the build log); peak RSS from /usr/bin/time -v (largest process).',
  'Browser: Debian Chromium, a fresh context per run (no HTTP cache, service workers blocked: a first visit); bytes are encodedDataLength until the load event; search time from typing to the first result on screen (includes the 250 ms input debounce).',
];
const report = markdownReport(results, notes);
writeFileSync(path.resolve(values.out ?? 'bench-report.md'), `${report}\n`);
console.log(`\n${report}\n\nWritten to ${values.out}.`);

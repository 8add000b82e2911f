// npm run bench: builds synthetic sites of 1,000 and 5,000 lessons in a temporary copy of the
// project and reports build time (cold, then again after editing one lesson with the caches
// kept), time per phase, memory, bytes and throttled browser timings (docs/performance.md).
// PDFs are included. With --anchors, Starlight and a plain Astro site (../shared/tools/anchors/)
// build the same lessons in the same run and the report gives our times as ratios of theirs.
//   npm run bench -- [--sizes 1000,5000] [--runs 3] [--skip-browser] [--skip-pdf] [--anchors] [--out FILE] [--keep]
// With --serve (issue 28) it measures serving instead: autocannon (loopback, fixed connections and
// duration) against Debian's nginx running docs/nginx.conf and against our Node server, both
// serving the built site's lesson pages; --dist DIR serves a site already built instead.
//   npm run bench -- --serve [--sizes 1000] [--connections 10] [--duration 10] [--dist DIR] [--out FILE]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { measureInBrowser, measureSearches, TYPING_DELAY_MS } from '../src/lib/bench/browser.ts';
import { generateLessons } from '../src/lib/bench/corpus.ts';
import { buildPhases } from '../src/lib/bench/phases.ts';
import { buildReport, markdownReport, median, type AnchorFigures, type BenchResult, type BrowserFigures, type BuildFigures, type SearchTimings } from '../src/lib/bench/stats.ts';
import { pageType } from '../src/lib/delivery/budgets.ts';
import { chromiumPath } from '../src/lib/print/chromium.ts';
import { brotliQuality, brotliSize } from '../src/lib/delivery/precompress.ts';
import { routes } from '../src/lib/routes.ts';
import { loadFigures, loadProblems, loadTable, type AutocannonResult, type LoadFigures } from '../src/lib/bench/serve.ts';
import { nginxInstalled, startNginx } from './lib/nginx-process.ts';
import { serveDist, serveWithHeaders } from '../src/lib/delivery/static-server.ts';
import { toPosix } from '../src/lib/posix-path.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    'skip-browser': { type: 'boolean', default: false },
    'skip-pdf': { type: 'boolean', default: false },
    anchors: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-report.md' },
    keep: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    dist: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run bench -- [--sizes 1000,5000] [--runs 3] [--skip-browser] [--skip-pdf] [--anchors] [--out bench-report.md] [--keep]');
  console.log('       npm run bench -- --serve [--sizes 1000] [--connections 10] [--duration 10] [--dist DIR] [--out bench-serve.md]');
  process.exit(0);
}
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
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
  // Astro's and Vite's caches and ours stay in the copy (node_modules is the project's own).
  cpSync(path.join(target, 'astro.config.mjs'), path.join(target, 'astro.real.mjs'));
  writeFileSync(path.join(target, 'astro.config.mjs'), "import config from './astro.real.mjs';\nexport default { ...config, cacheDir: './.bench-cache/astro', vite: { ...config.vite, cacheDir: './.bench-cache/vite' } };\n");
  return target;
}

interface Timed {
  wallMs: number;
  peakRssBytes: number;
  log: string;
}

/** Run a command under /usr/bin/time -v: wall time, peak RSS of the largest process, output. */
function timed(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  const withTime = existsSync(TIME);
  const [program, ...args] = withTime ? [TIME, '-v', ...command] : command;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(program!, args, { cwd, env });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('close', (code) => {
      const wallMs = Date.now() - started;
      if (code !== 0) return reject(new Error(`${command.join(' ')} failed (${code}) in ${cwd}:\n${log.slice(-4000)}`));
      const kbytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? Number.NaN);
      resolve({ wallMs, peakRssBytes: kbytes * 1024, log });
    });
  });
}

/** Our build in the copy; the build cache lives in the copy too (empty before the cold build). */
function build(dir: string): Promise<Timed> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', BUILD_CACHE_DIR: path.join(dir, '.bench-cache/ban-so') };
  for (const name of ['BUILD_CACHE', 'PDF_CACHE', 'OG_CACHE', 'PRECOMPRESS_CACHE']) delete env[name];
  if (values['skip-pdf']) env['SKIP_PDF'] = '1';
  else delete env['SKIP_PDF'];
  // What `npm run build` runs (scripts/build.ts: astro build with BUILD_ENV), without npm's own process.
  return timed([process.execPath, path.join(dir, 'scripts/build.ts')], dir, env);
}

function walk(dir: string): Array<{ file: string; size: number }> {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => ({ file, stat: statSync(path.join(dir, file)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ file, stat }) => ({ file: toPosix(file), size: stat.size }));
}

function figures(dist: string, lessons: number, wallMs: number, peakRssBytes: number): BuildFigures {
  const files = walk(dist);
  // The site's pages: /admin/ is the CMS's page (issue 15), not one of ours.
  const pages = files.filter((f) => f.file.endsWith('.html') && !`/${f.file}`.startsWith(routes.admin()));
  const byType = new Map<string, Array<{ page: string; bytes: number }>>();
  for (const { file } of pages) {
    const page = `/${file}`.replace(/index\.html$/, '');
    const twin = path.join(dist, `${file}.br`);
    const bytes = existsSync(twin) ? statSync(twin).size : brotliSize(readFileSync(path.join(dist, file)), brotliQuality(file));
    const type: string = pageType(page);
    byType.set(type, [...(byType.get(type) ?? []), { page, bytes }]);
  }
  return {
    lessons,
    pages: pages.length,
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

/** The lessons as the anchors' Markdown (title, description, date, tags; the text without our components), same file names. */
function anchorCorpus(lessonsDir: string, out: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'bai-hoc'), { recursive: true });
  for (const file of readdirSync(lessonsDir).filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(path.join(lessonsDir, file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const data = parseYaml(front) as { title: string; summary: string; updated?: string | Date; topic?: string };
    const date = data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String(data.updated ?? '2025-01-01');
    const text = body
      .replace(/<\/?[A-Z][A-Za-z]*[^>]*>/g, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\n{3,}/g, '\n\n');
    writeFileSync(
      path.join(out, 'bai-hoc', file.replace(/\.mdx$/, '.md')),
      `---\ntitle: ${JSON.stringify(data.title)}\ndescription: ${JSON.stringify(data.summary)}\ndate: ${date}\ntags: ${JSON.stringify([data.topic ?? 'kỹ năng số'])}\n---\n${text}`,
    );
  }
}

const ANCHORS_DIR = process.env['ANCHORS_DIR'] ?? '/tmp/anchors';
const ANCHOR_TOOLS = path.resolve(root, '../shared/tools/anchors');

/** Cold builds of the anchor sites on the same lessons (set up with their own setup.sh on first use). */
async function anchorBuilds(lessonsDir: string): Promise<AnchorFigures[]> {
  const sites = ['starlight', 'astro-plain'];
  if (!existsSync(ANCHOR_TOOLS)) {
    console.log(`  --anchors: ${ANCHOR_TOOLS} not found, anchors skipped.`);
    return [];
  }
  for (const site of sites.filter((name) => !existsSync(path.join(ANCHORS_DIR, name, 'node_modules')))) {
    console.log(`  setting up ${site} in ${ANCHORS_DIR} (npm install)…`);
    await timed(['bash', path.join(ANCHOR_TOOLS, 'setup.sh'), site], root, { ...process.env, ANCHORS_DIR });
  }
  const corpus = path.join(ANCHORS_DIR, 'corpus', 'ban-so-bench');
  anchorCorpus(lessonsDir, corpus);
  const figures: AnchorFigures[] = [];
  for (const site of sites) {
    await timed(['bash', path.join(ANCHOR_TOOLS, 'load-corpus.sh'), site, corpus], root, { ...process.env, ANCHORS_DIR });
    const cwd = path.join(ANCHORS_DIR, site);
    for (const stale of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(cwd, stale), { recursive: true, force: true });
    const { wallMs, peakRssBytes } = await timed(['npm', 'run', '-s', 'build'], cwd, { ...process.env, NO_COLOR: '1' });
    console.log(`  ${site}: cold build in ${(wallMs / 1000).toFixed(1)} s, peak RSS ${(peakRssBytes / 1024 / 1024).toFixed(0)} MB`);
    figures.push({ site, wallMs, peakRssBytes });
  }
  return figures;
}

/** Edit one lesson as an editor fixing a typo would: a word of its title and of its text. */
function editOneLesson(file: string): void {
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/^title: (["']?)(.*)\1$/m, (_, quote: string, title: string) => `title: ${quote}${title} (đã sửa)${quote}`).replace(/\n\n([^\n<#-][^\n]*)\n/, '\n\n$1 Bà con đọc kỹ.\n'));
}

const printPhases = (label: string, run: Timed) => {
  const phases = buildPhases(run.log);
  const part = (name: string, ms: number | undefined) => `${name} ${ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`}`;
  console.log(
    `  ${label}: ${(run.wallMs / 1000).toFixed(1)} s, peak RSS ${(run.peakRssBytes / 1024 / 1024).toFixed(0)} MB — ` +
      [part('check', phases.contentMs), part('render', phases.renderMs), `${part('(previews', phases.previewsMs)})`, part('search', phases.searchMs), part('PDFs', phases.pdfMs), part('twins', phases.twinsMs)].join(', '),
  );
  for (const [kind, counts] of Object.entries(phases.made)) console.log(`    ${kind}: ${counts.made} made, ${counts.fromCache} from cache`);
  return phases;
};

/** autocannon against one server: every lesson page in turn on each connection, as phones ask (br). */
async function load(server: string, base: string, pages: readonly string[]): Promise<LoadFigures> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (options: object) => Promise<AutocannonResult>;
  const options = {
    url: base,
    connections: Number(values.connections) || 10,
    headers: { 'accept-encoding': 'br, gzip' },
    requests: pages.map((page) => ({ method: 'GET', path: encodeURI(page) })),
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: file cache, JIT, the Node server's compressed copies
  const figures = loadFigures(server, await autocannon({ ...options, duration: Number(values.duration) || 10 }));
  console.log(`  ${server}: ${figures.requestsPerSecond.toFixed(0)} requests/s, p99 ${figures.p99Ms} ms, ${figures.bytesPerPage.toFixed(0)} B per page, ${figures.errors} errors`);
  return figures;
}

/** Our Node server in a process of its own (as nginx is), so the load generator does not share its thread. */
async function nodeServer(dist: string): Promise<{ url: string; stop: () => void }> {
  const module = path.join(root, 'src/lib/delivery/static-server.ts');
  const code = `import { serveWithHeaders } from ${JSON.stringify(module)}; const { url } = await serveWithHeaders(${JSON.stringify(dist)}, ${JSON.stringify(path.join(dist, '_headers'))}); console.log(url);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the Node server exited (${code})`)));
  });
  return { url, stop: () => child.kill() };
}

async function serveBench(): Promise<void> {
  if (!nginxInstalled()) throw new Error('nginx not found: apt-get install -y nginx libnginx-mod-http-brotli-static');
  const sections: string[] = [];
  let failed = false;
  const sites: Array<{ label: string; dist: string; cleanup?: () => void }> = [];
  if (values.dist) sites.push({ label: `site in ${values.dist}`, dist: path.resolve(values.dist) });
  else {
    for (const size of (values.sizes === '1000,5000' ? '1000' : (values.sizes ?? '1000'))
      .split(',')
      .map(Number)
      .filter((n) => n > 0)) {
      const dir = copyProject();
      const topics = Object.keys(parseYaml(readFileSync(path.join(dir, 'content/topics.yaml'), 'utf8')) as Record<string, unknown>);
      for (const lesson of generateLessons(size, topics)) writeFileSync(path.join(dir, 'content/lessons', `${lesson.id}.mdx`), lesson.source);
      const total = readdirSync(path.join(dir, 'content/lessons')).filter((f) => f.endsWith('.mdx')).length;
      console.log(`\n${size} synthetic lessons (${total} in all) in ${dir}: building (SKIP_PDF=1: PDFs are not what is served here)…`);
      values['skip-pdf'] = true;
      const run = await build(dir);
      console.log(`  built in ${(run.wallMs / 1000).toFixed(0)} s`);
      sites.push({ label: `${total} lessons`, dist: path.join(dir, 'dist'), cleanup: () => (values.keep ? console.log(`  kept ${dir}`) : rmSync(dir, { recursive: true, force: true })) });
    }
  }
  for (const site of sites) {
    try {
      const pages = walk(site.dist)
        .map((f) => `/${f.file}`)
        .filter((file) => /^\/bai-hoc\/[^/]+\/index\.html$/.test(file))
        .map((file) => file.replace(/index\.html$/, ''));
      console.log(`\n${site.label}: ${pages.length} lesson pages, ${values.connections} connections × ${values.duration} s each, loopback`);
      const figures: LoadFigures[] = [];
      const nginx = await startNginx(readFileSync(path.join(root, 'docs/nginx.conf'), 'utf8'), site.dist);
      try {
        figures.push(await load('nginx 1 worker (docs/nginx.conf, brotli_static)', nginx.url, pages));
      } finally {
        await nginx.stop();
      }
      const node = await nodeServer(site.dist);
      try {
        figures.push(await load('Node (src/lib/delivery/static-server.ts)', node.url, pages));
      } finally {
        node.stop();
      }
      const problems = loadProblems(figures);
      for (const problem of problems) console.error(`  ${problem}`);
      failed ||= problems.length > 0;
      sections.push(`#### ${site.label} (${pages.length} lesson pages)\n\n${loadTable(figures)}`);
    } finally {
      site.cleanup?.();
    }
  }
  const note = `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC. autocannon ${values.connections} connections, ${values.duration} s after a 2 s warm-up, on 127.0.0.1, the load generator, nginx (one worker) and the Node server each a process of their own; Accept-Encoding: br, gzip; each connection requests every lesson page in turn.`;
  const report = `${sections.join('\n\n')}\n\n${note}\n`;
  const out = values.out === 'bench-report.md' ? 'bench-serve.md' : values.out!;
  writeFileSync(path.resolve(out), report);
  console.log(`\n${report}\nWritten to ${out}.`);
  if (failed) process.exit(1);
}

if (values.serve) {
  await serveBench();
  process.exit(0);
}

const results: BenchResult[] = [];
for (const size of sizes) {
  const dir = copyProject();
  try {
    const topics = Object.keys(parseYaml(readFileSync(path.join(dir, 'content/topics.yaml'), 'utf8')) as Record<string, unknown>);
    const lessons = generateLessons(size, topics);
    for (const lesson of lessons) writeFileSync(path.join(dir, 'content/lessons', `${lesson.id}.mdx`), lesson.source);
    const total = readdirSync(path.join(dir, 'content/lessons')).filter((f) => f.endsWith('.mdx')).length;
    console.log(`\n${size} synthetic lessons (${total} in all) in ${dir}: cold build (empty caches)…`);
    const cold = await build(dir);
    const logBase = path.resolve(`${(values.out ?? 'bench-report.md').replace(/\.md$/, '')}-build-${size}`);
    writeFileSync(`${logBase}-cold.log`, cold.log);
    const coldPhases = printPhases('cold', cold);
    const build_ = figures(path.join(dir, 'dist'), total, cold.wallMs, cold.peakRssBytes);
    console.log(`  built ${build_.pages} pages`);
    let browser: BrowserFigures[] = [];
    const executablePath = chromiumPath();
    if (!values['skip-browser'] && executablePath) {
      const { url, server } = await serveWithHeaders(path.join(dir, 'dist'), path.join(dir, 'dist', '_headers'));
      try {
        browser = await measureInBrowser({ executablePath, base: url, lesson: routes.lesson(lessons[0]!.id), search: routes.search(), runs, log: console.log });
      } finally {
        server.close();
      }
    } else if (!values['skip-browser']) console.log('  Chromium not found: browser figures skipped.');
    const edited = lessons[Math.floor(lessons.length / 2)]!.id;
    editOneLesson(path.join(dir, 'content/lessons', `${edited}.mdx`));
    console.log(`  edited content/lessons/${edited}.mdx; building again with the caches kept…`);
    const again = await build(dir);
    writeFileSync(`${logBase}-rebuild.log`, again.log);
    const rebuildPhases = printPhases('rebuild', again);
    const anchors = values.anchors ? await anchorBuilds(path.join(dir, 'content/lessons')) : [];
    // Issue 13's three searches on Slow 3G, beside Starlight's when it was built.
    let searches: SearchTimings | undefined;
    if (!values['skip-browser'] && executablePath) {
      const ours = await serveWithHeaders(path.join(dir, 'dist'), path.join(dir, 'dist', '_headers'));
      const starlightDist = path.join(ANCHORS_DIR, 'starlight', 'dist');
      const theirs = anchors.some((a) => a.site === 'starlight') && existsSync(starlightDist) ? await serveDist(starlightDist) : undefined;
      try {
        searches = await measureSearches({
          executablePath,
          base: ours.url,
          lesson: routes.lesson(lessons[0]!.id),
          search: routes.search(),
          starlight: theirs ? { base: theirs.url, lesson: `/bai-hoc/${lessons[0]!.id}/` } : undefined,
          runs,
          log: console.log,
        });
      } finally {
        ours.server.close();
        theirs?.server.close();
      }
    }
    results.push({ build: build_, browser, cold: coldPhases, rebuild: { wallMs: again.wallMs, peakRssBytes: again.peakRssBytes, phases: rebuildPhases }, anchors, searches });
  } finally {
    if (values.keep) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const notes = [
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  `Build: \`astro build\`${values['skip-pdf'] ? ' with SKIP_PDF=1 (no PDFs)' : ', PDFs included'}. Cold: a fresh copy of the project with an empty build cache and no Astro/Vite cache, so every page, preview, PDF and twin is made. Rebuild: one lesson's title and text edited, built again with the caches the cold build left. Peak RSS from /usr/bin/time -v (largest process). Phases from the build log (src/lib/bench/phases.ts): render includes drawing the previews.`,
  'Anchors (--anchors): the same lessons as Markdown (title, description, text without our components) built cold by ../shared/tools/anchors/ Starlight and plain Astro + Pagefind, in the same run.',
  `Browser: Debian Chromium, a fresh context per run (empty HTTP cache, service workers blocked: a first visit); bytes are encodedDataLength until the load event; search times from the first key to the first result on screen, the query typed ${TYPING_DELAY_MS} ms a key (includes our 250 ms input debounce); from a lesson page: from the tap on the header box, through the button, to the first result on /tim-kiem/.`,
];
const report = `${buildReport(results)}\n\n${markdownReport(results, notes)}`;
writeFileSync(path.resolve(values.out ?? 'bench-report.md'), `${report}\n`);
console.log(`\n${report}\n\nWritten to ${values.out}.`);

/** Figures of `npm run bench`: medians and the markdown report. */
import type { BuildPhases } from './phases.ts';
import { LIST_PAGE_BUDGET, READING_PAGE_BUDGET, READING_TYPES, type PageType } from '../delivery/budgets.ts';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
/** Binary megabytes, as /usr/bin/time and Node count them (the issue's 2,000 MB target is decimal: see targetLines). */
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export interface BuildFigures {
  lessons: number;
  pages: number;
  wallMs: number;
  peakRssBytes: number;
  distBytes: number;
  distBytesWithoutTwins: number;
  pagefindBytes: number;
  byType: Array<{ type: string; count: number; median: number; max: number; maxPage: string }>;
}

export interface BrowserFigures {
  profile: string;
  runs: number;
  fcpMs: number;
  lcpMs: number;
  lessonBytes: number;
  lessonRequests: number;
  searchMs: number;
  searchBytes: number;
}

export function markdownReport(builds: ReadonlyArray<{ build: BuildFigures; browser: BrowserFigures[] }>, notes: readonly string[]): string {
  const out: string[] = [];
  out.push('| lessons | pages | build wall time | peak RSS | pages/s | dist/ (without .br/.gz) | Pagefind index |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { build } of builds) {
    out.push(
      `| ${build.lessons.toLocaleString('en')} | ${build.pages.toLocaleString('en')} | ${seconds(build.wallMs)} | ${mb(build.peakRssBytes)} | ${(build.pages / (build.wallMs / 1000)).toFixed(1)} | ${mb(build.distBytes)} (${mb(build.distBytesWithoutTwins)}) | ${mb(build.pagefindBytes)} |`,
    );
  }
  if (builds.length >= 2) {
    const [first, last] = [builds[0]!.build, builds[builds.length - 1]!.build];
    out.push('', `Build time ${first.lessons.toLocaleString('en')} → ${last.lessons.toLocaleString('en')} lessons: ×${(last.wallMs / first.wallMs).toFixed(2)} for ×${(last.pages / first.pages).toFixed(2)} pages.`);
  }
  for (const { build, browser } of builds) {
    out.push(
      '',
      `### ${build.lessons.toLocaleString('en')} lessons: HTML bytes per page type (brotli as served: 11, print variants 10; incl. inlined CSS)`,
      '',
      '| page type | pages | median | max | largest page |',
      '| --- | ---: | ---: | ---: | --- |',
    );
    for (const row of build.byType) {
      const limit = READING_TYPES.has(row.type as PageType) ? ` (≤ ${READING_PAGE_BUDGET.toLocaleString('en')})` : row.type === 'home' || row.type === 'list' ? ` (≤ ${LIST_PAGE_BUDGET.toLocaleString('en')})` : '';
      out.push(`| ${row.type}${limit} | ${row.count} | ${Math.round(row.median).toLocaleString('en')} | ${row.max.toLocaleString('en')} | \`${row.maxPage}\` |`);
    }
    if (browser.length) {
      out.push('', `### ${build.lessons.toLocaleString('en')} lessons: in Chromium (CDP throttling, 4× CPU slowdown, medians)`, '');
      out.push('| profile | runs | lesson FCP | lesson LCP | lesson bytes (requests) before load | first search result "mat khau" | search bytes |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const row of browser) {
        out.push(`| ${row.profile} | ${row.runs} | ${seconds(row.fcpMs)} | ${seconds(row.lcpMs)} | ${kb(row.lessonBytes)} (${row.lessonRequests}) | ${seconds(row.searchMs)} | ${kb(row.searchBytes)} |`);
      }
    }
  }
  if (notes.length) out.push('', ...notes.map((note) => `- ${note}`));
  return out.join('\n');
}

export interface AnchorFigures {
  site: string;
  wallMs: number;
  peakRssBytes: number;
}

export interface BenchResult {
  build: BuildFigures;
  browser: BrowserFigures[];
  cold: BuildPhases;
  rebuild: { wallMs: number; peakRssBytes: number; phases: BuildPhases };
  anchors: AnchorFigures[];
  searches?: SearchTimings | undefined;
}

const ratio = (ours: number, theirs: number | undefined): string => (theirs ? `${(ours / theirs).toFixed(2)}×` : '–');
const phase = (ms: number | undefined): string => (ms === undefined ? '–' : seconds(ms));

/** The build part of the report: cold and rebuild times, phases, cache counts, anchors and the issue's targets. */
export function buildReport(results: readonly BenchResult[]): string {
  const out: string[] = ['## Build: cold, and again after editing one lesson', ''];
  out.push(
    '| lessons | pages | cold build | peak RSS | rebuild after one edit | peak RSS | Starlight cold | plain Astro cold | cold ÷ Starlight | rebuild ÷ Starlight |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const starlight = r.anchors.find((a) => a.site === 'starlight');
    const plain = r.anchors.find((a) => a.site === 'astro-plain');
    out.push(
      `| ${r.build.lessons.toLocaleString('en')} | ${r.build.pages.toLocaleString('en')} | ${seconds(r.build.wallMs)} | ${mb(r.build.peakRssBytes)} | ${seconds(r.rebuild.wallMs)} | ${mb(r.rebuild.peakRssBytes)} | ` +
        `${starlight ? `${seconds(starlight.wallMs)} (${mb(starlight.peakRssBytes)})` : '–'} | ${plain ? `${seconds(plain.wallMs)} (${mb(plain.peakRssBytes)})` : '–'} | ${ratio(r.build.wallMs, starlight?.wallMs)} | ${ratio(r.rebuild.wallMs, starlight?.wallMs)} |`,
    );
  }
  for (const r of results) {
    out.push('', `### ${r.build.lessons.toLocaleString('en')} lessons: where the time went`, '', '| phase | cold | rebuild |', '| --- | ---: | ---: |');
    const rows: Array<[string, keyof BuildPhases]> = [
      ['content check', 'contentMs'],
      ['render pages (Astro)', 'renderMs'],
      ['… of which drawing link previews', 'previewsMs'],
      ['search index (Pagefind)', 'searchMs'],
      ['PDFs', 'pdfMs'],
      ['precompressed twins', 'twinsMs'],
    ];
    for (const [label, key] of rows) out.push(`| ${label} | ${phase(r.cold[key] as number | undefined)} | ${phase(r.rebuild.phases[key] as number | undefined)} |`);
    const kinds = [...new Set([...Object.keys(r.cold.made), ...Object.keys(r.rebuild.phases.made)])];
    for (const kind of kinds) {
      const cold = r.cold.made[kind];
      const again = r.rebuild.phases.made[kind];
      out.push(`| ${kind}: made / from cache | ${cold ? `${cold.made} / ${cold.fromCache}` : '–'} | ${again ? `${again.made} / ${again.fromCache}` : '–'} |`);
    }
  }
  out.push('', '### Targets (issues 12 and 29)', '', ...targetLines(results));
  for (const r of results.filter((x) => x.searches)) {
    const s = r.searches!;
    out.push(
      '',
      `### ${r.build.lessons.toLocaleString('en')} lessons: search on ${s.profile}, CPU ${s.cpuSlowdown}× slower (issue 13, medians of ${s.runs})`,
      '',
      '| search | first result | bytes | ÷ Starlight |',
      '| --- | ---: | ---: | ---: |',
      `| /tim-kiem/, from the first key | ${seconds(s.searchPageMs)} | ${kb(s.searchPageBytes)} | ${ratio(s.searchPageMs, s.starlightMs)} (target ≤ 0.5×) |`,
      `| lesson page → header box → Tìm → /tim-kiem/ | ${seconds(s.headerMs)} | ${kb(s.headerBytes)} | ${ratio(s.headerMs, s.starlightMs)} (target ≤ 0.75×) |`,
      `| Starlight, search dialog on a lesson page | ${s.starlightMs === undefined ? '–' : seconds(s.starlightMs)} | ${s.starlightBytes === undefined ? '–' : kb(s.starlightBytes)} | 1× |`,
    );
  }
  return out.join('\n');
}

/**
 * The targets the bench is judged by (issue 29, after issue 12): ratios to Starlight's cold build
 * in the same run; at 5,000 lessons, time and peak memory in decimal megabytes (as issue 29
 * counts them: /usr/bin/time's kilobytes × 1,024 bytes), cold and rebuild.
 */
export const TARGETS = { coldVsStarlight: 4, rebuildVsStarlight: 0.5, largeWallMs: 30 * 60_000, largePeakBytes: 2_000_000_000, scaling: 5.5 } as const;

type TargetInput = Pick<BenchResult, 'anchors'> & { build: Pick<BuildFigures, 'lessons' | 'wallMs' | 'peakRssBytes'>; rebuild: { wallMs: number; peakRssBytes: number } };

const verdict = (met: boolean): string => (met ? 'met' : 'not met');
const decimalMb = (bytes: number): string => `${Math.round(bytes / 1e6).toLocaleString('en')} MB`;

/** One line per target the results can answer, each saying met or not met. */
export function targetLines(results: readonly TargetInput[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const starlight = r.anchors.find((a) => a.site === 'starlight');
    if (r.build.lessons >= 5000 || !starlight) continue;
    const lessons = r.build.lessons.toLocaleString('en');
    out.push(`- ${lessons} lessons, cold ≤ ${TARGETS.coldVsStarlight}× Starlight: ${ratio(r.build.wallMs, starlight.wallMs)} — ${verdict(r.build.wallMs <= TARGETS.coldVsStarlight * starlight.wallMs)}.`);
    out.push(
      `- ${lessons} lessons, rebuild after one edit ≤ ${TARGETS.rebuildVsStarlight}× Starlight's cold build: ${ratio(r.rebuild.wallMs, starlight.wallMs)} — ${verdict(r.rebuild.wallMs <= TARGETS.rebuildVsStarlight * starlight.wallMs)}.`,
    );
  }
  const small = results.find((r) => r.build.lessons < 2000);
  const large = results.find((r) => r.build.lessons >= 5000);
  if (large) {
    const lessons = large.build.lessons.toLocaleString('en');
    out.push(`- ${lessons} lessons inside 30 minutes: ${seconds(large.build.wallMs)} — ${verdict(large.build.wallMs <= TARGETS.largeWallMs)}.`);
    const limit = decimalMb(TARGETS.largePeakBytes);
    out.push(
      `- ${lessons} lessons, peak RSS ≤ ${limit}, cold: ${decimalMb(large.build.peakRssBytes)} — ${verdict(large.build.peakRssBytes <= TARGETS.largePeakBytes)}; rebuild: ${decimalMb(large.rebuild.peakRssBytes)} — ${verdict(large.rebuild.peakRssBytes <= TARGETS.largePeakBytes)}.`,
    );
    if (small)
      out.push(
        `- cold time ≤ ${TARGETS.scaling}× the ${small.build.lessons.toLocaleString('en')}-lesson time: ×${(large.build.wallMs / small.build.wallMs).toFixed(2)} — ${verdict(large.build.wallMs <= TARGETS.scaling * small.build.wallMs)}.`,
      );
  }
  return out;
}

export interface SearchTimings {
  profile: string;
  cpuSlowdown: number;
  runs: number;
  /** /tim-kiem/, from the first key. */
  searchPageMs: number;
  searchPageBytes: number;
  /** From a lesson page through the header box. */
  headerMs: number;
  headerBytes: number;
  /** Starlight on the same lessons, from opening its search (when measured). */
  starlightMs?: number | undefined;
  starlightBytes?: number | undefined;
}

/** Figures of `npm run bench`: medians and the markdown report. */
import { LIST_PAGE_BUDGET, READING_PAGE_BUDGET, READING_TYPES, type PageType } from '../budgets.ts';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
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
    out.push('', `### ${build.lessons.toLocaleString('en')} lessons: HTML bytes per page type (brotli 11, incl. inlined CSS)`, '', '| page type | pages | median | max | largest page |', '| --- | ---: | ---: | ---: | --- |');
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

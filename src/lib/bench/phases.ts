/**
 * Where a build's time went, read from its log (`npm run bench`): each of our steps logs its
 * duration, Astro logs how long it took to render the pages.
 */
export interface BuildPhases {
  /** The content check (content gate). */
  contentMs?: number | undefined;
  /** Astro rendering every page ("generating static routes"), link previews included. */
  renderMs?: number | undefined;
  /** Of the render time: drawing link previews (0 when all came from the cache). */
  previewsMs?: number | undefined;
  searchMs?: number | undefined;
  pdfMs?: number | undefined;
  twinsMs?: number | undefined;
  /** Per kind: made / from the cache, as the build log says. */
  made: Record<string, { made: number; fromCache: number }>;
}

const seconds = (text: string | undefined): number | undefined => (text === undefined ? undefined : Math.round(Number(text) * 1000));

/** Astro's "✓ Completed in 4.87s." / "604ms." / "1m 4s." */
export function astroDuration(text: string): number {
  const match = /(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?\.?\s*$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return Number.NaN;
  const minutes = Number(match[1] ?? 0) * 60_000;
  const rest = match[2] === undefined ? 0 : Number(match[2]) * (match[3] === 'ms' ? 1 : 1000);
  return Math.round(minutes + rest);
}

export function buildPhases(log: string): BuildPhases {
  // Astro and Vite colour their output even in a pipe unless NO_COLOR is set.
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const phases: BuildPhases = { made: {} };
  const routes = lines.findIndex((line) => /generating static routes/.test(line));
  if (routes >= 0) {
    const done = lines.slice(routes).find((line) => /✓ Completed in /.test(line));
    if (done) phases.renderMs = astroDuration(done.slice(done.indexOf('Completed in')));
  }
  let drawn = 0;
  for (const line of lines) {
    const og = /\[og\] \S+: drawn in (\d+) ms/.exec(line);
    if (og) drawn += Number(og[1]);
    phases.contentMs ??= seconds(/Nội dung hợp lệ: .* trong ([\d.]+) s/.exec(line)?.[1]);
    phases.searchMs ??= seconds(/\[ban-so:search-index\] .* trong ([\d.]+) s/.exec(line)?.[1]);
    phases.pdfMs ??= seconds(/\[ban-so:pdf\] PDF: .* xong \d+ tệp trong ([\d.]+) s/.exec(line)?.[1]);
    phases.twinsMs ??= seconds(/\[ban-so:precompress\] Nén sẵn: .* trong ([\d.]+) s/.exec(line)?.[1]);
    const counts = /\[ban-so:[a-z-]+\] ([^:]+): (\d+) tệp làm mới(?:, (\d+) lấy từ bộ nhớ đệm)?/.exec(line);
    if (counts) phases.made[counts[1]!] = { made: Number(counts[2]), fromCache: Number(counts[3] ?? 0) };
  }
  phases.previewsMs = drawn;
  return phases;
}

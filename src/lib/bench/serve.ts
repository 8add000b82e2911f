/**
 * `npm run bench -- --serve` (issue 28): what a load generator (autocannon, loopback only, fixed
 * connections and duration) measured against each server of the built site, as figures and a
 * markdown table for docs/performance.md. Not a test: the figures depend on the machine.
 */

/** The part of autocannon's result we read (autocannon has no types of its own). */
export interface AutocannonResult {
  connections: number;
  duration: number;
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  throughput: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadFigures {
  server: string;
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Bytes received per reading page (body as sent, brotli; headers included). */
  bytesPerPage: number;
  /** Socket errors, timeouts and answers other than 2xx: must all be 0. */
  errors: number;
}

export function loadFigures(server: string, result: AutocannonResult): LoadFigures {
  return {
    server,
    connections: result.connections,
    durationS: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytesPerPage: result.requests.total ? result.throughput.total / result.requests.total : Number.NaN,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** What went wrong under load, one line per server (empty = every answer was a 2xx). */
export function loadProblems(figures: readonly LoadFigures[]): string[] {
  return figures.flatMap((f) => (f.requests === 0 ? [`${f.server}: no request answered`] : f.errors ? [`${f.server}: ${f.errors} errors, timeouts or non-2xx answers`] : []));
}

const round = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function loadTable(figures: readonly LoadFigures[]): string {
  return [
    '| Server | Connections × seconds | Requests | Requests/s | p50 | p99 | Bytes per reading page | Errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...figures.map((f) => `| ${f.server} | ${f.connections} × ${round(f.durationS)} s | ${round(f.requests)} | ${round(f.requestsPerSecond)} | ${round(f.p50Ms, 1)} ms | ${round(f.p99Ms, 1)} ms | ${round(f.bytesPerPage)} B | ${f.errors} |`),
  ].join('\n');
}

import { describe, expect, it } from 'vitest';
import { loadFigures, loadProblems, loadTable, type AutocannonResult } from '../../src/lib/bench/serve.ts';

const RESULT: AutocannonResult = { connections: 10, duration: 10, requests: { average: 2500.4, total: 25004 }, latency: { p50: 3, p99: 12.25, max: 40 }, throughput: { total: 25004 * 6000 }, errors: 0, timeouts: 0, non2xx: 0 };

describe('npm run bench -- --serve figures (issue 28)', () => {
  it('reads requests per second, p99 and bytes per page from autocannon', () => {
    expect(loadFigures('nginx', RESULT)).toEqual({ server: 'nginx', connections: 10, durationS: 10, requests: 25004, requestsPerSecond: 2500.4, p50Ms: 3, p99Ms: 12.25, bytesPerPage: 6000, errors: 0 });
  });

  it('counts errors, timeouts and non-2xx answers as errors, and reports them', () => {
    const bad = loadFigures('node', { ...RESULT, errors: 1, timeouts: 2, non2xx: 3 });
    expect(bad.errors).toBe(6);
    expect(loadProblems([loadFigures('nginx', RESULT), bad])).toEqual(['node: 6 errors, timeouts or non-2xx answers']);
    expect(loadProblems([loadFigures('x', { ...RESULT, requests: { average: 0, total: 0 } })])).toEqual(['x: no request answered']);
  });

  it('prints one table row per server', () => {
    const table = loadTable([loadFigures('nginx', RESULT)]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('| nginx | 10 × 10 s | 25,004 | 2,500 | 3.0 ms | 12.3 ms | 6,000 B | 0 |');
  });
});

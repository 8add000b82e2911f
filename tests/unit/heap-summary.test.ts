import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatHeapSummary, summariseHeapSnapshot } from '../../src/lib/bench/heap-summary.ts';

describe('heap snapshot summary (scripts/heap-summary.ts)', () => {
  it('names what a real snapshot holds: 30,000 objects of one class and one 3 MB string with its first words', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-heap-'));
    try {
      const file = path.join(dir, 'held.heapsnapshot');
      const program = `
        class LessonViewForTest { constructor(i) { this.i = i; } }
        globalThis.held = Array.from({ length: 30000 }, (_, i) => new LessonViewForTest(i));
        globalThis.page = Buffer.from('Trang bài học: ' + 'đ'.repeat(3000000)).toString(); // one flat string, as a page's HTML is
        require('node:v8').writeHeapSnapshot(${JSON.stringify(file)});`;
      expect(spawnSync(process.execPath, ['-e', program]).status).toBe(0);
      // Small chunks, so numbers, escapes and the table names are cut across chunk ends.
      const summary = await summariseHeapSnapshot(createReadStream(file, { encoding: 'utf8', highWaterMark: 997 }));
      const lessons = summary.groups.find((group) => group.name === 'LessonViewForTest');
      expect(lessons?.type).toBe('object');
      expect(lessons?.count).toBe(30000);
      expect(summary.largeStrings[0]?.start.startsWith('Trang bài học: đđđ')).toBe(true);
      expect(summary.largeStrings[0]?.bytes).toBeGreaterThanOrEqual(3_000_000);
      expect(summary.bytes).toBe(summary.groups.reduce((sum, group) => sum + group.bytes, 0));
      expect(formatHeapSummary(summary, 3)).toHaveLength(1 + 3 + 1 + summary.largeStrings.slice(0, 3).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a heap snapshot', async () => {
    await expect(summariseHeapSnapshot(['{"hello": 1}'])).rejects.toThrow(/not a V8 heap snapshot/);
  });
});

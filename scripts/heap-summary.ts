// node scripts/heap-summary.ts FILE.heapsnapshot [TOP]: what a heap snapshot holds, grouped by
// kind and constructor, largest first (src/lib/bench/heap-summary.ts). The build writes
// snapshots after the steps named in BUILD_HEAP_SNAPSHOT (docs/performance.md §9).
import { createReadStream } from 'node:fs';
import { formatHeapSummary, summariseHeapSnapshot } from '../src/lib/bench/heap-summary.ts';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node scripts/heap-summary.ts FILE.heapsnapshot [TOP]');
  process.exit(2);
}
const summary = await summariseHeapSnapshot(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }));
console.log(`${file}:`);
for (const line of formatHeapSummary(summary, Number(top))) console.log(line);

/**
 * Peak memory of the build and the step it happened in (issue 12: find what holds memory), and
 * how busy the cores were in each step (issue 29: is the main thread working alone?).
 * Our integrations name the step they start (setBuildStep); a timer samples the process's
 * resident set every 200 ms. The figures are this Node process only: Chromium and Pagefind's
 * binary are separate processes (/usr/bin/time -v in the bench reports the largest of all).
 */
import { writeHeapSnapshot } from 'node:v8';

export interface MemoryPeak {
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory of Buffers and other objects outside the JavaScript heap. */
  externalBytes: number;
  step: string;
}

/** CPU a step used: the whole process (every thread: libuv's pool, sharp's, workers) and the main thread. */
export interface StepCpu {
  step: string;
  wallMs: number;
  processCpuMs: number;
  mainThreadCpuMs: number;
}

let step = 'start';
let peak: MemoryPeak = { rssBytes: 0, heapUsedBytes: 0, externalBytes: 0, step };
const byStep = new Map<string, number>();
const cpuBySteps: StepCpu[] = [];

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
/** process.threadCpuUsage() is Node 23.9+; without it the main thread's share is not known. */
const threadCpu = (): number => {
  const read = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
  return read ? cpuMs(read.call(process)) : Number.NaN;
};
let stepStart = { wall: performance.now(), processCpu: cpuMs(process.cpuUsage()), mainCpu: threadCpu() };

function sample(): void {
  const { rss, heapUsed, external } = process.memoryUsage();
  byStep.set(step, Math.max(byStep.get(step) ?? 0, rss));
  if (rss > peak.rssBytes) peak = { rssBytes: rss, heapUsedBytes: heapUsed, externalBytes: external, step };
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Start sampling (once per process); the timer never keeps the process alive. */
export function watchMemory(): void {
  if (timer) return;
  timer = setInterval(sample, 200);
  timer.unref();
}

/** Closes the current step's CPU account (called when the next one starts and at the report). */
function closeStep(): void {
  const now = { wall: performance.now(), processCpu: cpuMs(process.cpuUsage()), mainCpu: threadCpu() };
  cpuBySteps.push({
    step,
    wallMs: now.wall - stepStart.wall,
    processCpuMs: now.processCpu - stepStart.processCpu,
    mainThreadCpuMs: now.mainCpu - stepStart.mainCpu,
  });
  stepStart = now;
}

/**
 * The steps after which to write a heap snapshot (BUILD_HEAP_SNAPSHOT="chỉ mục tìm kiếm,PDF"),
 * to find what a step leaves on the heap. Off unless asked for: a snapshot of a large build
 * takes seconds and as much memory again as the heap.
 */
export function heapSnapshotSteps(env: Record<string, string | undefined> = process.env): Set<string> {
  return new Set(
    (env['BUILD_HEAP_SNAPSHOT'] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

export function setBuildStep(name: string): void {
  sample();
  if (heapSnapshotSteps().has(step)) {
    const name = step
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/[^A-Za-z0-9]+/g, '-');
    const file = writeHeapSnapshot(`build-${name}-${process.pid}.heapsnapshot`);
    console.log(`[build-memory] heap snapshot after "${step}": ${file}`);
  }
  closeStep();
  step = name;
}

/** "Bộ nhớ cao nhất 1317 MB (heap 203 MB, ngoài heap 40 MB) lúc: nén sẵn; theo bước: …" */
export function memoryReport(): string {
  sample();
  const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
  const steps = [...byStep].map(([name, rss]) => `${name} ${mb(rss)}`).join(', ');
  return `Bộ nhớ cao nhất ${mb(peak.rssBytes)} (heap ${mb(peak.heapUsedBytes)}, ngoài heap ${mb(peak.externalBytes)}) lúc: ${peak.step}; theo bước: ${steps}`;
}

/**
 * "CPU theo bước: PDF 20.1 s, cả tiến trình 14.2 s (71 %), luồng chính 12.9 s (64 %); …": per
 * step its wall time, the CPU of every thread of this process and of the main thread alone, as
 * a share of one core. A step whose process CPU is about its main thread's leaves the other
 * cores idle (child processes such as Chromium and Pagefind are not counted).
 */
export function formatCpuSteps(steps: readonly StepCpu[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const share = (ms: number, wall: number) => (wall > 0 && Number.isFinite(ms) ? `${Math.round((ms / wall) * 100)} %` : '?');
  const parts = steps
    .filter((entry) => entry.wallMs >= 50)
    .map(
      (entry) =>
        `${entry.step} ${s(entry.wallMs)}, cả tiến trình ${s(entry.processCpuMs)} (${share(entry.processCpuMs, entry.wallMs)}), ` +
        `luồng chính ${Number.isFinite(entry.mainThreadCpuMs) ? s(entry.mainThreadCpuMs) : '?'} (${share(entry.mainThreadCpuMs, entry.wallMs)})`,
    );
  return `CPU theo bước: ${parts.join('; ')}`;
}

/** The CPU report of the build so far (closes the current step). */
export function cpuReport(): string {
  closeStep();
  return formatCpuSteps(cpuBySteps);
}

/**
 * The environment `npm run build` gives `astro build` (scripts/build.ts), unless already set
 * (issue 29, docs/performance.md §9):
 * - glibc gives each thread that allocates (sharp's, libuv's pool) its own malloc arenas, which
 *   keep what was freed: two arenas cut the peak resident set of a 216-lesson cold build from
 *   1,099 to 924 MB at the same build time. Ignored off glibc.
 * - Vite's bundler, Rolldown, allocates with its own mimalloc, which gives freed memory back to
 *   the system only when it next allocates after `purge_delay` (1 s): after bundling Astro's data
 *   store it kept hundreds of MB it no longer used. At 0 it gives them back at once: 216-lesson
 *   cold builds peaked 74–79 MB lower (8 %) for about 4–10 % more CPU.
 */
export const BUILD_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0' };

/** `env` with BUILD_ENV's values for the names it leaves unset. */
export function withBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...BUILD_ENV, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) };
}

/**
 * Peak memory of the build and the step it happened in (issue 12: find what holds memory).
 * Our integrations name the step they start (setBuildStep); a timer samples the process's
 * resident set every 200 ms. The figure is this Node process only: Chromium and Pagefind's
 * binary are separate processes (/usr/bin/time -v in the bench reports the largest of all).
 */
export interface MemoryPeak {
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory of Buffers and other objects outside the JavaScript heap. */
  externalBytes: number;
  step: string;
}

let step = 'start';
let peak: MemoryPeak = { rssBytes: 0, heapUsedBytes: 0, externalBytes: 0, step };
const byStep = new Map<string, number>();

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

export function setBuildStep(name: string): void {
  sample();
  step = name;
}

/** "Bộ nhớ cao nhất 1317 MB (heap 203 MB, ngoài heap 40 MB) lúc: nén sẵn; theo bước: …" */
export function memoryReport(): string {
  sample();
  const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
  const steps = [...byStep].map(([name, rss]) => `${name} ${mb(rss)}`).join(', ');
  return `Bộ nhớ cao nhất ${mb(peak.rssBytes)} (heap ${mb(peak.heapUsedBytes)}, ngoài heap ${mb(peak.externalBytes)}) lúc: ${peak.step}; theo bước: ${steps}`;
}

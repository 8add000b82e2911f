/**
 * The script every worker of src/lib/worker-pool.ts runs: imports the task module it was given
 * and answers each call with the task's result (transferring byte arrays, not copying them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Answer, TaskModule } from './worker-pool.ts';

const tasks = (await import((workerData as { tasks: string }).tasks)) as TaskModule;

parentPort!.on('message', async ({ id, name, args }: { id: number; name: string; args: never[] }) => {
  let answer: Answer;
  let transfer: ArrayBuffer[] = [];
  try {
    const task = tasks[name];
    if (typeof task !== 'function') throw new Error(`no task "${name}"`);
    const value = await task(...args);
    transfer = transferable(value);
    answer = { id, value };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    answer = { id, error: { message, stack } };
  }
  parentPort!.postMessage(answer, transfer);
});

/** The buffers of a result's byte arrays that it owns whole (a pooled Buffer's slab is copied). */
function transferable(value: unknown): ArrayBuffer[] {
  const views = Array.isArray(value) ? value : [value];
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    if (view instanceof Uint8Array && view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) buffers.add(view.buffer);
  }
  return [...buffers];
}

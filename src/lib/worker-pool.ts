/**
 * A pool of worker threads for the build's CPU-bound work per file (issue 29: both cores busy).
 * A task module exports async functions; the pool runs each call in whichever worker is free,
 * in the order calls were made, and answers in the caller's thread. Arguments and results are
 * structured-cloned (Buffers arrive as Uint8Array; results are transferred, not copied).
 * Never more workers than cores: the main thread and child processes need a core too.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Each worker's own heap, kept small: a task is one file at a time, and a worker left to V8's
 * defaults grew by 50–100 MB each while drawing 200 A5 sheets (it collects late when nothing
 * tells it to), which would have raised the build's peak.
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 };

/** Workers for a pool: `requested` (or the number of cores), never more than the cores, at least 1. */
export function poolSize(requested: number | undefined, cores: number = availableParallelism()): number {
  const wanted = requested !== undefined && Number.isInteger(requested) && requested >= 1 ? requested : cores;
  return Math.max(1, Math.min(wanted, Math.max(1, cores)));
}

type Task = (...args: never[]) => Promise<unknown> | unknown;
export type TaskModule = Record<string, Task>;

export interface WorkerPool<Tasks extends TaskModule> {
  readonly size: number;
  run<Name extends keyof Tasks & string>(name: Name, ...args: Parameters<Tasks[Name]>): Promise<Awaited<ReturnType<Tasks[Name]>>>;
  /** Ends every worker (calls not yet answered are refused); the pool cannot be used again. */
  close(): Promise<void>;
}

interface Call {
  id: number;
  name: string;
  args: unknown[];
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/** Message from a worker: the answer to call `id`. */
export type Answer = { id: number; value: unknown } | { id: number; error: { message: string; stack?: string | undefined } };

/**
 * Starts `size` workers running `worker-host.ts`, each importing `tasks` (a file URL). Workers
 * start on the first call, so a build with nothing to do never pays for them.
 */
export function createWorkerPool<Tasks extends TaskModule>(tasks: URL, size: number, limits: ResourceLimits = WORKER_LIMITS): WorkerPool<Tasks> {
  const host = new URL('./worker-host.ts', import.meta.url);
  const queue: Call[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Call>();
  const workers: Worker[] = [];
  let nextId = 0;
  let closed = false;

  const fail = (worker: Worker, error: Error) => {
    const call = busy.get(worker);
    busy.delete(worker);
    // 'error' is followed by 'exit': forget the worker once.
    for (const list of [workers, idle]) {
      const index = list.indexOf(worker);
      if (index >= 0) list.splice(index, 1);
    }
    call?.reject(error);
    // The worker is gone: calls still waiting need another one.
    pump();
  };
  const start = (): Worker => {
    const worker = new Worker(host, { workerData: { tasks: tasks.href }, resourceLimits: limits });
    worker.on('message', (answer: Answer) => {
      const call = busy.get(worker);
      busy.delete(worker);
      if (call && call.id === answer.id) {
        if ('error' in answer) {
          const error = new Error(answer.error.message);
          if (answer.error.stack) error.stack = answer.error.stack;
          call.reject(error);
        } else call.resolve(answer.value as never);
      }
      idle.push(worker);
      pump();
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => {
      if (!closed) fail(worker, new Error(`worker ${tasks.pathname} stopped (exit ${code})`));
    });
    workers.push(worker);
    return worker;
  };
  function pump(): void {
    while (queue.length && !closed) {
      const worker = idle.pop() ?? (workers.length < size ? start() : undefined);
      if (!worker) return;
      const call = queue.shift()!;
      busy.set(worker, call);
      worker.postMessage({ id: call.id, name: call.name, args: call.args });
    }
  }
  return {
    size,
    run(name, ...args) {
      if (closed) return Promise.reject(new Error('worker pool closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, name, args, resolve: resolve as (value: never) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const call of [...queue.splice(0), ...busy.values()]) call.reject(new Error('worker pool closed'));
      busy.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

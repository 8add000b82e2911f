import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, poolSize, type WorkerPool } from '../../src/lib/worker-pool.ts';
import type * as Tasks from '../fixtures/worker-pool/tasks.ts';

const tasks = new URL('../fixtures/worker-pool/tasks.ts', import.meta.url);
let pool: WorkerPool<typeof Tasks> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('poolSize', () => {
  it('is one worker per core by default', () => {
    expect(poolSize(undefined, 2)).toBe(2);
    expect(poolSize(undefined, 8)).toBe(8);
    expect(poolSize(undefined)).toBe(availableParallelism());
  });
  it('never more workers than cores, never fewer than one', () => {
    expect(poolSize(6, 2)).toBe(2);
    expect(poolSize(1, 2)).toBe(1);
    expect(poolSize(0, 2)).toBe(2);
    expect(poolSize(-3, 2)).toBe(2);
    expect(poolSize(1.5, 4)).toBe(4);
    expect(poolSize(undefined, 0)).toBe(1);
  });
});

describe('createWorkerPool', () => {
  it('runs tasks off the calling thread and gives their results back in call order', async () => {
    pool = createWorkerPool<typeof Tasks>(tasks, 2);
    const inputs = Array.from({ length: 12 }, (_, i) => Uint8Array.from([i, i + 1, i + 2]));
    const results = await Promise.all(inputs.map((bytes) => pool!.run('reverse', bytes)));
    expect(results.map((r) => [...r.bytes])).toEqual(inputs.map((bytes) => [...bytes].reverse()));
    expect(results.every((r) => r.threadId !== threadId)).toBe(true);
    // The caller's bytes are copied to the worker, not taken from it.
    expect([...inputs[3]!]).toEqual([3, 4, 5]);
  });

  it('uses as many threads as it was given, at once, and no more', async () => {
    pool = createWorkerPool<typeof Tasks>(tasks, 2);
    const started = performance.now();
    const threads = await Promise.all(Array.from({ length: 6 }, () => pool!.run('spin', 150)));
    expect(new Set(threads).size).toBe(2);
    // Six 150 ms tasks on two threads: at least three rounds, whatever the machine's load.
    expect(performance.now() - started).toBeGreaterThanOrEqual(440);
  });

  it("passes a task's error to its caller and keeps serving", async () => {
    pool = createWorkerPool<typeof Tasks>(tasks, 1);
    await expect(pool.run('refuse', 'tờ rơi hỏng')).rejects.toThrow('tờ rơi hỏng');
    expect((await pool.run('reverse', Uint8Array.from([1, 2]))).bytes).toEqual(Uint8Array.from([2, 1]));
  });

  it('a worker that dies fails only its own call; the next call gets a new worker', async () => {
    pool = createWorkerPool<typeof Tasks>(tasks, 1);
    const first = await pool.run('spin', 0);
    await expect(pool.run('die')).rejects.toThrow(/exit 3/);
    const next = await pool.run('spin', 0);
    expect(next).not.toBe(first);
  });

  it('refuses calls after close, including those still waiting', async () => {
    pool = createWorkerPool<typeof Tasks>(tasks, 1);
    const running = expect(pool.run('spin', 200)).rejects.toThrow('worker pool closed');
    const waiting = expect(pool.run('spin', 0)).rejects.toThrow('worker pool closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    await running;
    await waiting;
    await expect(pool.run('spin', 0)).rejects.toThrow('worker pool closed');
  });
});

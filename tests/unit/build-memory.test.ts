import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_ENV, formatCpuSteps, heapSnapshotSteps, withBuildEnv } from '../../src/lib/build-memory.ts';

describe('the build log of CPU per step', () => {
  it('says when a step kept one thread busy and the rest of the process idle', () => {
    const line = formatCpuSteps([
      { step: 'PDF', wallMs: 20_000, processCpuMs: 21_000, mainThreadCpuMs: 19_000 },
      { step: 'nén sẵn', wallMs: 10_000, processCpuMs: 19_000, mainThreadCpuMs: 1_000 },
      { step: 'start', wallMs: 10, processCpuMs: 5, mainThreadCpuMs: 5 },
    ]);
    expect(line).toBe('CPU theo bước: PDF 20.0 s, cả tiến trình 21.0 s (105 %), luồng chính 19.0 s (95 %); nén sẵn 10.0 s, cả tiến trình 19.0 s (190 %), luồng chính 1.0 s (10 %)');
  });
  it('writes heap snapshots only after the steps named in BUILD_HEAP_SNAPSHOT', () => {
    expect([...heapSnapshotSteps({ BUILD_HEAP_SNAPSHOT: 'chỉ mục tìm kiếm, PDF' })]).toEqual(['chỉ mục tìm kiếm', 'PDF']);
    expect(heapSnapshotSteps({}).size).toBe(0);
  });
});

describe('npm run build (scripts/build.ts)', () => {
  it("starts astro build with glibc limited to two malloc arenas and Rolldown's mimalloc giving memory back at once, unless the person set their own values", () => {
    expect(BUILD_ENV).toEqual({ MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0' });
    expect(withBuildEnv({ PATH: '/bin' })).toEqual({ MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0', PATH: '/bin' });
    expect(withBuildEnv({ MIMALLOC_PURGE_DELAY: '1000' })['MIMALLOC_PURGE_DELAY']).toBe('1000');
    expect(withBuildEnv({ MALLOC_ARENA_MAX: '8' })['MALLOC_ARENA_MAX']).toBe('8');
    expect(withBuildEnv({ MALLOC_ARENA_MAX: undefined })['MALLOC_ARENA_MAX']).toBe('2');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build).toBe('node scripts/build.ts');
  });
  it('passes its arguments to astro build and its exit status back, with BUILD_ENV in the environment', () => {
    // A stand-in for Astro that prints what it was given and exits with 3.
    const root = mkdtempSync(path.join(tmpdir(), 'ban-so-build-script-'));
    try {
      mkdirSync(path.join(root, 'node_modules/astro/bin'), { recursive: true });
      writeFileSync(path.join(root, 'node_modules/astro/bin/astro.mjs'), 'console.log(JSON.stringify({ args: process.argv.slice(2), arenas: process.env.MALLOC_ARENA_MAX, purge: process.env.MIMALLOC_PURGE_DELAY })); process.exit(3);\n');
      writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
      cpSync('scripts/build.ts', path.join(root, 'scripts/build.ts'));
      cpSync('src/lib/build-memory.ts', path.join(root, 'src/lib/build-memory.ts'));
      const env = { ...process.env };
      delete env['MALLOC_ARENA_MAX'];
      delete env['MIMALLOC_PURGE_DELAY'];
      const run = spawnSync(process.execPath, ['scripts/build.ts', '--verbose'], { cwd: root, encoding: 'utf8', env });
      expect(run.status, run.stderr).toBe(3);
      expect(JSON.parse(run.stdout)).toEqual({ args: ['build', '--verbose'], arenas: '2', purge: '0' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

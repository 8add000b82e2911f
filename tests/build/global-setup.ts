import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { newestMtime } from '../support/dist.ts';
import { withBuildEnv } from '../../src/lib/build-memory.ts';

const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
const MARKER = path.resolve('dist/index.html');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this run where test files share the fixture sites they build (site-copy.ts `sharedBuild`). */
    sharedSites: string;
  }
}

/**
 * Build tests read dist/: build it first when it is missing or older than the sources. Every
 * project of one run gets the same folder for shared fixture builds (one per vitest process).
 */
export default function setup(project: TestProject): () => void {
  const shared = path.join(tmpdir(), `ban-so-shared-sites-${process.pid}`);
  mkdirSync(shared, { recursive: true });
  project.provide('sharedSites', shared);
  const teardown = () => rmSync(shared, { recursive: true, force: true });
  const builtAt = existsSync(MARKER) ? statSync(MARKER).mtimeMs : 0;
  if (builtAt > newestMtime(SOURCES)) return teardown;
  console.log(builtAt ? 'dist/ is older than the sources: building…' : 'dist/ is missing: building…');
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  // NODE_ENV is "test" inside vitest: Astro would build in development mode (extra attributes
  // such as data-image-component on pictures) instead of what `npm run build` writes.
  const result = spawnSync(process.execPath, [astro, 'build'], { stdio: 'inherit', env: withBuildEnv({ ...process.env, NODE_ENV: 'production' }) });
  if (result.status !== 0) throw new Error('npm run build failed: see the output above.');
  return teardown;
}

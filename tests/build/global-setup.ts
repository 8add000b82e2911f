import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestMtime } from '../support/dist.ts';

const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
const MARKER = path.resolve('dist/index.html');

/** Build tests read dist/: build it first when it is missing or older than the sources. */
export default function setup(): void {
  const builtAt = existsSync(MARKER) ? statSync(MARKER).mtimeMs : 0;
  if (builtAt > newestMtime(SOURCES)) return;
  console.log(builtAt ? 'dist/ is older than the sources: building…' : 'dist/ is missing: building…');
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: see the output above.');
}

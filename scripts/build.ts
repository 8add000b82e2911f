// npm run build: `astro build` (any arguments passed on), in the environment of BUILD_ENV
// (src/lib/build-memory.ts: glibc's malloc limited to two arenas and Rolldown's mimalloc giving
// freed memory back at once, for a lower peak memory). Both are read when the process starts,
// so this script starts Astro.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { withBuildEnv } from '../src/lib/build-memory.ts';

const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env: withBuildEnv(process.env) });
if (result.error) throw result.error;
process.exit(result.status ?? 1);

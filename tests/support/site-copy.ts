/**
 * A throw-away copy of the site (src/, public/, the config) with a content/ folder of the
 * test's choosing, built with the repository's node_modules: for tests that build on their own.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withBuildEnv } from '../../src/lib/build-memory.ts';

const REPO = process.cwd();

/** What a build reads besides content/ and node_modules (scripts/templates/ feeds /admin/config.yml). */
export const SITE_SOURCES = ['src', 'public', 'scripts', 'tsconfig.json', 'package.json'] as const;

/** A new copy with `content` (a folder) as its content/; returns its root. */
export function copySite(prefix: string, content: string): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const item of SITE_SOURCES) cpSync(path.join(REPO, item), path.join(root, item), { recursive: true });
  cpSync(path.join(REPO, 'astro.config.mjs'), path.join(root, 'astro.real.mjs'));
  writeFileSync(path.join(root, 'astro.config.mjs'), "import config from './astro.real.mjs';\nexport default { ...config, cacheDir: './.cache/astro', vite: { ...config.vite, cacheDir: './.cache/vite' } };\n");
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  cpSync(content, path.join(root, 'content'), { recursive: true });
  return root;
}

/**
 * `astro build` in the copy, its build cache in <root>/.cache/ban-so; the log, stdout and stderr
 * together. NODE_ENV=production as with `npm run build` (vitest sets it to "test", in which Astro
 * builds in development mode).
 */
export function buildCopy(root: string, env: Record<string, string> = {}): { status: number | null; log: string } {
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    // As `npm run build` starts it (scripts/build.ts).
    env: withBuildEnv({
      ...process.env,
      NODE_ENV: 'production',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      SOURCE_DATE_EPOCH: '1764633600',
      BUILD_CACHE_DIR: path.join(root, '.cache/ban-so'),
      BUILD_CACHE: '',
      PDF_CACHE: '',
      OG_CACHE: '',
      PRECOMPRESS_CACHE: '',
      AUDIO_CACHE: '',
      ...env,
    }),
  });
  return { status: result.status, log: `${result.stdout}\n${result.stderr}` };
}

/**
 * One build of a fixture site shared by the test files of one `npm test` run (issue 29): the
 * first file to ask builds it under the run's folder (`sharedRoot`, from global-setup.ts); the
 * others, in other workers, wait for it. Each caller gets its own copy of the built site
 * (sources, dist/ and build cache), so a test may build its copy again or change it freely.
 * Outside a vitest run with the global setup (no shared folder), it simply builds a copy.
 */
export interface SharedBuild {
  root: string;
  status: number | null;
  log: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function sharedBuild(key: string, sharedRoot: string | undefined, make: (scratch: string) => string, env: Record<string, string> = {}): Promise<SharedBuild> {
  const build = (): SharedBuild => {
    const scratch = mkdtempSync(path.join(tmpdir(), `ban-so-${key}-content-`));
    const root = copySite(`ban-so-${key}-`, make(scratch));
    rmSync(scratch, { recursive: true, force: true });
    return { root, ...buildCopy(root, env) };
  };
  if (!sharedRoot || !existsSync(sharedRoot)) return build();
  const done = path.join(sharedRoot, `${key}.json`);
  let mine = false;
  try {
    mkdirSync(path.join(sharedRoot, `${key}.lock`));
    mine = true;
  } catch {
    // Another test file is building it.
  }
  if (mine) {
    let built: SharedBuild = { root: '', status: null, log: 'the shared build threw before it finished' };
    try {
      built = build();
      cpSync(built.root, path.join(sharedRoot, key), { recursive: true, verbatimSymlinks: true });
    } finally {
      writeFileSync(done, JSON.stringify({ status: built.status, log: built.log }));
    }
    return built;
  }
  while (!existsSync(done)) await sleep(250);
  const { status, log } = JSON.parse(readFileSync(done, 'utf8')) as { status: number | null; log: string };
  const root = mkdtempSync(path.join(tmpdir(), `ban-so-${key}-`));
  if (status === 0) cpSync(path.join(sharedRoot, key), root, { recursive: true, verbatimSymlinks: true });
  return { root, status, log };
}

/**
 * Copies the repository's build cache (PDFs, leaflet pictures, previews, twins: what the real
 * build made) into the copy's own, so that a copy differing by a few files makes only what they
 * change, as CI builds a pull request with main's cache. False when the repository has none yet.
 */
export function seedBuildCache(root: string): boolean {
  const from = path.join(REPO, 'node_modules/.cache/ban-so');
  if (!existsSync(from)) return false;
  cpSync(from, path.join(root, '.cache/ban-so'), { recursive: true });
  return true;
}

/**
 * Cloudflare's own runtime for Pages (issue 28): `wrangler pages dev dist/` (workerd, from npm),
 * which reads dist/_headers and dist/_redirects as Cloudflare Pages does. Telemetry off, no
 * Request.cf fetch from workers.cloudflare.com, 127.0.0.1 and a free port; a scratch HOME and
 * state folder, so nothing is written outside the test's own folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './nginx.ts';

export const WRANGLER = path.resolve('node_modules/wrangler/bin/wrangler.js');
/** Fixed, so a new wrangler release cannot change the runtime's behaviour under the tests. */
export const COMPATIBILITY_DATE = '2026-11-17';

/** The environment wrangler runs with: no telemetry, no network look-ups, its files in `home`. */
export function wranglerEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_LOG_PATH: path.join(home, 'logs'),
    CI: '1',
    NO_COLOR: '1',
  };
}

export interface RunningPages {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

export async function startPagesDev(dist: string): Promise<RunningPages> {
  const home = mkdtempSync(path.join(tmpdir(), 'ban-so-wrangler-'));
  const port = await freePort();
  const args = [WRANGLER, 'pages', 'dev', path.resolve(dist), '--ip', '127.0.0.1', '--port', String(port), '--compatibility-date', COMPATIBILITY_DATE, '--persist-to', path.join(home, 'state'), '--inspector-port', String(await freePort())];
  const child = spawn(process.execPath, args, { cwd: home, env: wranglerEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300 && exited === null; attempt++) {
    if (output.includes('Ready on')) {
      try {
        await fetch(`${url}/robots.txt`);
        break;
      } catch {
        // not yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (exited !== null || !output.includes('Ready on')) {
    child.kill('SIGKILL');
    throw new Error(`wrangler pages dev did not start (exit ${exited}):\n${output}`);
  }
  return {
    url,
    log: () => output,
    stop: async () => {
      if (exited === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

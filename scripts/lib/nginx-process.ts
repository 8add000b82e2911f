/**
 * Debian's nginx as a child process (issue 28), running docs/nginx.conf as written — only the
 * root and the port changed — as any user: its own pid, logs and temp files in a scratch folder,
 * `daemon off;`, 127.0.0.1 and a free port. Used by tests/browser/nginx.test.ts and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { mainConfig, SECURITY_SNIPPET, splitNginxConf, withRootAndPort } from '../../src/lib/delivery/nginx.ts';

export const NGINX = '/usr/sbin/nginx';
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
export const MIME_TYPES = '/etc/nginx/mime.types';

export function nginxInstalled(): boolean {
  return existsSync(NGINX) && existsSync(BROTLI_MODULE) && existsSync(MIME_TYPES);
}

/** A port nobody listens on right now (the kernel picks it; a race is possible but rare). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface RunningNginx {
  url: string;
  /** The folder with nginx.conf, the snippet, error.log. */
  prefix: string;
  stop: () => Promise<void>;
  errorLog: () => string;
}

/** Starts nginx with a config text (docs/nginx.conf or a fixture) serving `root`. */
export async function startNginx(confText: string, root: string): Promise<RunningNginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'ban-so-nginx-'));
  mkdirSync(path.join(prefix, 'snippets'));
  mkdirSync(path.join(prefix, 'tmp'));
  const port = await freePort();
  const { security, server } = splitNginxConf(confText);
  writeFileSync(path.join(prefix, SECURITY_SNIPPET), security);
  writeFileSync(path.join(prefix, 'ban-so.conf'), withRootAndPort(server, path.resolve(root), port));
  // "include mime.types;" in the server block resolves next to the main config, as in /etc/nginx/.
  writeFileSync(path.join(prefix, 'mime.types'), readFileSync(MIME_TYPES));
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    mainConfig({ prefix, serverFile: path.join(prefix, 'ban-so.conf'), modules: [BROTLI_MODULE], mimeTypes: path.join(prefix, 'mime.types'), user: process.getuid?.() === 0 ? userInfo().username : undefined }),
  );
  const errorLog = () => (existsSync(path.join(prefix, 'error.log')) ? readFileSync(path.join(prefix, 'error.log'), 'utf8') : '');
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (let attempt = 0; attempt < 100 && !(await accepting(port)); attempt++) {
    if (exited !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (exited !== null || !(await accepting(port))) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not start (exit ${exited}): ${stderr}${errorLog()}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    prefix,
    errorLog,
    stop: async () => {
      if (exited === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT'); // graceful stop of master and worker
        await gone;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

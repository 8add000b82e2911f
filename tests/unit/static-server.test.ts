import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../src/lib/static-server.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'ban-so-static-'));
writeFileSync(path.join(dist, 'index.html'), `<!doctype html><p>${'Bà con đọc bài. '.repeat(200)}</p>`);
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The Content-Encoding a browser asking for brotli gets. */
async function encodingOf(options: { compress?: boolean }): Promise<string | undefined> {
  const { url, server } = await serveDist(dist, {}, options);
  servers.push(server);
  return new Promise((resolve, reject) => {
    request(`${url}/`, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      response.resume();
      resolve(response.headers['content-encoding']);
    })
      .on('error', reject)
      .end();
  });
}

describe('serveDist', () => {
  it('compresses text as a host would (the browser tests measure what readers get)', async () => {
    expect(await encodingOf({})).toBe('br');
  });

  it('sends files as they are to the build’s own Chromium (PDFs): no brotli 11 on the main thread', async () => {
    expect(await encodingOf({ compress: false })).toBeUndefined();
  });
});

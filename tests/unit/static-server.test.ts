import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInside, resolveRequest, serveDist } from '../../src/lib/delivery/static-server.ts';

// A temporary folder holding the served site "dist" and, beside it, what must never be served:
// "dist-x" (a sibling whose name starts with the served one's) and "secret.txt".
const parent = mkdtempSync(path.join(tmpdir(), 'ban-so-static-'));
const dist = path.join(parent, 'dist');
mkdirSync(path.join(dist, 'bai-hoc', 'x'), { recursive: true });
mkdirSync(path.join(parent, 'dist-x'));
writeFileSync(path.join(dist, 'index.html'), `<!doctype html><p>${'Bà con đọc bài. '.repeat(200)}</p>`);
writeFileSync(path.join(dist, 'bai-hoc', 'x', 'index.html'), '<p>bài x</p>');
writeFileSync(path.join(dist, '404.html'), '<p>không có trang này</p>');
writeFileSync(path.join(parent, 'dist-x', 'index.html'), 'SIBLING');
writeFileSync(path.join(parent, 'secret.txt'), 'SECRET');
symlinkSync(path.join(parent, 'secret.txt'), path.join(dist, 'link-out.txt'));
symlinkSync(path.join(parent, 'dist-x'), path.join(dist, 'folder-out'));
symlinkSync(path.join(dist, 'bai-hoc', 'x', 'index.html'), path.join(dist, 'link-in.html'));

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(parent, { recursive: true, force: true });
});

/** Status, Content-Encoding and body of a raw request path (sent as written, no client normalising). */
async function get(url: string, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; encoding: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${url}/`, { path: rawPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], body: Buffer.concat(chunks).toString('utf8') }));
    })
      .on('error', reject)
      .end();
  });
}

async function serve(options: { compress?: boolean } = {}): Promise<string> {
  const { url, server } = await serveDist(dist, {}, options);
  servers.push(server);
  return url;
}

describe('serveDist', () => {
  it('compresses text as a host would (the browser tests measure what readers get)', async () => {
    expect((await get(await serve(), '/', { 'accept-encoding': 'br, gzip' })).encoding).toBe('br');
  });

  it('sends files as they are to the build’s own Chromium (PDFs): no brotli 11 on the main thread', async () => {
    expect((await get(await serve({ compress: false }), '/', { 'accept-encoding': 'br, gzip' })).encoding).toBeUndefined();
  });

  it('serves pages, folders and the 404 page', async () => {
    const url = await serve();
    expect(await get(url, '/bai-hoc/x/')).toMatchObject({ status: 200, body: '<p>bài x</p>' });
    expect(await get(url, '/bai-hoc/%78/')).toMatchObject({ status: 200, body: '<p>bài x</p>' });
    expect(await get(url, '/link-in.html')).toMatchObject({ status: 200, body: '<p>bài x</p>' });
    expect(await get(url, '/khong-co/')).toMatchObject({ status: 404, body: '<p>không có trang này</p>' });
  });

  it.each([
    ['an encoded slash into a sibling folder whose name starts with the served one’s', '/..%2fdist-x/'],
    ['an encoded slash out of the folder', '/..%2fsecret.txt'],
    ['encoded dots and slash', '/%2e%2e%2fsecret.txt'],
    ['encoded dots after a folder', '/bai-hoc/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['a double climb into the sibling', '/bai-hoc/..%2f..%2fdist-x/index.html'],
  ])('refuses %s (403), never sending the file', async (_what, rawPath) => {
    const response = await get(await serve(), rawPath);
    expect(response.status).toBe(403);
    expect(response.body).not.toMatch(/SIBLING|SECRET/);
  });

  it.each([
    ['plain dots (the URL parser resolves them inside the site)', '/../secret.txt'],
    ['encoded dots as a segment (%2e%2e)', '/%2e%2e/secret.txt'],
  ])('keeps %s inside the site: 404, never the file', async (_what, rawPath) => {
    const response = await get(await serve(), rawPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toMatch(/SIBLING|SECRET/);
  });

  it.each([
    ['a file', '/link-out.txt'],
    ['a folder', '/folder-out/'],
  ])('refuses a symlink to %s outside the site (403)', async (_what, rawPath) => {
    const response = await get(await serve(), rawPath);
    expect(response.status).toBe(403);
    expect(response.body).not.toMatch(/SIBLING|SECRET/);
  });

  it.each(['/%', '/%zz/', '/bai-hoc/%E0%A4%A/', '/a%00b'])('answers 400 for a malformed escape or a NUL (%s) and keeps serving', async (rawPath) => {
    const url = await serve();
    expect((await get(url, rawPath)).status).toBe(400);
    expect((await get(url, '/bai-hoc/x/')).status).toBe(200);
  });
});

describe('resolveRequest and isInside', () => {
  it('compares real paths with a separator after the root', () => {
    expect(isInside('/tmp/dist', '/tmp/dist')).toBe(true);
    expect(isInside('/tmp/dist', '/tmp/dist/a')).toBe(true);
    expect(isInside('/tmp/dist', '/tmp/dist-x/a')).toBe(false);
    expect(isInside('/tmp/dist/', '/tmp/dist/a')).toBe(true);
  });

  it('resolves through a symlinked root (tests serve temporary copies)', () => {
    const linked = path.join(parent, 'linked-root');
    symlinkSync(dist, linked);
    expect(resolveRequest(linked, '/bai-hoc/x/')).toMatchObject({ status: 200, file: path.join(dist, 'bai-hoc', 'x', 'index.html') });
  });
});

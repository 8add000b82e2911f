// Netlify reads the same public/_headers (issue 28). Netlify's own header engine (@netlify/headers,
// what `netlify dev` runs) must give every path what our parser (src/lib/delivery/headers.ts: Cloudflare's
// rules, tested against Cloudflare's runtime in tests/browser/static-host.test.ts) gives it.
import { readFileSync } from 'node:fs';
import { HeadersHandler } from '@netlify/headers';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../src/lib/delivery/headers.ts';
import { HEADER_RULE_PATHS } from '../support/served-headers.ts';

const RULES = parseHeaders(readFileSync('public/_headers', 'utf8'));
const PATHS = HEADER_RULE_PATHS;

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

describe("public/_headers on Netlify, by Netlify's own engine", () => {
  const logger = { log: () => {}, warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message) };
  const warnings: string[] = [];
  const netlify = new HeadersHandler({ projectDir: '.', publishDir: 'public', logger: logger as never });

  it.each(PATHS)('%s: the same headers as Cloudflare Pages and nginx', async (path) => {
    expect(lower(await netlify.apply(new Request(`https://ban-so.example.org${path}`)))).toEqual(headersFor(RULES, path));
  });

  it('reads the file without a warning (the "! Name" lines included)', async () => {
    await netlify.apply(new Request('https://ban-so.example.org/'));
    expect(warnings).toEqual([]);
  });
});

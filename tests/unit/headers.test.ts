import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { astroCspDirectives, headerPolicyFor, headersFor, HeadersSyntaxError, matches, metaPolicy, parseCsp, parseHeaders } from '../../src/lib/delivery/headers.ts';

const SAMPLE = `# comment
/*
  X-Frame-Options: DENY
  Content-Security-Policy: default-src 'none'; script-src 'self'

/_astro/*
  Cache-Control: public, max-age=31536000, immutable
/bai-hoc/:slug/
  X-Test: lesson
/*
  Link: </a.css>; rel=preload
  Link: </b.css>; rel=preload
`;

describe('_headers parser', () => {
  it('reads patterns and their indented headers, skipping comments and blank lines', () => {
    const rules = parseHeaders(SAMPLE);
    expect(rules.map((rule) => [rule.pattern, rule.line, rule.headers.length])).toEqual([
      ['/*', 2, 2],
      ['/_astro/*', 6, 1],
      ['/bai-hoc/:slug/', 8, 1],
      ['/*', 10, 2],
    ]);
    expect(rules[0]!.headers[1]).toEqual(['content-security-policy', "default-src 'none'; script-src 'self'"]);
  });

  it('matches * across segments and :placeholder within one segment', () => {
    expect(matches('/*', '/')).toBe(true);
    expect(matches('/_astro/*', '/_astro/a.b.js')).toBe(true);
    expect(matches('/_astro/*', '/bai-hoc/')).toBe(false);
    expect(matches('/bai-hoc/:slug/', '/bai-hoc/x/')).toBe(true);
    expect(matches('/bai-hoc/:slug/', '/bai-hoc/x/to-roi/')).toBe(false);
    expect(matches('/a.b', '/aXb')).toBe(false);
  });

  it('applies every matching rule and joins repeated headers with ", "', () => {
    const rules = parseHeaders(SAMPLE);
    expect(headersFor(rules, '/bai-hoc/x/')).toEqual({
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; script-src 'self'",
      'x-test': 'lesson',
      link: '</a.css>; rel=preload, </b.css>; rel=preload',
    });
    expect(headersFor(rules, '/_astro/x.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/tin-tuc/')['x-test']).toBeUndefined();
  });

  it('rejects malformed files with the line number', () => {
    expect(() => parseHeaders('  X-A: b\n')).toThrow(/_headers:1: header line before any URL pattern/);
    expect(() => parseHeaders('/*\n  no colon here\n')).toThrow(/_headers:2:.*Name: value/);
    expect(() => parseHeaders('/*\nX-A: b\n')).toThrow(HeadersSyntaxError);
  });

  it('parses a CSP into directives', () => {
    const csp = parseCsp("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ;style-src 'self'");
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
  });
});

describe('public/_headers and docs/nginx.conf (issue 8)', () => {
  const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));
  const all = headersFor(rules, '/any/page/');

  it('send a strict CSP on every path: no inline script, nothing from other hosts', () => {
    const csp = parseCsp(all['content-security-policy'] ?? '');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('style-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src') ?? csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [directive, sources] of csp) {
      expect(
        sources.filter((source) => /^(https?:|\*|\/\/)/.test(source)),
        directive,
      ).toEqual([]);
    }
    expect(all['x-content-type-options']).toBe('nosniff');
  });

  it('the nginx example sends the same security headers as _headers', () => {
    const nginx = readFileSync('docs/nginx.conf', 'utf8');
    // Only our block: it ends where another "# … (issue N)" block (e.g. caching) begins.
    const start = nginx.indexOf('# Security (issue 8)');
    const rest = nginx.slice(start + 1);
    const next = rest.search(/^# [^\n]*\(issue \d+\)/m);
    const block = next === -1 ? rest : rest.slice(0, next);
    const fromNginx = Object.fromEntries([...block.matchAll(/^add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((match) => [match[1]!.toLowerCase(), match[2]]));
    const security = rules.find((rule) => rule.headers.some(([name]) => name === 'content-security-policy'))!;
    expect(fromNginx).toEqual(Object.fromEntries(security.headers));
  });
});

describe('"! Name" lines (Cloudflare Pages detach)', () => {
  it('drop a header set by an earlier rule, so a later rule can replace it', () => {
    const rules = parseHeaders('/*\n  Cache-Control: no-cache\n  X-A: 1\n/_astro/*\n  ! Cache-Control\n  Cache-Control: immutable\n');
    expect(headersFor(rules, '/_astro/a.js')).toEqual({ 'cache-control': 'immutable', 'x-a': '1' });
    expect(headersFor(rules, '/bai-hoc/')).toEqual({ 'cache-control': 'no-cache', 'x-a': '1' });
  });
});

describe('/admin/ (issue 15): the CMS gets its own policy, as strict as it allows', () => {
  const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));
  const admin = headersFor(rules, '/admin/');
  const csp = parseCsp(admin['content-security-policy'] ?? '');

  it('replaces the site CSP (one policy, not two joined)', () => {
    expect(admin['content-security-policy']).not.toContain(',');
    expect(headersFor(rules, '/bai-hoc/x/')['content-security-policy']).not.toContain('api.github.com');
  });

  it('runs no inline or evaluated script and talks only to GitHub', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('connect-src')?.filter((source) => source.startsWith('https:'))).toEqual(['https://api.github.com', 'https://www.githubstatus.com']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(admin['x-robots-tag']).toBe('noindex, nofollow');
  });

  it('caches the hashed bundle for good and the page never', () => {
    expect(headersFor(rules, '/admin/cms-AbC_1.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(admin['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('the nginx example sends the same headers for /admin/ and its bundle', () => {
    const nginx = readFileSync('docs/nginx.conf', 'utf8');
    const block = nginx.slice(nginx.indexOf('location /admin/ {'));
    const headersOf = (text: string) => Object.fromEntries([...text.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((match) => [match[1]!.toLowerCase(), match[2]]));
    const inner = block.indexOf('location ~ ^/admin/cms-');
    expect(headersOf(block.slice(0, inner))).toEqual(admin);
    expect(headersOf(block.slice(inner, block.indexOf('}', inner)))).toEqual(headersFor(rules, '/admin/cms-AbC_1.js'));
  });
});

describe("the header policy in each page's <meta> (issue 23)", () => {
  const text = readFileSync('public/_headers', 'utf8');

  it('gives Astro every directive of the site header a meta can carry, but script-src and style-src', () => {
    const directives = astroCspDirectives(headerPolicyFor(text, '/bai-hoc/x/'));
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("img-src 'self' data:");
    for (const name of ['font-src', 'connect-src', 'media-src', 'manifest-src', 'form-action', 'base-uri'])
      expect(
        directives.some((d) => d.startsWith(`${name} `)),
        name,
      ).toBe(true);
    expect(directives.filter((d) => /^(script|style)-src|^frame-ancestors|^report-|^sandbox/.test(d))).toEqual([]);
  });

  it('refuses a directive it does not know, rather than leave it out of the meta', () => {
    expect(() => astroCspDirectives("default-src 'none'; prefetch-src 'self'")).toThrow(/prefetch-src/);
  });

  it('drops only what a meta cannot carry from the CMS policy', () => {
    const policy = headerPolicyFor(text, '/admin/');
    const meta = parseCsp(metaPolicy(policy));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect([...meta.keys()]).toEqual([...parseCsp(policy).keys()].filter((name) => name !== 'frame-ancestors'));
    expect(meta.get('connect-src')).toEqual(parseCsp(policy).get('connect-src'));
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../src/lib/delivery/headers.ts';
import { headerDifferences, headerNames, mainConfig, nginxHeadersFor, splitNginxConf, withRootAndPort } from '../../src/lib/delivery/nginx.ts';
import { applyDrift, DRIFTS } from '../fixtures/serve/nginx-drift.ts';
import { HEADER_RULE_PATHS } from '../support/served-headers.ts';

const CONF = readFileSync('docs/nginx.conf', 'utf8');
const RULES = parseHeaders(readFileSync('public/_headers', 'utf8'));
const NAMES = [...headerNames(RULES)].filter((name) => name !== 'content-type');
const PATHS = HEADER_RULE_PATHS;

/** What nginx.conf's add_header lines give each path that _headers does not. */
function staticDrift(conf: string, paths: readonly string[] = PATHS): string[] {
  return paths.flatMap((path) => headerDifferences(path, headersFor(RULES, path), nginxHeadersFor(conf, path), NAMES));
}

describe('docs/nginx.conf cut into the files a commune saves (issue 28)', () => {
  const { security, server } = splitNginxConf(CONF);

  it('the security snippet holds only add_header lines; the server block is whole', () => {
    expect(security.split('\n').filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('add_header'))).toEqual([]);
    expect(server.startsWith('server {')).toBe(true);
    expect(server.trimEnd().endsWith('}')).toBe(true);
    expect(server).toContain('location /admin/ {');
  });

  it("is cut exactly as the sed lines of docs/deploy.md cut it on a commune's server", () => {
    const sed = (script: string) => execFileSync('sed', ['-n', script, 'docs/nginx.conf'], { encoding: 'utf8' });
    const guide = readFileSync('docs/deploy.md', 'utf8');
    expect(guide).toContain("sed -n '/^# Security (issue 8)/,/^# End of security (issue 8)/p' docs/nginx.conf | grep '^add_header'");
    expect(guide).toContain("sed -n '/^server {/,/^}/p' docs/nginx.conf");
    const snippet = sed('/^# Security (issue 8)/,/^# End of security (issue 8)/p')
      .split('\n')
      .filter((line) => line.startsWith('add_header'));
    expect(snippet).toEqual(security.split('\n').filter((line) => line.startsWith('add_header')));
    expect(sed('/^server {/,/^}/p')).toBe(`${server}\n`);
  });

  it('changes only the root and the listen address for a test', () => {
    const local = withRootAndPort(server, '/tmp/dist', 8123);
    expect(local).toContain('    root /tmp/dist;');
    expect(local).toContain('    listen 127.0.0.1:8123;');
    const changed = local.split('\n').filter((line, index) => line !== server.split('\n')[index]);
    expect(changed).toHaveLength(2);
  });

  it('refuses a server block it cannot substitute unambiguously', () => {
    expect(() => withRootAndPort('server {\n  listen 80;\n}', '/x', 1)).toThrow(/one "root" line/);
    expect(() => splitNginxConf('server { }')).toThrow(/security block/);
  });

  it('the main config runs as any user in the foreground, everything under its own folder', () => {
    const main = mainConfig({ prefix: '/tmp/p', serverFile: '/tmp/p/s.conf', modules: ['/m.so'], mimeTypes: '/tmp/p/mime.types' });
    expect(main).toMatch(/^load_module \/m\.so;\ndaemon off;/);
    expect(main).toContain('pid /tmp/p/nginx.pid;');
    expect(main).toContain('client_body_temp_path /tmp/p/tmp/client_body;');
    expect(main).toContain('include /tmp/p/s.conf;');
    expect(main).not.toMatch(/\/var\/|user /);
    // Started by root, the worker runs as that user, not nobody (who cannot read a private temp folder).
    expect(mainConfig({ prefix: '/p', serverFile: '/p/s', modules: [], mimeTypes: '/p/m', user: 'root' })).toMatch(/^user root;\ndaemon off;/);
  });
});

describe('nginx.conf sends what _headers sends (read without nginx; nginx itself: tests/browser/nginx.test.ts)', () => {
  it('every header _headers names, on one path of every rule and location', () => {
    expect(staticDrift(CONF)).toEqual([]);
  });

  it('a location without add_header lines of its own inherits; one with them inherits nothing', () => {
    const conf =
      '# Security (issue 8)\nadd_header X-A "a" always;\n# End of security (issue 8)\nserver {\n    root /x;\n    listen 80;\n    location / {\n        include snippets/ban-so-security.conf;\n    }\n    location /b/ {\n        add_header X-B "b" always;\n        location ~ ^/b/c- {\n        }\n    }\n    location = /d {\n        include snippets/ban-so-security.conf;\n        add_header X-D "d" always;\n    }\n}\n';
    expect(nginxHeadersFor(conf, '/x')).toEqual({ 'x-a': 'a' });
    expect(nginxHeadersFor(conf, '/b/y')).toEqual({ 'x-b': 'b' });
    expect(nginxHeadersFor(conf, '/b/c-1')).toEqual({ 'x-b': 'b' });
    expect(nginxHeadersFor(conf, '/d')).toEqual({ 'x-a': 'a', 'x-d': 'd' });
  });

  it.each(DRIFTS.filter((drift) => !drift.runtimeOnly))('catches the drift fixture: $name', (drift) => {
    const drifted = applyDrift(CONF, drift);
    const problems = staticDrift(drifted, [...PATHS, drift.path]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.startsWith(`${drift.path}:`))).toBe(true);
  });
});

describe('headerDifferences', () => {
  it('names a changed value, a missing header and an extra one', () => {
    expect(headerDifferences('/a', { 'x-a': '1', 'x-b': '2' }, { 'x-a': '9', 'x-c': '3' }, ['x-a', 'x-b', 'x-c'])).toEqual(['/a: x-a is "9", _headers: "1"', '/a: x-b missing (_headers: "2")', '/a: x-c is "3", but _headers sends none']);
  });

  it('compares Content-Type by media type, and only where _headers sets one', () => {
    expect(headerDifferences('/sw.js', { 'content-type': 'text/javascript; charset=utf-8' }, { 'content-type': 'text/javascript' }, ['content-type'])).toEqual([]);
    expect(headerDifferences('/', {}, { 'content-type': 'text/html' }, ['content-type'])).toEqual([]);
    expect(headerDifferences('/m', { 'content-type': 'application/manifest+json' }, { 'content-type': 'application/json' }, ['Content-Type'])).toHaveLength(1);
  });
});

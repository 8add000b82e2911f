// A hostile pull request must not run code at build time. Each case builds a throw-away copy
// of the site (the small fixture content plus two hostile lessons that write a file when
// their code runs) with the real astro.config.mjs, minus the integrations named.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_SOURCES } from '../support/site-copy.ts';

const REPO = process.cwd();
const HOSTILE = {
  'hostile-export.mdx': { fixture: 'lessons--body--export-writes-file.mdx', marker: 'HOSTILE-RAN-EXPORT.txt' },
  'hostile-expression.mdx': { fixture: 'lessons--body--expression-writes-file.mdx', marker: 'HOSTILE-RAN-EXPRESSION.txt' },
};
const MARKERS = Object.values(HOSTILE).map((h) => h.marker);

/** Build a copy of the site without the integrations named; returns what happened. */
function buildHostileCopy(without: readonly string[], { hostile = true, extra = {} as Record<string, string> } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-hostile-'));
  for (const item of SITE_SOURCES) cpSync(path.join(REPO, item), path.join(root, item), { recursive: true });
  cpSync(path.join(REPO, 'astro.config.mjs'), path.join(root, 'astro.real.mjs'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  cpSync(path.join(REPO, 'tests/fixtures/base'), path.join(root, 'content'), { recursive: true });
  for (const [name, { fixture }] of Object.entries(hostile ? HOSTILE : {})) {
    cpSync(path.join(REPO, 'tests/fixtures/invalid', fixture), path.join(root, 'content/lessons', name));
  }
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(root, file), text);
  // Keep caches inside the copy (node_modules is shared with the real build).
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    `import config from './astro.real.mjs';
const without = ${JSON.stringify(without)};
const integrations = config.integrations.filter((integration) => !without.includes(integration.name));
export default { ...config, cacheDir: './.cache/astro', vite: { ...config.vite, cacheDir: './.cache/vite' }, integrations };
`,
  );
  // A complete-looking site from an earlier build: it must not survive a failed build.
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, 'dist/index.html'), '<!doctype html><title>bản cũ</title>');
  const result = spawnSync(process.execPath, [path.join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const outcome = {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    ran: MARKERS.filter((marker) => existsSync(path.join(root, marker))),
    distPages: existsSync(path.join(root, 'dist'))
      ? readdirSync(path.join(root, 'dist'), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.html'))
      : [],
  };
  rmSync(root, { recursive: true, force: true });
  return outcome;
}

describe('hostile MDX in a pull request', () => {
  it('runs no code even without the content gate: the article loader refuses it, naming file and line', () => {
    // Articles are never compiled (src/lib/article/): an export or {expression} has nothing to
    // run in, and the loader stops the build at it.
    const build = buildHostileCopy(['ban-so:content-gate']);
    expect(build.status).not.toBe(0);
    expect(build.ran).toEqual([]);
    expect(build.output).toContain('Bài viết có mã lệnh hoặc thẻ không được phép; tệp không được dựng');
    expect(build.output).toMatch(/content\/lessons\/hostile-(export\.mdx:16 — nội dung — có dòng "export"|expression\.mdx:18 — nội dung — có biểu thức trong ngoặc nhọn)/);
    // No page was written; the earlier build's dist/ is removed by the gate (next test), absent here.
    expect(build.output).not.toContain('page(s) built');
  }, 120_000);

  it('is stopped by the content gate before Astro reads content, with every problem listed', () => {
    const build = buildHostileCopy([]);
    expect(build.status).not.toBe(0);
    expect(build.ran).toEqual([]);
    expect(build.output).toContain('content/lessons/hostile-export.mdx:16 — nội dung — có dòng "export"');
    expect(build.output).toContain('content/lessons/hostile-expression.mdx:18 — nội dung — có biểu thức trong ngoặc nhọn');
    expect(build.output).not.toContain('Syncing content');
    // The old site is gone: a failed build leaves nothing that looks complete.
    expect(build.distPages).toEqual([]);
  }, 120_000);
});

describe('a build that fails while writing pages', () => {
  it('leaves no dist/ behind, so a half-written site never looks complete', () => {
    // A page that throws while it is rendered: Astro has already written other pages by then.
    const build = buildHostileCopy([], {
      hostile: false,
      extra: { 'src/pages/zz-trang-loi.astro': "---\nthrow new Error('trang này hỏng khi dựng');\n---\n<p>x</p>\n" },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('trang này hỏng khi dựng');
    expect(build.output).toContain('Dựng trang thất bại: đã xoá');
    expect(build.distPages).toEqual([]);
  }, 120_000);
});

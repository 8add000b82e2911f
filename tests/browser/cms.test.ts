// The editors' CMS at /admin/ (issue 15), in Chromium: dist/ served on 127.0.0.1 with the headers
// of dist/_headers. Mostly in Sveltia CMS's local mode, the working copy a browser-private folder
// holding content/ (tests/support/cms-local.ts says why): what the form refuses, what a save keeps,
// `npm run cms`. The last test signs in to GitHub with a token, against a fake of GitHub's API
// (tests/support/fake-github.ts). A new lesson written in the form and built into a copy of the
// site is cms-new-lesson.test.ts (its own file, so it runs beside these: issue 29).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { filesUnder, folderFiles } from '../support/cms-local.ts';
import { DESKTOP, field, fillLesson, KEY_POINTS, openCms, PHONE, reveal, SCREENSHOTS, SLUG, splitEntry, SUMMARY, TIP, TITLE, withoutEmpty } from '../support/cms-form.ts';
import { fakeGitHub } from '../support/fake-github.ts';
import { DIST } from '../support/dist.ts';
import { watchCsp } from '../support/quality.ts';
import { servedDistInChromium } from '../support/served-browser.ts';
import { copySite } from '../support/site-copy.ts';

const enabled = browserAvailable();

describe.skipIf(!enabled)("the editors' CMS at /admin/, on a local working copy", () => {
  // dist/ with the headers of dist/_headers: the CMS runs under its own CSP.
  const site = servedDistInChromium(DIST, { withHeaders: true });
  const scratch: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to save a 200-character summary and a picture without alt text, saying why in Vietnamese', async () => {
    const { context, page, csp } = await openCms(site.browser, site.base, DESKTOP);
    await page.goto(`${site.base}${routes.admin()}#/collections/lessons/new`);
    await fillLesson(page, `${'Bà con mở ứng dụng, chọn mục cần làm rồi làm theo từng bước. '.repeat(4)}`.slice(0, 200));
    await (await reveal(page, 'cover')).getByRole('checkbox').click();
    await field(page, 'cover.src').locator('input[type=file]').first().setInputFiles(path.resolve('content/images/tien-dien-ma-qr.png'));
    const body = await reveal(page, 'body');
    await body.getByRole('textbox').first().click();
    await page.keyboard.type('Bài này chỉ cách cài ứng dụng trên điện thoại.');
    await page.getByRole('button', { name: 'Lưu' }).click();

    await expect.poll(() => page.getByText(/Có 2 trường bị lỗi/).count()).toBe(1);
    await expect.poll(() => field(page, 'summary').innerText()).toContain('Từ 10 đến 160 ký tự.');
    // The form draws fields as they scroll into view: bring the picture's description back first.
    await (await reveal(page, 'cover')).scrollIntoViewIfNeeded();
    await expect.poll(() => field(page, 'cover.alt').innerText()).toContain('Trường bắt buộc.');
    await field(page, 'summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cms-refused-1280.png') });
    // Nothing was written: no lesson, and no picture either.
    expect(Object.keys(await folderFiles(page, 'content/lessons'))).not.toContain(`${SLUG}.mdx`);
    expect(await csp()).toEqual([]);
    await context.close();
  }, 120_000);

  // One test per collection, in one CMS opened once: under a full suite's load the 48 saves in one
  // test ran past its 300 s (16 lessons alone took 150 s beside two other browser files). Every step
  // has its own 30 s limit, so a test's own limit is only there for a hang.
  describe('an entry saved with only its name changed', () => {
    let cms: Awaited<ReturnType<typeof openCms>>;
    beforeAll(async () => {
      cms = await openCms(site.browser, site.base, DESKTOP);
    }, 120_000);
    afterAll(async () => {
      await cms?.context.close();
    });

    // Each collection, the folder it saves to and its name field (label in the form, key in the file).
    it.each([
      ['lessons', 'content/lessons', 'Tiêu đề', 'title'],
      ['news', 'content/news', 'Tiêu đề', 'title'],
      ['stories', 'content/stories', 'Tiêu đề', 'title'],
      ['campaigns', 'content/campaigns', 'Tiêu đề', 'title'],
      ['glossary', 'content/glossary', 'Từ', 'term'],
    ] as const)(
      '%s: keeps what each entry says when an editor changes only its name: the body byte for byte, every other value',
      async (collection, folder, label, key) => {
        const { page, csp } = cms;
        const changed: string[] = [];
        const poll = { timeout: 30_000 };
        const before = await folderFiles(page, folder);
        for (const [file, original] of Object.entries(before)) {
          const id = file.replace(/\.mdx?$/, '');
          await page.goto(`${site.base}${routes.admin()}#/collections/${collection}/entries/${id}`);
          const title = page.getByRole('textbox', { name: label, exact: true });
          const was = splitEntry(original);
          // Under load the previous entry's form was still shown and took the edit (CI, stop 32): wait
          // until the form holds this entry.
          await expect.poll(() => title.inputValue(), { ...poll, message: `${folder}/${file}: form opened` }).toBe(String(was.data[key]));
          await title.fill(`${await title.inputValue()} (sửa)`);
          await page.getByRole('button', { name: 'Lưu' }).click();
          await expect.poll(async () => (await folderFiles(page, folder))[file], { ...poll, message: `${folder}/${file} saved` }).not.toBe(original);
          // After a save the CMS goes back to the collection's list by itself; going on before it has
          // raced with that navigation. An editor, too, sees the list before opening the next entry.
          await page.waitForURL((url) => url.hash === `#/collections/${collection}`, poll);
          const saved = splitEntry((await folderFiles(page, folder))[file]!);
          expect(saved.body, `${folder}/${file}: body`).toBe(was.body);
          expect(saved.data, `${folder}/${file}: values`).toEqual(withoutEmpty({ ...was.data, [key]: `${String(was.data[key])} (sửa)` }));
          changed.push(file);
        }
        expect(changed.length).toBe(readdirSync(folder).filter((name) => /\.mdx?$/.test(name)).length);
        expect(changed.length).toBeGreaterThan(0);
        expect(await csp()).toEqual([]);
      },
      600_000,
    );
  });

  it('npm run cms serves the CMS and a configuration read from the working copy, next to the site', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'ban-so-cms-dev-content-'));
    scratch.push(content);
    cpSync(path.resolve('content'), content, { recursive: true });
    const lesson = readFileSync(path.join(content, 'lessons', 'thanh-toan-tien-dien-bang-ma-qr.mdx'), 'utf8');
    writeFileSync(path.join(content, 'lessons', 'bai-moi-tren-may.mdx'), lesson.replace(/^title: .*$/m, 'title: Bài mới soạn trên máy'));
    const root = copySite('ban-so-cms-dev-', content);
    scratch.push(root);
    const port = 4400 + Math.floor(Math.random() * 500);
    // The environment of a person's terminal: with vitest's own variables (VITEST*, NODE_ENV=test)
    // the dev server answered every page route with 404 (seen, not investigated further).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
    const dev = spawn(process.execPath, ['scripts/cms.ts', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' } });
    let log = '';
    dev.stdout.on('data', (chunk) => (log += chunk));
    dev.stderr.on('data', (chunk) => (log += chunk));
    try {
      await expect.poll(() => log.includes('Trang soạn bài:') && log.includes('ready'), { timeout: 60_000, message: log }).toBe(true);
      expect(log).toContain(`http://localhost:${port}/admin/`);
      const page = await fetch(`http://localhost:${port}${routes.admin()}`).then((response) => response.text());
      const entry = /src="(\/admin\/cms-[\w-]+\.js)"/.exec(page)?.[1];
      expect(entry, page).toBeDefined();
      expect((await fetch(`http://localhost:${port}${entry}`)).headers.get('content-type')).toMatch(/javascript/);
      // Asked until it answers, as an editor reloading would: "ready" comes before the first route.
      let yaml = '';
      await expect
        .poll(
          async () => {
            const response = await fetch(`http://localhost:${port}${routes.admin()}config.yml`);
            yaml = await response.text();
            return response.ok;
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(true);
      const config = parseYaml(yaml) as { collections: Array<{ name: string; fields: Array<{ name: string; options?: Array<{ label: string }> }> }> };
      const lessonChoices = config.collections
        .find((c) => c.name === 'translations')!
        .fields.find((f) => f.name === 'lesson')!
        .options!.map((o) => o.label);
      expect(lessonChoices).toContain('Bài mới soạn trên máy');
      expect((await fetch(`http://localhost:${port}/bai-hoc/bai-moi-tren-may/`)).status).toBe(200);
    } finally {
      dev.kill('SIGTERM');
    }
  }, 120_000);

  it('makes every save a pull request on GitHub (a fake GitHub API): branch, commit, draft, then "Gửi duyệt" marks it for review; main is untouched', async () => {
    const context = await site.browser.newContext({ locale: 'vi-VN', viewport: PHONE, hasTouch: true });
    const github = await fakeGitHub(context, { owner: 'ban-so', repo: 'ban-so', branch: 'main', files: filesUnder(path.resolve('content'), 'content') });
    const violations = await watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${site.base}${routes.admin()}`);
    await page.getByRole('button', { name: 'Đăng nhập bằng mã truy cập' }).click();
    await page.getByRole('textbox').last().fill('github_pat_fake0000000000000000000000');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cms-sign-in-token-360.png') });
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/#\/collections/);

    await page.goto(`${site.base}${routes.admin()}#/collections/lessons/new`);
    await fillLesson(page, SUMMARY);
    const body = await reveal(page, 'body');
    await body.getByRole('textbox').first().click();
    await page.keyboard.type('Bài này chỉ cách cài ứng dụng trên điện thoại.');
    await page.getByRole('button', { name: 'Lưu' }).click();

    // Saved as a draft: its own branch, one commit with the lesson, a draft pull request to main.
    const send = page.getByRole('button', { name: 'Gửi duyệt', exact: true });
    await send.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cms-saved-as-draft-360.png') });
    const branch = `cms/lessons/${SLUG}`;
    const file = `content/lessons/${SLUG}.mdx`;
    expect(github.writes.refs.map((ref) => ref.name)).toEqual([branch]);
    expect(github.writes.commits).toHaveLength(1);
    expect(github.writes.commits[0]).toMatchObject({ branch, deletions: [] });
    expect(github.writes.commits[0]!.files.map((f) => f.path)).toEqual([file]);
    const { data } = splitEntry(github.read(branch, file)!);
    expect(data).toMatchObject({ title: TITLE, summary: SUMMARY, topic: 'thanh-toan', keyPoints: KEY_POINTS, leafletTip: TIP });
    expect(github.writes.pullRequests).toHaveLength(1);
    expect(github.writes.pullRequests[0]).toMatchObject({ head: branch, base: 'main', draft: true, state: 'open', labels: ['sveltia-cms/draft'] });

    // "Gửi duyệt": ready for review, for a reviewer to merge on GitHub.
    await send.click();
    await expect.poll(() => github.writes.pullRequests[0]!.labels).toEqual(['sveltia-cms/pending_review']);
    await expect.poll(() => github.writes.pullRequests[0]!.draft).toBe(false);
    expect(github.read('main', file)).toBeUndefined();
    expect(github.unanswered).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await context.close();
  }, 180_000);
});

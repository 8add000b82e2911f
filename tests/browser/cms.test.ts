// The editors' CMS at /admin/ (issue 15), in Chromium: dist/ served on 127.0.0.1 with the headers
// of dist/_headers. Mostly in Sveltia CMS's local mode, the working copy a browser-private folder
// holding content/ (tests/support/cms-local.ts says why): an editor fills in the form; what the
// CMS saved is put in a copy of the site, which must pass the check and build. The last test signs
// in to GitHub with a token, against a fake of GitHub's API (tests/support/fake-github.ts).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { filesUnder, folderFiles, seedFolder, stubFolderPicker } from '../support/cms-local.ts';
import { fakeGitHub } from '../support/fake-github.ts';
import { DIST } from '../support/dist.ts';
import { recordRequests, serveWithHeaders, watchCsp } from '../support/quality.ts';
import { buildCopy, copySite } from '../support/site-copy.ts';

/** The name the form shows for the topic the lesson goes in (thanh-toan). */
const TOPIC_NAME = (parseYaml(readFileSync('content/topics.yaml', 'utf8')) as Record<string, { name: string }>)['thanh-toan']!.name;
const enabled = browserAvailable();
const SCREENSHOTS = path.resolve('test-results/screenshots');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const TITLE = 'Cài ứng dụng Sổ tay đảng viên trên điện thoại';
const SLUG = 'cai-ung-dung-so-tay-dang-vien-tren-dien-thoai';
const SUMMARY = 'Các bước cài và mở ứng dụng trên điện thoại Android, cho đảng viên ở thôn.';
const KEY_POINTS = ['Mở CH Play, tìm “Sổ tay đảng viên”.', 'Bấm Cài đặt, chờ tải xong.', 'Đăng nhập bằng tài khoản chi bộ cấp.'];
const STEPS = ['Mở CH Play trên điện thoại.', 'Gõ tên ứng dụng vào ô tìm kiếm.', 'Bấm Cài đặt rồi bấm Mở.'];
const TIP = 'Nhờ con cháu hoặc Tổ công nghệ số cộng đồng giúp nếu quên mật khẩu.';
/** The source the editor read (issue 24): a reserved example address, never a real page. */
const SOURCE = { name: 'Hướng dẫn cài ứng dụng (trang mẫu của bộ thử)', publisher: 'Bộ thử Bản Số', url: 'https://ban-so.example.org/nguon-mau/so-tay-dang-vien' };
/** A photo the editor picks from the phone (made by the test: we never invent real ones). */
const PHOTO = path.join(tmpdir(), 'so-tay-dang-vien.png');
const PHOTO_ALT = 'Màn hình điện thoại mở cửa hàng ứng dụng';
const PHOTO_CAPTION = 'Nút Cài đặt nằm dưới tên ứng dụng.';

/** Fills the new-lesson form's required fields (the summary is the caller's). */
async function fillLesson(page: Page, summary: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Tiêu đề' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Tóm tắt' }).fill(summary);
  await field(page, 'topic').getByRole('combobox').click();
  // The topic's name as content/topics.yaml gives it (editors rename topics in plain words).
  await page.getByRole('option', { name: TOPIC_NAME }).click();
  await field(page, 'level').getByRole('radio', { name: 'Cơ bản' }).check();
  await field(page, 'updated').getByRole('button', { name: 'Hôm nay' }).click();
  for (const [index, point] of KEY_POINTS.entries()) {
    const add = field(page, 'keyPoints').getByRole('button', { name: /^Thêm/ });
    await add.click();
    // The form draws a field only once it is in view: the new item sits just above the button,
    // which each item pushes down (under load the third item was added below the fold, never drawn).
    await add.scrollIntoViewIfNeeded();
    await field(page, `keyPoints.${index}`).getByRole('textbox').fill(point);
  }
  await field(page, 'leafletTip').getByRole('textbox').fill(TIP);
  // Issue 24: the day the steps were followed, and where they come from.
  await field(page, 'reviewed').getByRole('button', { name: 'Hôm nay' }).click();
  await field(page, 'sources').getByRole('button', { name: /^Thêm/ }).first().click();
  await field(page, 'sources.0.name').getByRole('textbox').fill(SOURCE.name);
  await field(page, 'sources.0.publisher').getByRole('textbox').fill(SOURCE.publisher);
  await field(page, 'sources.0.url').getByRole('textbox').fill(SOURCE.url);
  await field(page, 'sources.0.read').getByRole('button', { name: 'Hôm nay' }).click();
}

/** What the CMS leaves out when it saves: optional values that are empty (places: []). */
function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !(value === null || value === '' || (Array.isArray(value) && value.length === 0))));
}

/** Values of a frontmatter block and the body after it. */
function splitEntry(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no frontmatter in:\n${text}`);
  return { data: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

/** The form's field for a key ("topic", "keyPoints"), not its preview. */
const field = (page: Page, key: string) => page.locator(`section.field[data-key-path="${key}"]`).first();

/** The CMS draws a field only once it scrolls into view: scroll the form until it is there. */
async function reveal(page: Page, key: string) {
  for (let tries = 0; tries < 40 && (await field(page, key).count()) === 0; tries += 1) {
    await page.locator('section.field').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
  }
  await field(page, key).scrollIntoViewIfNeeded();
  return field(page, key);
}

describe.skipIf(!enabled)("the editors' CMS at /admin/, on a local working copy", () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  const scratch: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6f97' } })
      .png()
      .toFile(PHOTO);
    ({ url: base, server } = await serveWithHeaders(DIST, path.join(DIST, '_headers')));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  /** A phone (or desktop) browser in Vietnamese with the CMS open on a copy of content/. */
  async function openCms(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; csp: () => Promise<string[]>; foreign: () => string[] }> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport, hasTouch: viewport.width < 600 });
    // The CMS asks GitHub's status page whether GitHub is up (allowed by its CSP); no network here.
    await context.route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none' } } }));
    await stubFolderPicker(context);
    const violations = await watchCsp(context);
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${base}/robots.txt`);
    await seedFolder(page, filesUnder(path.resolve('content'), 'content'));
    await page.goto(`${base}${routes.admin()}`);
    await page.getByRole('button', { name: 'Làm việc với kho mã nguồn cục bộ' }).click();
    await page.waitForURL(/#\/collections/);
    return { context, page, csp: () => violations(page), foreign: () => requests.foreign().filter((url) => !url.startsWith('https://www.githubstatus.com/')) };
  }

  it('creates a lesson from the form (with steps, a tip and a photo): the file passes the check, builds, and has its page, leaflet and search entry', async () => {
    const { context, page, csp, foreign } = await openCms(PHONE);
    await page.goto(`${base}${routes.admin()}#/collections/lessons/new`);
    await fillLesson(page, SUMMARY);
    await page.locator('section.field').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cms-new-lesson-360.png') });
    const body = await reveal(page, 'body');
    await body.getByRole('textbox').first().click();
    await page.keyboard.type('Bài này chỉ cách cài ứng dụng trên điện thoại.');
    await page.keyboard.press('Enter');
    await body.getByRole('button', { name: 'Chèn' }).click();
    await page.getByRole('menuitem', { name: 'Các bước' }).click();
    const steps = body.getByRole('group', { name: 'Các bước' });
    for (const [index, step] of STEPS.entries()) {
      await steps.getByRole('button', { name: /^Thêm/ }).click();
      await steps.locator(`section.field[data-key-path$=":steps.${index}"]`).getByRole('textbox').fill(step);
    }
    await body.getByRole('textbox').first().press('Control+End');
    await body.getByRole('button', { name: 'Chèn' }).click();
    await page.getByRole('menuitem', { name: 'Lời khuyên' }).click();
    await body.getByRole('group', { name: 'Lời khuyên' }).getByRole('textbox').fill(TIP);
    await body.getByRole('textbox').first().press('Control+End');
    await body.getByRole('button', { name: 'Chèn' }).click();
    await page.getByRole('menuitem', { name: 'Ảnh có chú thích' }).click();
    const figure = body.getByRole('group', { name: 'Ảnh có chú thích' });
    await figure.locator('input[type=file]').first().setInputFiles(PHOTO);
    await figure.locator('section.field[data-key-path$=":alt"]').getByRole('textbox').fill(PHOTO_ALT);
    await figure.locator('section.field[data-key-path$=":caption"]').getByRole('textbox').fill(PHOTO_CAPTION);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cms-new-lesson-body-360.png') });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => Object.keys(await folderFiles(page, 'content/lessons')), { timeout: 10_000 }).toContain(`${SLUG}.mdx`);
    const saved = (await folderFiles(page, 'content/lessons'))[`${SLUG}.mdx`]!;
    const pictures = await folderFiles(page, 'content/images', 'base64');
    expect(Object.keys(pictures)).toContain('so-tay-dang-vien.png');
    expect(await csp()).toEqual([]);
    expect(foreign()).toEqual([]);
    await context.close();

    const { data, body: text } = splitEntry(saved);
    expect(data).toEqual({
      title: TITLE,
      summary: SUMMARY,
      topic: 'thanh-toan',
      level: 'co-ban',
      updated: expect.any(String),
      reviewed: expect.any(String),
      sources: [{ ...SOURCE, read: expect.any(String) }],
      keyPoints: KEY_POINTS,
      leafletTip: TIP,
    });
    expect(text).toContain(STEPS.map((step, index) => `${index + 1}. ${step}`).join('\n'));
    expect(text).toContain(`<Figure caption="${PHOTO_CAPTION}">![${PHOTO_ALT}](../images/so-tay-dang-vien.png)</Figure>`);

    // The saved file in a copy of the site: the editors' check, then the build.
    const content = mkdtempSync(path.join(tmpdir(), 'ban-so-cms-content-'));
    scratch.push(content);
    cpSync(path.resolve('content'), content, { recursive: true });
    writeFileSync(path.join(content, 'lessons', `${SLUG}.mdx`), saved);
    writeFileSync(path.join(content, 'images', 'so-tay-dang-vien.png'), Buffer.from(pictures['so-tay-dang-vien.png']!, 'base64'));
    const root = copySite('ban-so-cms-site-', content);
    scratch.push(root);
    const check = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: root, encoding: 'utf8' });
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
    const built = buildCopy(root);
    expect(built.status, built.log.slice(-3000)).toBe(0);
    const dist = path.join(root, 'dist');
    const lessonHtml = readFileSync(path.join(dist, routes.lesson(SLUG), 'index.html'), 'utf8');
    expect(lessonHtml).toContain(`<h1>${TITLE}</h1>`);
    expect(lessonHtml).toMatch(new RegExp(`<div class="steps"><ol>\\s*${STEPS.map((step) => `<li>${step}</li>`).join('\\s*')}\\s*</ol></div>`));
    expect(lessonHtml).toMatch(new RegExp(`<div class="callout tip"[^>]*>.*<p>${TIP}</p></div>`));
    expect(lessonHtml).toMatch(new RegExp(`<figure[^>]*>.*<img[^>]*alt="${PHOTO_ALT}".*<figcaption>${PHOTO_CAPTION}</figcaption></figure>`, 's'));
    expect(readFileSync(path.join(dist, routes.leaflet(SLUG), 'index.html'), 'utf8')).toContain(KEY_POINTS[0]);
    expect(
      readFileSync(path.join(dist, routes.leafletPdf(SLUG)))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Its search entry: found by a reader typing without diacritics.
    const site = await serveWithHeaders(dist, path.join(dist, '_headers'));
    try {
      const reader = await browser.newPage();
      await reader.goto(`${site.url}${routes.search()}?q=${encodeURIComponent('so tay dang vien')}`);
      await reader.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return status !== '' && !status.startsWith('Đang');
      });
      expect(await reader.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')))).toContain(routes.lesson(SLUG));
      await reader.close();
    } finally {
      site.server.close();
    }
  }, 300_000);

  it('refuses to save a 200-character summary and a picture without alt text, saying why in Vietnamese', async () => {
    const { context, page, csp } = await openCms(DESKTOP);
    await page.goto(`${base}${routes.admin()}#/collections/lessons/new`);
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

  it('keeps what an entry says when an editor changes only its title: the body byte for byte, every other value', async () => {
    const { context, page, csp } = await openCms(DESKTOP);
    // Each collection, the folder it saves to and its name field (label in the form, key in the file).
    const collections = [
      ['lessons', 'content/lessons', 'Tiêu đề', 'title'],
      ['news', 'content/news', 'Tiêu đề', 'title'],
      ['stories', 'content/stories', 'Tiêu đề', 'title'],
      ['campaigns', 'content/campaigns', 'Tiêu đề', 'title'],
      ['glossary', 'content/glossary', 'Từ', 'term'],
    ] as const;
    const changed: string[] = [];
    for (const [collection, folder, label, key] of collections) {
      const before = await folderFiles(page, folder);
      for (const [file, original] of Object.entries(before)) {
        const id = file.replace(/\.mdx?$/, '');
        await page.goto(`${base}${routes.admin()}#/collections/${collection}/entries/${id}`);
        const title = page.getByRole('textbox', { name: label, exact: true });
        await title.fill(`${await title.inputValue()} (sửa)`);
        await page.getByRole('button', { name: 'Lưu' }).click();
        await expect.poll(async () => (await folderFiles(page, folder))[file], { timeout: 30_000, message: `${folder}/${file} saved` }).not.toBe(original);
        const saved = splitEntry((await folderFiles(page, folder))[file]!);
        const was = splitEntry(original);
        expect(saved.body, `${folder}/${file}: body`).toBe(was.body);
        expect(saved.data, `${folder}/${file}: values`).toEqual(withoutEmpty({ ...was.data, [key]: `${String(was.data[key])} (sửa)` }));
        changed.push(file);
      }
    }
    expect(changed.length).toBe(collections.reduce((sum, [, folder]) => sum + readdirSync(folder).filter((name) => /\.mdx?$/.test(name)).length, 0));
    expect(await csp()).toEqual([]);
    await context.close();
  }, 300_000);

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
    const context = await browser.newContext({ locale: 'vi-VN', viewport: PHONE, hasTouch: true });
    const github = await fakeGitHub(context, { owner: 'ban-so', repo: 'ban-so', branch: 'main', files: filesUnder(path.resolve('content'), 'content') });
    const violations = await watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${base}${routes.admin()}`);
    await page.getByRole('button', { name: 'Đăng nhập bằng mã truy cập' }).click();
    await page.getByRole('textbox').last().fill('github_pat_fake0000000000000000000000');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cms-sign-in-token-360.png') });
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/#\/collections/);

    await page.goto(`${base}${routes.admin()}#/collections/lessons/new`);
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

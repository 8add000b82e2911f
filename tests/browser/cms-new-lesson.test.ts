// The editors' CMS at /admin/ (issue 15), in Chromium: a new lesson written in the form, on a
// phone, in Sveltia CMS's local mode (tests/support/cms-local.ts), then put in a copy of the site
// that must pass the check and build, with its page, leaflet and search entry. The other CMS tests
// are in cms.test.ts; this one builds a site, so it has a file of its own and runs beside them (issue 29).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { folderFiles } from '../support/cms-local.ts';
import { KEY_POINTS, openCms, PHONE, PHOTO, PHOTO_ALT, PHOTO_CAPTION, reveal, SCREENSHOTS, SLUG, SOURCE, splitEntry, STEPS, SUMMARY, TIP, TITLE, fillLesson } from '../support/cms-form.ts';
import { DIST } from '../support/dist.ts';
import { serveWithHeaders } from '../support/quality.ts';
import { servedDistInChromium } from '../support/served-browser.ts';
import { buildCopy, copySite, seedBuildCache } from '../support/site-copy.ts';

const enabled = browserAvailable();

describe.skipIf(!enabled)("the editors' CMS at /admin/: a new lesson, from the form to the built site", () => {
  // dist/ with the headers of dist/_headers: the CMS runs under its own CSP.
  const site = servedDistInChromium(DIST, { withHeaders: true });
  const scratch: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6f97' } })
      .png()
      .toFile(PHOTO);
  });
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a lesson from the form (with steps, a tip and a photo): the file passes the check, builds, and has its page, leaflet and search entry', async () => {
    const { context, page, csp, foreign } = await openCms(site.browser, site.base, PHONE);
    await page.goto(`${site.base}${routes.admin()}#/collections/lessons/new`);
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
    const stepBox = (index: number) => steps.locator(`section.field[data-key-path$=":steps.${index}"]`).getByRole('textbox');
    // Under load (a fresh .ci/run) the first step's box was drawn again, empty, just after it was
    // filled: typed into the box before the form had finished drawing it. As an editor would, type
    // again into a box that shows empty, until every box shows its step; the saved file is
    // checked below, step by step.
    const typed = (index: number) => async () => {
      if ((await stepBox(index).inputValue()) !== STEPS[index]) await stepBox(index).fill(STEPS[index]!);
      return stepBox(index).inputValue();
    };
    for (const [index, step] of STEPS.entries()) {
      await steps.getByRole('button', { name: /^Thêm/ }).click();
      await expect.poll(typed(index), { timeout: 10_000 }).toBe(step);
    }
    for (const [index, step] of STEPS.entries()) await expect.poll(typed(index), { timeout: 10_000 }).toBe(step);
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
    // With the repository's build cache, as CI builds an editor's pull request with main's: only
    // what the new lesson changes is made again (its page, leaflet, PDF, picture, preview, twins).
    const seeded = seedBuildCache(root);
    const check = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: root, encoding: 'utf8' });
    expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
    // As of today, like the repository's build, so that the cached PDFs' keys match.
    const built = buildCopy(root, { SOURCE_DATE_EPOCH: '' });
    expect(built.status, built.log.slice(-3000)).toBe(0);
    // The new lesson's leaflet was printed, not taken from the cache: one A4 leaflet at least.
    expect(built.log).toMatch(/PDF: [1-9]\d* tệp làm mới/);
    if (seeded) expect(built.log, 'the copied cache served the unchanged leaflets').toMatch(/PDF: \d+ tệp làm mới, [1-9]\d* lấy từ bộ nhớ đệm/);
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
    const copyServer = await serveWithHeaders(dist, path.join(dist, '_headers'));
    try {
      const reader = await site.browser.newPage();
      await reader.goto(`${copyServer.url}${routes.search()}?q=${encodeURIComponent('so tay dang vien')}`);
      await reader.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return status !== '' && !status.startsWith('Đang');
      });
      expect(await reader.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')))).toContain(routes.lesson(SLUG));
      await reader.close();
    } finally {
      copyServer.server.close();
    }
  }, 300_000);
});

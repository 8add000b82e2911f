/**
 * The editors' CMS at /admin/ as the browser tests drive it (issue 15): the lesson an editor
 * writes in them, the form's fields and how a saved entry is read back. Shared by
 * tests/browser/cms.test.ts and cms-new-lesson.test.ts (split so the two run side by side, issue 29).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { routes } from '../../src/lib/routes.ts';
import { filesUnder, seedFolder, stubFolderPicker } from './cms-local.ts';
import { recordRequests, watchCsp } from './quality.ts';

/** The name the form shows for the topic the lesson goes in (thanh-toan). */
export const TOPIC_NAME = (parseYaml(readFileSync('content/topics.yaml', 'utf8')) as Record<string, { name: string }>)['thanh-toan']!.name;
export const SCREENSHOTS = path.resolve('test-results/screenshots');
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export const TITLE = 'Cài ứng dụng Sổ tay đảng viên trên điện thoại';
export const SLUG = 'cai-ung-dung-so-tay-dang-vien-tren-dien-thoai';
export const SUMMARY = 'Các bước cài và mở ứng dụng trên điện thoại Android, cho đảng viên ở thôn.';
export const KEY_POINTS = ['Mở CH Play, tìm “Sổ tay đảng viên”.', 'Bấm Cài đặt, chờ tải xong.', 'Đăng nhập bằng tài khoản chi bộ cấp.'];
export const STEPS = ['Mở CH Play trên điện thoại.', 'Gõ tên ứng dụng vào ô tìm kiếm.', 'Bấm Cài đặt rồi bấm Mở.'];
export const TIP = 'Nhờ con cháu hoặc Tổ công nghệ số cộng đồng giúp nếu quên mật khẩu.';
/** The source the editor read (issue 24): a reserved example address, never a real page. */
export const SOURCE = { name: 'Hướng dẫn cài ứng dụng (trang mẫu của bộ thử)', publisher: 'Bộ thử Bản Số', url: 'https://ban-so.example.org/nguon-mau/so-tay-dang-vien' };
/** A photo the editor picks from the phone (made by the test: we never invent real ones). */
export const PHOTO = path.join(tmpdir(), 'so-tay-dang-vien.png');
export const PHOTO_ALT = 'Màn hình điện thoại mở cửa hàng ứng dụng';
export const PHOTO_CAPTION = 'Nút Cài đặt nằm dưới tên ứng dụng.';

/** Fills the new-lesson form's required fields (the summary is the caller's). */
export async function fillLesson(page: Page, summary: string): Promise<void> {
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
export function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !(value === null || value === '' || (Array.isArray(value) && value.length === 0))));
}

/** Values of a frontmatter block and the body after it. */
export function splitEntry(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no frontmatter in:\n${text}`);
  return { data: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

/** The form's field for a key ("topic", "keyPoints"), not its preview. */
export const field = (page: Page, key: string) => page.locator(`section.field[data-key-path="${key}"]`).first();

/** The CMS draws a field only once it scrolls into view: scroll the form until it is there. */
export async function reveal(page: Page, key: string) {
  for (let tries = 0; tries < 40 && (await field(page, key).count()) === 0; tries += 1) {
    await page.locator('section.field').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
  }
  await field(page, key).scrollIntoViewIfNeeded();
  return field(page, key);
}

/** A phone (or desktop) browser in Vietnamese with the CMS of the site at `base` open on a copy of content/. */
export async function openCms(browser: Browser, base: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; csp: () => Promise<string[]>; foreign: () => string[] }> {
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

// The editor's workflow: scaffold an article, make the usual mistakes, read the check.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate, todayInVietnam } from '../../src/lib/dates.ts';

const NODE = process.execPath;

const copies: string[] = [];
afterAll(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

/** A throw-away copy of the real content/ folder; returns the repository-like root. */
function contentCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-editor-'));
  copies.push(root);
  cpSync('content', path.join(root, 'content'), { recursive: true });
  return root;
}

function run(script: string, args: readonly string[], cwd = process.cwd()) {
  const result = spawnSync(NODE, [path.resolve('scripts', script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

// Each case starts node several times and runs the whole check on a copy of content/: seconds
// each, more on a loaded 2-core machine (5 s timed out in CI). A guard against a hang, not a timing.
describe('npm run new', { timeout: 60_000 }, () => {
  it.each([
    ['lesson', 'lessons', 'Trả tiền nước bằng mã QR: hướng dẫn cho người mới'],
    ['news', 'news', 'Xã Đông Ngũ mở lớp dạy dùng điện thoại cho người cao tuổi'],
    ['story', 'stories', 'Đoàn viên thôn Khe Lặc giúp bà con cài VNeID'],
    ['campaign', 'campaigns', 'Tháng thanh toán không tiền mặt ở Bình Liêu'],
  ])('creates a %s that passes npm run check unchanged', (kind, folder, title) => {
    const root = contentCopy();
    const created = run('new.ts', [kind, title, '--content', 'content'], root);
    expect(created.status, created.output).toBe(0);
    const slug = created.stdout.match(/content\/\w+\/([a-z0-9-]+)\.mdx/)?.[1];
    expect(slug).toBeDefined();
    const file = path.join(root, 'content', folder, `${slug}.mdx`);
    const text = readFileSync(file, 'utf8');
    // The title is kept exactly (quoted for YAML); the date is today in Vietnam.
    expect(text).toContain(`title: ${JSON.stringify(title)}`);
    expect(text).toContain(isoDate(todayInVietnam()));
    expect(text).not.toMatch(/\{\{\w+\}\}/);
    expect(created.stdout).toContain('npm run check');

    const check = run('check.ts', ['--content', 'content'], root);
    expect(check.output).toContain('không có lỗi');
    expect(check.status).toBe(0);
  });

  it('names the file after the title in ASCII, as the page address', () => {
    const root = contentCopy();
    const created = run('new.ts', ['lesson', 'Đăng ký tài khoản Định danh điện tử', '--content', 'content'], root);
    expect(created.status).toBe(0);
    expect(existsSync(path.join(root, 'content/lessons/dang-ky-tai-khoan-dinh-danh-dien-tu.mdx'))).toBe(true);
    expect(created.stdout).toContain('/bai-hoc/dang-ky-tai-khoan-dinh-danh-dien-tu/');
  });

  it('refuses to overwrite an article, even one whose name only slugifies the same', () => {
    const root = contentCopy();
    const existing = path.join(root, 'content/lessons/Trả tiền điện.mdx');
    writeFileSync(existing, 'bài của người khác');
    const created = run('new.ts', ['lesson', 'Trả tiền điện', '--content', 'content'], root);
    expect(created.status).toBe(1);
    expect(created.stderr).toContain('Không tạo');
    expect(readFileSync(existing, 'utf8')).toBe('bài của người khác');
    expect(existsSync(path.join(root, 'content/lessons/tra-tien-dien.mdx'))).toBe(false);
  });

  it('explains its usage: --help exits 0, mistakes exit 2', () => {
    expect(run('new.ts', ['--help']).status).toBe(0);
    const noKind = run('new.ts', []);
    expect(noKind.status).toBe(2);
    expect(noKind.stderr).toContain('Cách dùng');
    expect(run('new.ts', ['poem', 'Một bài thơ']).status).toBe(2);
    expect(run('new.ts', ['lesson']).status).toBe(2);
    expect(run('new.ts', ['lesson', '!!!']).status).toBe(2);
  });
});

describe('a new editor makes five typical mistakes', () => {
  it('gets every one reported at once, in Vietnamese, with file, line and field', async () => {
    const root = contentCopy();
    expect(run('new.ts', ['lesson', 'Cài ứng dụng ngân hàng trên điện thoại', '--content', 'content'], root).status).toBe(0);
    const file = path.join(root, 'content/lessons/cai-ung-dung-ngan-hang-tren-dien-thoai.mdx');
    // A 12 MB photo straight from a phone: a real JPEG of noise (it does not compress),
    // padded after its end marker as some phones do, to exactly 12 MB.
    const width = 2000;
    const height = 1500;
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    let photo = await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
      .toBuffer();
    if (photo.length < 12 * 1024 * 1024) photo = Buffer.concat([photo, Buffer.alloc(12 * 1024 * 1024 - photo.length)]);
    writeFileSync(path.join(root, 'content/images/anh-chup-dien-thoai.jpg'), photo);

    const text = readFileSync(file, 'utf8')
      .replace(/^topic: .*$/m, 'topic: thanh-toán')
      .replace(/^updated: .*$/m, 'updated: 10/11/2025')
      .replace(/^# cover:\n# {3}src: .*\n# {3}alt: .*$/m, 'cover:\n  src: ../images/anh-chup-dien-thoai.jpg\n  alt: Điện thoại mở ứng dụng ngân hàng.')
      .replace(/^---\n\n/m, "---\n\nimport { Callout } from 'nextra/components'\n\n![](../images/tien-dien-ma-qr.png)\n\n");
    writeFileSync(file, text);

    const check = run('check.ts', ['--content', 'content'], root);
    expect(check.status).toBe(1);
    const lines = check.stderr.split('\n').filter((line) => line.startsWith('content/'));
    const name = 'content/lessons/cai-ung-dung-ngan-hang-tren-dien-thoai.mdx';
    expect(lines.every((line) => line.startsWith(name))).toBe(true);
    expect(lines.map((line) => line.slice(name.length))).toMatchInlineSnapshot(`
      [
        ":10 — topic — không có "thanh-toán" trong chủ đề (content/topics.yaml) — Có phải bạn muốn viết "thanh-toan"? Giá trị được phép: an-toan-mang, ban-hang-tren-mang, dich-vu-cong, dinh-danh-dien-tu, ky-nang-co-ban, thanh-toan, y-te.",
        ":14 — updated — ngày "10/11/2025" không đúng dạng NĂM-THÁNG-NGÀY hoặc không có thật — Viết năm trước, rồi tháng, rồi ngày: nếu là ngày 10 tháng 11 năm 2025 thì viết 2025-11-10.",
        ":22 — cover.src — ảnh nặng 12.0 MB, quá giới hạn 10 MB — Chụp lại ở chất lượng thấp hơn hoặc thu nhỏ ảnh trước khi tải lên (trang tự nén ảnh dưới 10 MB).",
        ":61 — nội dung — có dòng "import" (mã lệnh JavaScript, thường chép từ bài hướng dẫn trên mạng) — Xoá dòng bắt đầu bằng "import". Bài viết không cần import: các thành phần <Steps>, <Tip>, <Warning>, <WhenStuck>, <Figure>, <Term> có sẵn.",
        ":63 — nội dung — ảnh "../images/tien-dien-ma-qr.png" thiếu mô tả (alt) — Viết mô tả ảnh trong ngoặc vuông: ![Mô tả ảnh](đường-dẫn).",
      ]
    `);
  }, 30_000);
});

describe('CONTRIBUTING.md', () => {
  it('offers a lesson template that passes the check as pasted', () => {
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    const block = /<!-- mau-bai-hoc:[^>]*-->\n```mdx\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block, 'the marked ```mdx block').toBeDefined();
    const root = contentCopy();
    writeFileSync(path.join(root, 'content/lessons/ten-bai-cua-ban.mdx'), `${block}\n`);
    const check = run('check.ts', ['--content', 'content'], root);
    expect(check.output).toContain('không có lỗi');
    expect(check.status).toBe(0);
  });

  it('quotes the check messages it explains word for word', () => {
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    // The five-mistakes messages above are pasted into the guide: keep them in step.
    expect(doc).toContain('— updated — ngày "10/11/2025" không đúng dạng NĂM-THÁNG-NGÀY hoặc không có thật — Viết năm trước, rồi tháng, rồi ngày: nếu là ngày 10 tháng 11 năm 2025 thì viết 2025-11-10.');
    expect(doc).toContain('— cover.src — ảnh nặng 12.0 MB, quá giới hạn 10 MB —');
    expect(doc).toContain('— nội dung — có dòng "import" (mã lệnh JavaScript, thường chép từ bài hướng dẫn trên mạng) —');
  });
});

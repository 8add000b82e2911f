// npm run new -- <lesson|news|story|campaign> "Tiêu đề": a new article from a commented template.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/content/load.ts';
import { KINDS, parseKind, renderTemplate, scaffoldTarget, templateValues } from '../src/lib/content/scaffold.ts';
import { idFromPath } from '../src/lib/slug.ts';
import { TITLE_MAX } from '../src/schemas/helpers.ts';
import { relativePosix } from '../src/lib/posix-path.ts';

const USAGE = `Cách dùng: npm run new -- <loại> "Tiêu đề" [--content THƯ_MỤC]

Tạo bài mới từ mẫu có sẵn lời hướng dẫn, với ngày hôm nay và tên tệp lấy từ tiêu đề.
  loại         lesson (bài học), news (tin tức), story (câu chuyện), campaign (chiến dịch)
  --content    tạo bài trong thư mục khác thay cho content/
  --help       in hướng dẫn này
Ví dụ: npm run new -- lesson "Trả tiền điện bằng mã QR"
Mã thoát: 0 đã tạo, 1 không tạo được (tệp đã có), 2 sai cách dùng.`;

const TEMPLATES = path.join(import.meta.dirname, 'templates');

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [kindArg, ...titleWords] = parsed.positionals;
  const kind = kindArg ? parseKind(kindArg) : undefined;
  if (!kind) {
    console.error(`${kindArg ? `Không có loại bài "${kindArg}".` : 'Thiếu loại bài.'}\n\n${USAGE}`);
    return 2;
  }
  const title = titleWords.join(' ').normalize('NFC').trim();
  if (title.length < 3 || title.length > TITLE_MAX) {
    console.error(`Tiêu đề cần từ 3 đến ${TITLE_MAX} ký tự (nhận được ${title.length}). Viết tiêu đề trong ngoặc kép.\n\n${USAGE}`);
    return 2;
  }
  const target = scaffoldTarget(kind, title);
  if (!target) {
    console.error(`Tiêu đề "${title}" không tạo được tên tệp: cần có chữ cái hoặc chữ số.`);
    return 2;
  }

  const root = process.cwd();
  const contentDir = path.resolve(parsed.values.content ?? 'content');
  const loaded = await loadContent(root, contentDir);
  const { collection, label } = KINDS[kind];
  const ids = (name: string) => [...new Set(loaded.entries.filter((e) => e.collection === name).map((e) => e.id))].sort();
  const file = path.join(contentDir, target.file);
  const shown = relativePosix(root, file);
  // Any file that would get the same address, even one the check cannot read yet.
  const folder = path.dirname(file);
  const clash = (existsSync(folder) ? readdirSync(folder) : []).find((name) => !name.startsWith('_') && idFromPath(name) === target.id);
  if (clash) {
    console.error(`Không tạo: đã có content/${collection}/${clash} với cùng địa chỉ ${target.url}. Mở tệp đó để sửa, hoặc chọn tiêu đề khác.`);
    return 1;
  }
  const currentPlaces = loaded.entries
    .filter((e) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      return e.collection === 'places' && data['kind'] === 'commune' && !data['validUntil'];
    })
    .map((e) => e.id)
    .sort();
  const values = templateValues(title, { topics: ids('topics'), places: currentPlaces, lessons: ids('lessons') });
  const text = renderTemplate(readFileSync(path.join(TEMPLATES, `${kind}.mdx`), 'utf8'), values);
  try {
    // "wx": never overwrite, even a file that appeared a moment ago.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EEXIST' ? `Không tạo: tệp ${shown} đã có. Mở tệp đó để sửa, hoặc chọn tiêu đề khác.` : `Không tạo được ${shown}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`Đã tạo ${label} mới: ${shown}

Việc tiếp theo:
  1. Mở ${shown} và sửa mọi dòng mẫu (tóm tắt, ngày, các mã…); dòng bắt đầu bằng "#" là lời hướng dẫn.
  2. Viết nội dung bên dưới dòng "---" thứ hai. Ảnh tải lên content/images/.
  3. Chạy "npm run check" để kiểm tra; sửa từng lỗi theo hướng dẫn ở cuối mỗi dòng.
  4. Xem trước: "npm run dev", rồi mở http://localhost:4321${target.url}
  5. Gửi pull request (xem CONTRIBUTING.md).`);
  return 0;
}

process.exitCode = await main();

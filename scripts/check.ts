// npm run check: validate all content without building, with messages for editors.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatGithubAnnotation, formatGithubWarning, formatReport, formatWarnings } from '../src/lib/problems.ts';
import { normaliseFiles, validateContent } from '../src/lib/content/validate.ts';

const USAGE = `Cách dùng: npm run check [-- --fix] [-- --content THƯ_MỤC]

Kiểm tra mọi bài trong content/ mà không cần dựng trang.
  --fix        chuẩn hoá chữ tiếng Việt về dạng NFC (ghi lại tệp)
  --content    kiểm tra thư mục khác thay cho content/
  --github     in thêm chú thích lỗi cho GitHub Actions
Mã thoát: 0 không có lỗi, 1 có lỗi, 2 sai cách dùng.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        fix: { type: 'boolean', default: false },
        content: { type: 'string' },
        github: { type: 'boolean', default: !!process.env['GITHUB_ACTIONS'] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const root = process.cwd();
  const contentDir = args.content ? path.resolve(args.content) : undefined;
  const result = await validateContent(root, contentDir);
  if (result.notNfc.length) {
    if (args.fix) {
      await normaliseFiles(root, result.notNfc);
      console.log(`Đã chuẩn hoá NFC ${result.notNfc.length} tệp: ${result.notNfc.join(', ')}`);
    } else {
      console.log(`Lưu ý: ${result.notNfc.length} tệp có chữ ở dạng tổ hợp (NFD): ${result.notNfc.join(', ')}. Khi dựng trang, chữ được tự chuẩn hoá về NFC; chạy "npm run check -- --fix" để sửa luôn tệp.`);
    }
  }
  for (const notice of result.notices) console.log(notice);
  if (result.warnings.length) {
    console.log(formatWarnings(result.warnings));
    if (args.github) for (const warning of result.warnings) console.log(formatGithubWarning(warning));
  }
  if (result.problems.length === 0) {
    console.log(`Nội dung hợp lệ: ${result.entries.length} mục, không có lỗi.`);
    return 0;
  }
  console.error(formatReport(result.problems));
  if (args.github) for (const problem of result.problems) console.log(formatGithubAnnotation(problem));
  return 1;
}

process.exitCode = await main();

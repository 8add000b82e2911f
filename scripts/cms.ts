// npm run cms: the editors' form (/admin/) on this computer, for an editor with no GitHub account
// yet. It starts the development server (astro dev), which also serves the site, so a saved
// lesson shows at once. The CMS then works on this folder's files (Sveltia CMS's local mode).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Cách dùng: npm run cms [-- --port 4321]

Mở trang soạn bài trên máy này, làm việc thẳng với các tệp trong thư mục dự án.`);
  process.exit(0);
}

const url = `http://localhost:${values.port}/admin/`;
console.log(`
Trang soạn bài: ${url}
  1. Mở địa chỉ trên bằng Chrome hoặc Edge (Firefox và Safari chưa mở được thư mục trên máy).
  2. Bấm "Làm việc với kho mã nguồn cục bộ", chọn thư mục dự án:
     ${process.cwd()}
     rồi đồng ý khi trình duyệt hỏi cho trang xem tệp và lưu thay đổi.
  3. Soạn bài rồi bấm "Lưu": bài được ghi vào content/. Xem bài ở http://localhost:${values.port}/.
  4. Chạy "npm run check" để kiểm tra, rồi gửi bài như hướng dẫn trong CONTRIBUTING.md.
Dừng: bấm Ctrl+C.
`);

const astro = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', 'localhost', '--port', values.port], { stdio: 'inherit' });
astro.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => astro.kill(signal));

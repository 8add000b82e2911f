// npm run screenshots: every template of dist/ at 360×740 (and 1280×800) into screenshots/, for review.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { serveDist } from '../src/lib/delivery/static-server.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
if (values.help) {
  console.log('Usage: npm run screenshots [-- --out DIR] [paths…]\nScreenshots of built pages (run npm run build first).');
  process.exit(0);
}
const pages = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const targets = pages.length
  ? pages
  : [
      '/',
      '/bai-hoc/',
      '/bai-hoc/cai-dat-va-kich-hoat-vneid/',
      '/tin-tuc/',
      '/cau-chuyen/',
      '/dia-phuong/',
      '/dia-phuong/huyen-binh-lieu/',
      '/dia-phuong/xa-dai-duc/',
      '/dia-phuong/xa-tien-yen/',
      '/chien-dich/vneid-cho-moi-nguoi-dan/',
      '/tu-dien/',
      '/tim-kiem/',
      '/khong-co-trang-nay/',
    ];
const out = path.resolve(values.out ?? 'screenshots');
mkdirSync(out, { recursive: true });
const { url, server } = await serveDist(path.resolve('dist'));
const browser = await launchChromium();
try {
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const target of targets) {
      await page.goto(url + target);
      const name = `${target.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${width}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      console.log(`${name}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

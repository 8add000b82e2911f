import { readFileSync, readdirSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { renderArticle } from './src/lib/article/render.ts';
const dirs: Record<string, string> = { lessons: 'bai-hoc', news: 'tin-tuc', stories: 'cau-chuyen', campaigns: 'chien-dich' };
let same = 0, diff = 0;
for (const [dir, route] of Object.entries(dirs)) for (const f of readdirSync(`content/${dir}`).filter((f) => f.endsWith('.mdx'))) {
  const src = readFileSync(`content/${dir}/${f}`, 'utf8');
  const { content } = parseFrontmatter(src);
  const t0 = performance.now();
  const { html, images } = renderArticle(content.trim());
  const ms = performance.now() - t0;
  const page = readFileSync(`/tmp/exp/baseline-dist/${route}/${f.replace('.mdx', '')}/index.html`, 'utf8');
  const i = page.indexOf('<div class="prose"');
  const start = page.indexOf('>', i) + 1;
  // find matching end: the baseline's prose div ends before known markers
  const seg = page.slice(start);
  let ok = seg.startsWith(html.replace(/<!--ban-so-image:\d+-->/g, '§'));
  if (!ok && images.length) { const parts = html.split(/<!--ban-so-image:\d+-->/); ok = parts.every((p) => seg.includes(p)); }
  if (ok) same++; else { diff++; const a = seg, b = html; let k = 0; while (a[k] === b[k]) k++; console.log(dir, f, ms.toFixed(1), '\n  was:', JSON.stringify(a.slice(k - 60, k + 80)), '\n  now:', JSON.stringify(b.slice(k - 60, k + 80))); }
}
console.log({ same, diff });

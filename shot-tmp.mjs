import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
const root = 'dist';
const server = createServer(async (req, res) => {
  let f = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try { if ((await stat(f)).isDirectory()) f = path.join(f, 'index.html'); res.end(await readFile(f)); } catch { res.statusCode = 404; res.end('404'); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
for (const [p, sel, name] of JSON.parse(process.argv[2])) {
  await page.goto(`http://127.0.0.1:${port}${p}`);
  if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
}
await browser.close(); server.close();

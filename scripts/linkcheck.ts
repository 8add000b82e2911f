// npm run linkcheck: every internal link and #anchor of the built site resolves (linkinator).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSiteLinks, formatBrokenLinks } from './lib/linkcheck.ts';
import { serveDist } from '../src/lib/delivery/static-server.ts';

const USAGE = `Usage: npm run linkcheck [-- --dist DIR]

Serves the built site (dist/) on 127.0.0.1 and crawls it with linkinator: every internal
link and #anchor must resolve. External links are listed as skipped, never requested.
  --dist   folder to check instead of dist/
Exit codes: 0 all links resolve, 1 broken links, 2 usage or no built site.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h', default: false } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const dist = path.resolve(args.dist);
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error(`No built site in ${dist}: run "npm run build" first.`);
    return 2;
  }
  const { url, server } = await serveDist(dist);
  try {
    const report = await checkSiteLinks(url);
    if (report.broken.length) {
      console.error(`${report.broken.length} broken link(s):\n${formatBrokenLinks(report.broken)}`);
      return 1;
    }
    console.log(`Links OK: ${report.pages.length} pages crawled, ${report.checked} internal links and anchors resolve; ${report.skipped} external links skipped.`);
    return 0;
  } finally {
    server.close();
  }
}

process.exitCode = await main();

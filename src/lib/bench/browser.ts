import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../chromium.ts';
import { median, type BrowserFigures } from './stats.ts';

/** Chrome DevTools' "Slow 3G" and a "2G" profile (CDP Network.emulateNetworkConditions). */
export const PROFILES = [
  { name: 'Slow 3G (2,000 ms, 50 KB/s)', latency: 2000, download: 50 * 1024, upload: 50 * 1024 },
  { name: '2G (800 ms, 250 kbit/s)', latency: 800, download: (250 * 1000) / 8, upload: (50 * 1000) / 8 },
] as const;
export const CPU_SLOWDOWN = 4;
export const SEARCH_QUERY = 'mat khau';

type Profile = (typeof PROFILES)[number];

/** A throttled context without service workers (first visit) that counts bytes on the wire. */
async function throttled(browser: Browser, profile: Profile): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; wire: { bytes: number; requests: number } }> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const wire = { bytes: 0, requests: 0 };
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    wire.bytes += event.encodedDataLength;
    wire.requests += 1;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.download, uploadThroughput: profile.upload });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp, wire };
}

async function lessonRun(browser: Browser, profile: Profile, url: string): Promise<{ fcp: number; lcp: number; bytes: number; requests: number }> {
  const { context, page, wire } = await throttled(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const bytes = wire.bytes;
    const requests = wire.requests;
    const { fcp, lcp } = await page.evaluate(
      () =>
        new Promise<{ fcp: number; lcp: number }>((resolve) => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve({ fcp, lcp: entries[entries.length - 1]?.startTime ?? Number.NaN });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve({ fcp, lcp: Number.NaN }), 2000);
        }),
    );
    return { fcp, lcp, bytes, requests };
  } finally {
    await context.close();
  }
}

async function searchRun(browser: Browser, profile: Profile, url: string): Promise<{ ms: number; bytes: number }> {
  const { context, page, wire } = await throttled(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    wire.bytes = 0;
    const started = Date.now();
    await page.fill('#search-input', SEARCH_QUERY);
    await page.waitForSelector('#search-results a', { timeout: 180_000 });
    return { ms: Date.now() - started, bytes: wire.bytes };
  } finally {
    await context.close();
  }
}

/** Medians of `runs` first visits of a lesson and of a first search, per profile. */
export async function measureInBrowser(options: { executablePath: string; base: string; lesson: string; search: string; runs: number; log: (line: string) => void }): Promise<BrowserFigures[]> {
  const browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS });
  const figures: BrowserFigures[] = [];
  try {
    for (const profile of PROFILES) {
      const lessons = [];
      const searches = [];
      for (let run = 0; run < options.runs; run++) {
        lessons.push(await lessonRun(browser, profile, options.base + options.lesson));
        searches.push(await searchRun(browser, profile, options.base + options.search));
        const last = lessons[lessons.length - 1]!;
        options.log(`  ${profile.name} run ${run + 1}: FCP ${Math.round(last.fcp)} ms, LCP ${Math.round(last.lcp)} ms, ${last.bytes} B; search ${searches[searches.length - 1]!.ms} ms, ${searches[searches.length - 1]!.bytes} B`);
      }
      figures.push({
        profile: profile.name,
        runs: options.runs,
        fcpMs: median(lessons.map((r) => r.fcp)),
        lcpMs: median(lessons.map((r) => r.lcp)),
        lessonBytes: median(lessons.map((r) => r.bytes)),
        lessonRequests: median(lessons.map((r) => r.requests)),
        searchMs: median(searches.map((r) => r.ms)),
        searchBytes: median(searches.map((r) => r.bytes)),
      });
    }
  } finally {
    await browser.close();
  }
  return figures;
}

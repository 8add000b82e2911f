import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../print/chromium.ts';
import { median, type BrowserFigures, type SearchTimings } from './stats.ts';

/** Chrome DevTools' "Slow 3G" and a "2G" profile (CDP Network.emulateNetworkConditions). */
export const PROFILES = [
  { name: 'Slow 3G (2,000 ms, 50 KB/s)', latency: 2000, download: 50 * 1024, upload: 50 * 1024 },
  { name: '2G (800 ms, 250 kbit/s)', latency: 800, download: (250 * 1000) / 8, upload: (50 * 1000) / 8 },
] as const;
export const CPU_SLOWDOWN = 4;
export const SEARCH_QUERY = 'mat khau';
/**
 * Milliseconds between two keys when a search is typed (a resident on a phone; the same for
 * every site measured). The time typing takes is free for whatever a site fetches meanwhile.
 */
export const TYPING_DELAY_MS = 150;

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
  // A new context: empty HTTP cache, as on a first visit; within the visit the cache works.
  await cdp.send('Network.enable');
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

/** Loads `url` in a fresh throttled context, then times `action` and counts its bytes on the wire. */
async function timedAction(browser: Browser, profile: Profile, url: string, action: (page: Page) => Promise<void>): Promise<{ ms: number; bytes: number }> {
  const { context, page, wire } = await throttled(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    wire.bytes = 0;
    const started = Date.now();
    await action(page);
    return { ms: Date.now() - started, bytes: wire.bytes };
  } finally {
    await context.close();
  }
}

/** /tim-kiem/: the query typed into its box, from the first key to the first result on screen. */
const searchRun = (browser: Browser, profile: Profile, url: string) =>
  timedAction(browser, profile, url, async (page) => {
    await page.locator('#search-input').pressSequentially(SEARCH_QUERY, { delay: TYPING_DELAY_MS });
    await page.waitForSelector('#search-results a', { timeout: 180_000 });
  });

/** A lesson page: tap the header's search box, type, press the button, first result on /tim-kiem/. */
const headerSearchRun = (browser: Browser, profile: Profile, url: string) =>
  timedAction(browser, profile, url, async (page) => {
    await page.click('#site-search');
    await page.locator('#site-search').pressSequentially(SEARCH_QUERY, { delay: TYPING_DELAY_MS });
    await page.click('.site-header .search-form button[type="submit"]');
    await page.waitForSelector('#search-results a', { timeout: 180_000 });
  });

/** Starlight's search on a lesson page (../shared/tools/anchors/): open the dialog, type, first result. */
const starlightSearchRun = (browser: Browser, profile: Profile, url: string) =>
  timedAction(browser, profile, url, async (page) => {
    await page.click('site-search button[data-open-modal]');
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor({ state: 'visible', timeout: 180_000 });
    await input.pressSequentially(SEARCH_QUERY, { delay: TYPING_DELAY_MS });
    await page.locator('.pagefind-ui__result-link').first().waitFor({ state: 'visible', timeout: 180_000 });
  });

/** The three searches of issue 13, on Slow 3G, medians of `runs`. */
export async function measureSearches(options: {
  executablePath: string;
  base: string;
  lesson: string;
  search: string;
  starlight?: { base: string; lesson: string } | undefined;
  runs: number;
  log: (line: string) => void;
}): Promise<SearchTimings> {
  const browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS });
  const profile = PROFILES[0];
  try {
    const page = [];
    const header = [];
    const starlight = [];
    for (let run = 0; run < options.runs; run++) {
      page.push(await searchRun(browser, profile, options.base + options.search));
      header.push(await headerSearchRun(browser, profile, options.base + options.lesson));
      if (options.starlight) starlight.push(await starlightSearchRun(browser, profile, options.starlight.base + options.starlight.lesson));
      const last = (list: Array<{ ms: number; bytes: number }>) => (list.length ? `${list[list.length - 1]!.ms} ms, ${list[list.length - 1]!.bytes} B` : '–');
      options.log(`  search run ${run + 1} (${profile.name}): /tim-kiem/ ${last(page)}; from a lesson ${last(header)}; Starlight ${last(starlight)}`);
    }
    return {
      profile: profile.name,
      cpuSlowdown: CPU_SLOWDOWN,
      runs: options.runs,
      searchPageMs: median(page.map((r) => r.ms)),
      searchPageBytes: median(page.map((r) => r.bytes)),
      headerMs: median(header.map((r) => r.ms)),
      headerBytes: median(header.map((r) => r.bytes)),
      starlightMs: starlight.length ? median(starlight.map((r) => r.ms)) : undefined,
      starlightBytes: starlight.length ? median(starlight.map((r) => r.bytes)) : undefined,
    };
  } finally {
    await browser.close();
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

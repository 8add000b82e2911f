import { LinkChecker, LinkState } from 'linkinator';

/** A link on the built site that leads nowhere, and the page it is on. */
export interface BrokenLink {
  url: string;
  parent: string | undefined;
  status: number | undefined;
}

export interface LinkReport {
  /** HTML pages crawled (reached by following links from the home page). */
  pages: string[];
  /** Internal links checked (pages, files and #anchors). */
  checked: number;
  /** External links seen but not requested (no network in CI). */
  skipped: number;
  broken: BrokenLink[];
}

/**
 * Crawl a site served at `base` (e.g. http://127.0.0.1:4321) with linkinator: every internal
 * link and every #anchor must resolve. Links to other hosts are skipped, never requested.
 */
export async function checkSiteLinks(base: string): Promise<LinkReport> {
  const origin = new URL(base).origin;
  const checker = new LinkChecker();
  const pages = new Set<string>();
  checker.on('pagestart', (url) => pages.add(String(url).replace(origin, '')));
  const result = await checker.check({
    path: `${origin}/`,
    recurse: true,
    checkFragments: true,
    // Only our own server is ever contacted.
    linksToSkip: async (link) => {
      try {
        return new URL(link).origin !== origin;
      } catch {
        return true;
      }
    },
    concurrency: 8,
    // Loopback only: a slow answer means a loaded machine, not a dead link.
    timeout: 30_000,
    retry: false,
  });
  // One line per broken link and page (linkinator may report a link once per visit).
  const seen = new Set<string>();
  const broken: BrokenLink[] = [];
  for (const link of result.links) {
    if (link.state !== LinkState.BROKEN) continue;
    const url = link.url.replace(origin, '');
    const parent = link.parent?.replace(origin, '') ?? (url.includes('#') ? url.split('#')[0] : undefined);
    if (parent === url) continue; // the error page's own links, not a link on our pages
    const key = `${url} ${parent}`;
    if (seen.has(key)) continue;
    seen.add(key);
    broken.push({ url, parent, status: link.status });
  }
  broken.sort((a, b) => a.url.localeCompare(b.url) || (a.parent ?? '').localeCompare(b.parent ?? ''));
  return {
    pages: [...pages].sort(),
    checked: result.links.filter((link) => link.state === LinkState.OK).length,
    skipped: result.links.filter((link) => link.state === LinkState.SKIPPED).length,
    broken,
  };
}

/** One line per broken link: target, page it is on, why. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken
    .map((link) => {
      const why = link.url.includes('#') && link.status === 200 ? 'no element with this id' : link.status ? `HTTP ${link.status}` : 'unreachable';
      return `${link.url} — linked from ${link.parent ?? '?'} — ${why}`;
    })
    .join('\n');
}

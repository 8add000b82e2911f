/**
 * Every URL of the site comes from here: templates never build paths by hand.
 * Paths are Vietnamese words in ASCII and always end with "/" (Astro's trailingSlash: 'always').
 */

import { OFFLINE_PATH, SERVICE_WORKER_PATH } from './offline-paths.ts';

export const routes = {
  home: (): string => '/',
  lessons: (): string => '/bai-hoc/',
  lesson: (id: string): string => `/bai-hoc/${id}/`,
  leaflet: (id: string): string => `/bai-hoc/${id}/to-roi/`,
  leafletA5: (id: string): string => `/bai-hoc/${id}/to-roi-a5/`,
  leafletPdf: (id: string): string => `/bai-hoc/${id}/to-roi.pdf`,
  leafletA5Pdf: (id: string): string => `/bai-hoc/${id}/to-roi-a5.pdf`,
  broadcast: (id: string): string => `/bai-hoc/${id}/phat-thanh/`,
  newsList: (page = 1): string => (page <= 1 ? '/tin-tuc/' : `/tin-tuc/${page}/`),
  news: (id: string): string => `/tin-tuc/${id}/`,
  stories: (): string => '/cau-chuyen/',
  story: (id: string): string => `/cau-chuyen/${id}/`,
  places: (): string => '/dia-phuong/',
  place: (id: string): string => `/dia-phuong/${id}/`,
  campaigns: (): string => '/chien-dich/',
  campaign: (id: string): string => `/chien-dich/${id}/`,
  meetingPack: (id: string): string => `/chien-dich/${id}/hop-thon/`,
  meetingPackPdf: (id: string): string => `/chien-dich/${id}/hop-thon.pdf`,
  campaignBroadcast: (id: string): string => `/chien-dich/${id}/phat-thanh/`,
  printButtonScript: (): string => '/print-button.js',
  /** A converted recording (Opus or MP3), named after its source and content (src/lib/audio/publish.ts). */
  audio: (name: string): string => `/am-thanh/${name}`,
  /** Offline reading (issue 5): the page the service worker shows for an unsaved page, and the worker. */
  offline: (): string => OFFLINE_PATH,
  serviceWorker: (): string => SERVICE_WORKER_PATH,
  topic: (id: string, page = 1): string => (page <= 1 ? `/chu-de/${id}/` : `/chu-de/${id}/${page}/`),
  lessonsAz: (page = 1): string => (page <= 1 ? '/tim-kiem/tu-a-den-z/' : `/tim-kiem/tu-a-den-z/${page}/`),
  printTopic: (id: string, page = 1): string => (page <= 1 ? `/in-an/chu-de/${id}/` : `/in-an/chu-de/${id}/${page}/`),
  search: (): string => '/tim-kiem/',
  /** The editors' CMS (issue 15): out of the sitemap, the search index and the service worker. */
  admin: (): string => '/admin/',
  printCentre: (): string => '/in-an/',
  glossary: (): string => '/tu-dien/',
  glossaryTerm: (id: string): string => `/tu-dien/#${id}`,
  rss: (): string => '/rss.xml',
  manifest: (): string => '/manifest.webmanifest',
  icon: (size: number): string => `/icons/icon-${size}.png`,
  /** Link-preview image of an entry ("bai-hoc", id) or the site's default one (no arguments). */
  ogImage: (section?: string, id?: string): string => (section && id ? `/og/${section}/${id}.png` : '/og/ban-so.png'),
} as const;

/**
 * The glossary entry a link points at ("/tu-dien/#otp" → "otp"), else undefined. A Markdown link
 * into the glossary is the same as <Term id="otp">: what an editor makes with the CMS's link
 * button, without typing a tag (issue 15).
 */
export function glossaryTermId(href: string): string | undefined {
  const prefix = `${routes.glossary()}#`;
  return href.startsWith(prefix) && href.length > prefix.length ? href.slice(prefix.length) : undefined;
}

/**
 * Print variants (leaflets, scripts, meeting packs) repeat content that has its own page: they
 * stay out of the sitemap and the search index. One rule, used by the sitemap filter and tests.
 */
export function isPrintVariant(path: string): boolean {
  return /^\/(bai-hoc|chien-dich)\/[^/]+(\/[a-z]{2,3})?\/(to-roi|to-roi-a5|phat-thanh|hop-thon)\/$/.test(path);
}

/** Pages kept out of the sitemap: print variants (they repeat content) and the offline page. */
export function excludedFromSitemap(path: string): boolean {
  return isPrintVariant(path) || path === routes.offline();
}

/** Absolute URL for canonical links, QR codes and feeds. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

/** Link to the GitHub web editor for a content file ("Sửa trang này"). */
export function editUrl(repository: string, filePath: string, branch = 'main'): string {
  const clean = filePath.replace(/^\.?\//, '');
  return `${repository.replace(/\/$/, '')}/edit/${branch}/${clean}`;
}

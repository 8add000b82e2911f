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
  /** The A4 leaflet as a picture for phones and Zalo groups (src/lib/print/leaflet-picture.ts). */
  leafletPicture: (id: string): string => `/bai-hoc/${id}/to-roi.jpg`,
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

/** What a site path shows: the inverse of `routes`. */
export type ParsedPath =
  /** A lesson (`lesson` is its route key: the id, or "<id>/<lang>" for a translation) and its print variants. */
  | { kind: 'lesson' | 'leaflet' | 'leaflet-a5' | 'lesson-broadcast'; lesson: string; id: string; lang: string | undefined }
  | { kind: 'news' | 'story' | 'place' | 'campaign' | 'meeting-pack' | 'campaign-broadcast'; id: string }
  | { kind: 'home' | 'glossary' | 'offline' | 'list' | 'other' };

/** Print variants of a lesson, by their last path segment. */
const LESSON_VARIANTS = { 'to-roi': 'leaflet', 'to-roi-a5': 'leaflet-a5', 'phat-thanh': 'lesson-broadcast' } as const;
/** A translation's language segment ("tyz"), as written by routes.lesson("<id>/<lang>"). */
const LANGUAGE_SEGMENT = /^[a-z]{2,3}$/;

/**
 * Read a site path back (PDF jobs, byte budgets, print-variant rules, tests): one parser, so
 * no two places disagree on what a URL is. Lists and pages of lists are "list"; files and
 * unknown paths "other".
 */
export function parsePath(sitePath: string): ParsedPath {
  const path = `/${sitePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (path === routes.home()) return { kind: 'home' };
  if (path === routes.glossary()) return { kind: 'glossary' };
  if (path === routes.offline()) return { kind: 'offline' };
  if (!sitePath.endsWith('/')) return { kind: 'other' };
  const [section, id, ...rest] = path.slice(1, -1).split('/');
  if (section === 'bai-hoc' && id) {
    const lang = rest[0] !== undefined && LANGUAGE_SEGMENT.test(rest[0]) ? rest[0] : undefined;
    const tail = lang ? rest.slice(1) : rest;
    const lesson = lang ? `${id}/${lang}` : id;
    if (tail.length === 0) return { kind: 'lesson', lesson, id, lang };
    const variant = tail.length === 1 ? LESSON_VARIANTS[tail[0] as keyof typeof LESSON_VARIANTS] : undefined;
    return variant ? { kind: variant, lesson, id, lang } : { kind: 'other' };
  }
  if (section === 'chien-dich' && id) {
    if (rest.length === 0) return { kind: 'campaign', id };
    if (rest.length === 1 && rest[0] === 'hop-thon') return { kind: 'meeting-pack', id };
    if (rest.length === 1 && rest[0] === 'phat-thanh') return { kind: 'campaign-broadcast', id };
    return { kind: 'other' };
  }
  const single: Record<string, 'news' | 'story' | 'place'> = { 'tin-tuc': 'news', 'cau-chuyen': 'story', 'dia-phuong': 'place' };
  const kind = section ? single[section] : undefined;
  // /tin-tuc/2/ is the second page of the news list, not a news item.
  if (kind && id && rest.length === 0 && !(kind === 'news' && /^\d+$/.test(id))) return { kind, id };
  return { kind: 'list' };
}

/** Kinds of page that print (leaflets, scripts, meeting packs). */
const PRINT_KINDS: ReadonlySet<ParsedPath['kind']> = new Set(['leaflet', 'leaflet-a5', 'lesson-broadcast', 'meeting-pack', 'campaign-broadcast']);

/**
 * Print variants (leaflets, scripts, meeting packs) repeat content that has its own page: they
 * stay out of the sitemap and the search index. One rule, used by the sitemap filter and tests.
 */
export function isPrintVariant(path: string): boolean {
  return PRINT_KINDS.has(parsePath(path).kind);
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

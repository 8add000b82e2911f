import { createHash } from 'node:crypto';

export interface ServiceWorkerConfig {
  /** Build id: names the caches, so a new deployment never mixes with the old one. */
  version: string;
  /** The offline page, saved when the worker installs. */
  offline: string;
  /** Prefix of the pages cache (the offline page reads it). */
  pagesPrefix: string;
  /** Files the offline page needs (its scripts), saved when the worker installs. */
  precache: string[];
  /** Paths the worker never answers (the CMS at /admin/ talks to GitHub and must stay live). */
  bypass: string[];
}

/** A build id from the build's files: same files, same id; any change, a new id. */
export function buildVersion(files: ReadonlyArray<{ path: string; content: Buffer | string }>): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** Same-origin scripts and stylesheets a page references (href/src="/…\.js|css"). */
export function referencedAssets(html: string): string[] {
  return [...new Set([...html.matchAll(/(?:href|src)="(\/[^"?#]+\.(?:js|css))"/g)].map((match) => match[1]!))];
}

/** The worker file: its settings, then the hand-written worker (src/scripts/sw.js). */
export function serviceWorkerSource(config: ServiceWorkerConfig, template: string): string {
  return `const CONFIG = ${JSON.stringify(config)};\n${template}`;
}

import { createHash } from 'node:crypto';
import { pageAssets } from '../../scripts/sw-paths.js';

export interface ServiceWorkerConfig {
  /** Build id: names the caches, so a new deployment never mixes with the old one. */
  version: string;
  /** The offline page, saved when the worker installs. */
  offline: string;
  /** Prefix of the pages cache (the offline page reads it). */
  pagesPrefix: string;
  /** Prefix of the caches of campaigns saved for reading without signal: kept across deployments. */
  savedPrefix: string;
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

/** Any origin will do at build time: the worker resolves paths against its own (src/scripts/sw-paths.js). */
const BUILD_ORIGIN = 'https://build.invalid';

/** This site's scripts and stylesheets a page references (the worker's own rule: src/scripts/sw-paths.js). */
export function referencedAssets(html: string): string[] {
  return pageAssets(html, BUILD_ORIGIN);
}

/**
 * Worker source as shipped: without `export` (a worker script is not a module; src/scripts/sw-paths.js
 * is one, for the build and the tests) and without comment lines and JSDoc blocks (every reader
 * downloads the worker; the source explains it). Code is left exactly as written.
 */
export function workerCode(moduleSource: string): string {
  return moduleSource
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !/^\s*(\/\/.*)?$/.test(line))
    .map((line) => line.replace(/^export /, ''))
    .join('\n')
    .concat('\n');
}

/** The worker file: its settings, the path helpers (src/scripts/sw-paths.js), then the hand-written worker (src/scripts/sw.js). */
export function serviceWorkerSource(config: ServiceWorkerConfig, template: string, helpers = ''): string {
  return `const CONFIG = ${JSON.stringify(config)};\n${workerCode(helpers)}${workerCode(template)}`;
}

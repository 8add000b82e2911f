// Which paths the offline service worker may fetch and save (issue 23): only this site's own,
// root-relative paths it can resolve. The build puts these functions, without "export", above the
// worker (src/integrations/service-worker.ts); the build and tests/unit/service-worker.test.ts
// import them as they are. Plain JavaScript: the worker is shipped as written, not bundled.

/**
 * A path of this site, or undefined: "/a/b.css" yes; "//host/x", "https://other/…",
 * "javascript:…", "data:…", "../x", "x.css", a backslash, a control character or a space (the URL
 * parser drops tabs and newlines, so "/\n/host" would be "//host"), a query, a fragment, dot
 * segments or any form the URL parser would rewrite, no.
 * @param {unknown} value
 * @param {string} origin the worker's own origin (location.origin)
 * @returns {string | undefined}
 */
export function sitePath(value, origin) {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/.test(value)) return undefined;
  try {
    const url = new URL(value, origin);
    return url.origin === origin && url.pathname === value ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stylesheets and scripts a saved page needs: its href="…" and src="…" values that are paths
 * of this site ending in .css or .js, each once. A linear scan: no pattern that can backtrack.
 * @param {string} html
 * @param {string} origin
 * @returns {string[]}
 */
export function pageAssets(html, origin) {
  /** @type {string[]} */
  const found = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const path = sitePath(match[1], origin);
    if (path && /\.(?:css|js)$/.test(path) && !found.includes(path)) found.push(path);
  }
  return found;
}

/**
 * What a pull request changed, for CI (issue 29): a pull request that changes only content/
 * gets the content job (check, build, the tests about content, axe on its pages); anything
 * else — code, tests, the workflow, the lockfile — runs everything.
 */

/** Git's names (one a line or an array), trimmed, without empty lines, with `/` separators. */
export function changedNames(list: string | readonly string[]): string[] {
  const names = typeof list === 'string' ? list.split('\n') : [...list];
  return names.map((name) => name.trim().replace(/\\/g, '/')).filter(Boolean);
}

/** True when every changed file lies under content/ (and at least one file changed). */
export function onlyContent(names: readonly string[]): boolean {
  return names.length > 0 && names.every((name) => name.startsWith('content/'));
}

/**
 * The built pages to check in a browser for the changed content files: every page whose source
 * is one of them (a lesson's page, leaflet, A5 sheet and script; a translation's pages). Files
 * with no page of their own (a picture, a recording, topics.yaml, a glossary term) bring the
 * home page, so the job always checks at least one page.
 */
export function pagesOfChangedFiles(changed: readonly string[], pages: readonly string[], sourceOf: (page: string) => string | undefined, home = '/'): string[] {
  const wanted = new Set(changed);
  const hits = pages.filter((page) => {
    const source = sourceOf(page);
    return source !== undefined && wanted.has(source.replace(/\\/g, '/'));
  });
  return hits.length > 0 ? hits : [home];
}

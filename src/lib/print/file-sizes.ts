/**
 * File sizes next to download links ("PDF, 45 KB") on pages built before the files exist: a
 * page writes sizeMarker(path), an empty span; once the PDF step has written the PDFs and
 * pictures into dist/, fillSizes() puts each file's size in its span (src/integrations/pdf.ts).
 * A file that is missing leaves its span empty, so no page ever shows a made-up size.
 */

/** "45 KB", "1,2 MB": rounded up for kilobytes, one decimal (with a comma) for megabytes. */
export function formatSize(bytes: number): string {
  if (bytes < 1000 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

const MARKER = /<span class="file-size" data-size-of="([^"]+)"><\/span>/g;

/** The empty span a page writes where a file's size goes (astro renders the same from FileSize.astro). */
export function sizeMarker(sitePath: string): string {
  return `<span class="file-size" data-size-of="${sitePath}"></span>`;
}

/** Does this HTML have size markers to fill? */
export function hasSizeMarkers(html: string): boolean {
  return html.includes('data-size-of="');
}

/**
 * Fills every marker with the size of its file, or the total of several ("/a/ /b/": what a
 * campaign saved for offline stores); undefined: a file is missing, the span goes. `self` is the
 * page being filled: a marker that counts it counts it as filled (tried until the size holds).
 */
export function fillSizes(html: string, sizeOf: (sitePath: string) => number | undefined, self?: string): string {
  const fill = (selfBytes: number) =>
    html.replace(MARKER, (_marker, paths: string) => {
      let total = 0;
      for (const sitePath of paths.split(' ')) {
        const bytes = sitePath === self ? selfBytes : sizeOf(sitePath);
        if (bytes === undefined) return '';
        total += bytes;
      }
      return `<span class="file-size">${formatSize(total)}</span>`;
    });
  let filled = fill(Buffer.byteLength(html));
  for (let tries = 0; tries < 3; tries += 1) {
    const again = fill(Buffer.byteLength(filled));
    if (again === filled) break;
    filled = again;
  }
  return filled;
}

import { describe, expect, it } from 'vitest';
import { fillSizes, formatSize, hasSizeMarkers, sizeMarker } from '../../src/lib/print/file-sizes.ts';

describe('file sizes next to download links (issue 27)', () => {
  it('says sizes as a reader counts them: whole KB rounded up, MB with a comma', () => {
    expect(formatSize(40 * 1024)).toBe('40 KB');
    expect(formatSize(40 * 1024 + 1)).toBe('41 KB');
    expect(formatSize(12)).toBe('1 KB');
    expect(formatSize(1.25 * 1024 * 1024)).toBe('1,3 MB');
  });

  it("fills each marker with its file's size, and drops the marker of a missing file", () => {
    const html = `<a href="/a.pdf">PDF, ${sizeMarker('/a.pdf')}</a><a href="/b.jpg">${sizeMarker('/b.jpg')}</a>`;
    expect(hasSizeMarkers(html)).toBe(true);
    const filled = fillSizes(html, (path) => (path === '/a.pdf' ? 96 * 1024 : undefined));
    expect(filled).toBe('<a href="/a.pdf">PDF, <span class="file-size">96 KB</span></a><a href="/b.jpg"></a>');
    expect(hasSizeMarkers(filled)).toBe(false);
  });
});

/**
 * Which PDFs a build prints, read from its pages' site paths: an A4 leaflet (with its picture for
 * phones), an A5 sheet made from that leaflet, a meeting pack. Its own file so that the printer
 * (pdf.ts) and the batcher (pdf-batch.ts) share the job type without importing each other.
 */
import { parsePath, routes } from '../routes.ts';

export type PdfKind = 'leaflet' | 'leaflet-a5' | 'meeting';

export interface PdfJob {
  kind: PdfKind;
  /** Site path of the page to print, e.g. /bai-hoc/x/to-roi/. */
  page: string;
  /** Site path of the PDF, e.g. /bai-hoc/x/to-roi.pdf. */
  pdf: string;
  /** For an A5 sheet: the A4 leaflet PDF it is made from (src/lib/print/pdf-a5.ts), not printed itself. */
  fromA4?: string;
  /** For an A4 leaflet: the site path of its picture for phones (src/lib/print/leaflet-picture.ts). */
  picture?: string;
}

/** The PDFs a build must print, from the site paths of its pages (read by routes.ts's parsePath). */
export function pdfJobs(pages: readonly string[]): PdfJob[] {
  const jobs: PdfJob[] = [];
  for (const page of pages) {
    const normalised = `/${page.replace(/^\/|\/$/g, '')}/`;
    const parsed = parsePath(normalised);
    if (parsed.kind === 'leaflet') jobs.push({ kind: 'leaflet', page: normalised, pdf: routes.leafletPdf(parsed.lesson), picture: routes.leafletPicture(parsed.lesson) });
    else if (parsed.kind === 'leaflet-a5') jobs.push({ kind: 'leaflet-a5', page: normalised, pdf: routes.leafletA5Pdf(parsed.lesson), fromA4: routes.leafletPdf(parsed.lesson) });
    else if (parsed.kind === 'meeting-pack') jobs.push({ kind: 'meeting', page: normalised, pdf: routes.meetingPackPdf(parsed.id) });
  }
  return jobs.sort((a, b) => a.pdf.localeCompare(b.pdf));
}

/**
 * Several A4 leaflets in one Chromium print (src/lib/print/pdf.ts): most of a print's cost is
 * loading and laying out the page, not writing the PDF (measured in docs/performance-history.md, "PDFs":
 * one leaflet ~130 ms; twenty as the pages of one document 122 ms together). The leaflets of a
 * batch are put into one document, printed once, and the PDF is split into one file per
 * leaflet with pdf-lib. Batches are consecutive runs of leaflet jobs in sorted order, so two
 * builds of the same pages print the same batches and write the same bytes.
 */
import { PDFDocument } from 'pdf-lib';
import type { PdfJob } from './jobs.ts';

/** Leaflets per Chromium call; PDF_BATCH overrides (1 = one print per leaflet, with PDF structure tags). */
export const DEFAULT_PDF_BATCH = 16;

export function pdfBatchSize(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env['PDF_BATCH']);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_PDF_BATCH;
}

/** Groups of jobs printed together: up to `size` consecutive A4 leaflets; anything else alone. */
export function batchJobs(jobs: readonly PdfJob[], size: number): PdfJob[][] {
  const groups: PdfJob[][] = [];
  for (const job of jobs) {
    const last = groups[groups.length - 1];
    if (job.kind === 'leaflet' && size > 1 && last && last.length < size && last[0]!.kind === 'leaflet') last.push(job);
    else groups.push([job]);
  }
  return groups;
}

/** What a PDF made with pdf-lib says about itself. */
export interface PdfInfo {
  title: string;
  /** BCP 47 language of the text ("vi"). */
  lang: string;
  /** Creation date (seconds since the epoch): SOURCE_DATE_EPOCH for byte-identical rebuilds. */
  epochSeconds: number;
}

/** Title, language, producer and dates of a pdf-lib document (the A5 sheet, a split leaflet). */
export function setPdfInfo(doc: PDFDocument, info: PdfInfo, producer: string): void {
  const date = new Date(info.epochSeconds * 1000);
  doc.setTitle(info.title);
  doc.setLanguage(info.lang);
  doc.setCreator('Chromium');
  doc.setProducer(producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

/** One PDF per page of `bytes`, each with its own title; fonts and images go with each page. */
export async function splitPdf(bytes: Uint8Array, metas: readonly PdfInfo[]): Promise<Buffer[]> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  if (source.getPageCount() !== metas.length) throw new Error(`PDF: ${source.getPageCount()} trang cho ${metas.length} tờ rơi`);
  const out: Buffer[] = [];
  for (const [index, meta] of metas.entries()) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const [page] = await doc.copyPages(source, [index]);
    doc.addPage(page!);
    setPdfInfo(doc, meta, 'Bản Số (pdf-lib), tách từ bản in nhiều tờ rơi của Chromium');
    out.push(Buffer.from(await doc.save({ useObjectStreams: false })));
  }
  return out;
}

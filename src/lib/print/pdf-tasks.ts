/**
 * pdf-lib's work on printed PDFs, run in worker threads by src/lib/print/cached.ts and pdf.ts
 * (src/lib/worker-pool.ts): splitting a batch print into leaflets and drawing A5 sheets are
 * CPU-bound on the thread that runs them, and the main thread has the printing to drive.
 */
export { a5SheetFromA4 } from './pdf-a5.ts';
export { splitPdf } from './pdf-batch.ts';

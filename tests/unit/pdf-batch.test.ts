import { describe, expect, it } from 'vitest';
import { batchJobs, pdfBatchSize } from '../../src/lib/print/pdf-batch.ts';
import { pdfJobs } from '../../src/lib/print/jobs.ts';

describe('PDF batches', () => {
  const jobs = pdfJobs(['a', 'b', 'c', 'd', 'e'].flatMap((id) => [`bai-hoc/${id}/to-roi/`, `bai-hoc/${id}/to-roi-a5/`]).concat(['chien-dich/c/hop-thon/']));

  it('groups consecutive A4 leaflets, up to the size, and prints anything else alone', () => {
    const groups = batchJobs(
      jobs.filter((job) => !job.fromA4),
      2,
    );
    expect(groups.map((group) => group.map((job) => job.pdf))).toEqual([['/bai-hoc/a/to-roi.pdf', '/bai-hoc/b/to-roi.pdf'], ['/bai-hoc/c/to-roi.pdf', '/bai-hoc/d/to-roi.pdf'], ['/bai-hoc/e/to-roi.pdf'], ['/chien-dich/c/hop-thon.pdf']]);
    expect(
      batchJobs(
        jobs.filter((job) => !job.fromA4),
        1,
      ).every((group) => group.length === 1),
    ).toBe(true);
  });

  it('takes its size from PDF_BATCH, 16 by default', () => {
    expect([pdfBatchSize({}), pdfBatchSize({ PDF_BATCH: '1' }), pdfBatchSize({ PDF_BATCH: '4' }), pdfBatchSize({ PDF_BATCH: 'x' })]).toEqual([16, 1, 4, 16]);
  });
});

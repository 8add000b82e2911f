/**
 * The order test files start in (issue 29): longest first across all four projects, so that the
 * two workers pair a Chromium file with a build file instead of running project after project
 * (vitest's own order). Durations come from vitest's cache of the last run (node_modules/.vite);
 * files it has not seen run first, larger files before smaller ones, as vitest does.
 */
import { stat } from 'node:fs/promises';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sizes = new Map(await Promise.all(files.map(async (spec) => [spec.moduleId, (await stat(spec.moduleId)).size] as const)));
    const durations = new Map(files.map((spec) => [spec, this.ctx.cache.getTestSpecificationResult(spec)?.duration]));
    return [...files].sort((a, b) => {
      const [da, db] = [durations.get(a), durations.get(b)];
      if (da === undefined || db === undefined) {
        if (da !== db) return da === undefined ? -1 : 1;
        return (sizes.get(b.moduleId) ?? 0) - (sizes.get(a.moduleId) ?? 0);
      }
      return db - da;
    });
  }
}

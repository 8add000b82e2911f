/**
 * The order test files start in (issue 29): longest first across all four projects, so that the
 * workers pair a Chromium file with a build file instead of running project after project
 * (vitest's own order). Durations come from vitest's cache of the last run (node_modules/.vite).
 * Without one (a fresh CI machine), browser files first, then build, content and unit files,
 * larger files first within each: the slow files are the ones that start Chromium or a build.
 */
import { stat } from 'node:fs/promises';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const PROJECT_WEIGHT: Record<string, number> = { browser: 3, build: 2, content: 1, unit: 0 };

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sizes = new Map(await Promise.all(files.map(async (spec) => [spec.moduleId, (await stat(spec.moduleId)).size] as const)));
    const durations = new Map(files.map((spec) => [spec, this.ctx.cache.getTestSpecificationResult(spec)?.duration]));
    const known = files.every((spec) => durations.get(spec) !== undefined);
    return [...files].sort((a, b) => {
      if (known) return durations.get(b)! - durations.get(a)!;
      const weight = (PROJECT_WEIGHT[b.project.name] ?? 0) - (PROJECT_WEIGHT[a.project.name] ?? 0);
      return weight !== 0 ? weight : (sizes.get(b.moduleId) ?? 0) - (sizes.get(a.moduleId) ?? 0);
    });
  }
}

/**
 * A vitest reporter that ends a run with one line when tests were skipped: how many, what the
 * machine lacks, and the command that installs it (issue 11: no silent skips).
 */
import type { Reporter, TestModule } from 'vitest/node';
import { installCommand, missingPrerequisites } from './prerequisites.ts';

export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    for (const testModule of testModules) for (const _test of testModule.children.allTests('skipped')) skipped++;
    if (skipped === 0) return;
    const missing = missingPrerequisites();
    const why = missing.length
      ? `${missing.map((item) => `${item.name} (${item.neededBy})`).join('; ')} ${missing.length > 1 ? 'are' : 'is'} missing. Install: ${installCommand(missing)} — or run .ci/run. REQUIRE_BROWSER=1 turns these skips into failures.`
      : process.env['SKIP_PDF']
        ? 'SKIP_PDF is set, so dist/ has no PDFs to check. Unset it and run npm run build.'
        : 'see the skipped tests above (vitest --reporter=verbose lists them).';
    process.stdout.write(`\n${skipped} test${skipped > 1 ? 's' : ''} skipped: ${why}\n`);
  }
}

/**
 * "Khi gặp lỗi" on every task lesson (issue 25, item 3). A lesson that walks the reader through
 * steps (<Steps>) should also say what to do when a step fails: a <WhenStuck> box. A lesson
 * without one is a warning, never a failure: the box must be written from the lesson's sources,
 * and an editor who has none yet must not be pushed to guess one to get the build through.
 *
 * The rule reads the components the renderer met (RawEntry.components, from
 * src/lib/article/render.ts), so the check and the page agree on what the body holds.
 */
import type { ArticleComponent } from '../article/render.ts';
import { BODY_FIELD, type Problem } from '../problems.ts';

/** What the rule needs of an entry (src/lib/content/integrity.ts's ValidEntry fits). */
export interface BodyEntry {
  collection: string;
  file: string;
  components?: readonly ArticleComponent[] | undefined;
}

/** A warning for each lesson that has <Steps> and no <WhenStuck>, at the line of its first <Steps>. */
export function checkWhenStuck(entries: readonly BodyEntry[]): Problem[] {
  const warnings: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'lessons') continue;
    const components = entry.components ?? [];
    const steps = components.find((component) => component.name === 'Steps');
    if (!steps || components.some((component) => component.name === 'WhenStuck')) continue;
    warnings.push({
      file: entry.file,
      line: steps.line,
      field: BODY_FIELD,
      message: 'bài có các bước (<Steps>) nhưng chưa có khung "Khi gặp lỗi" (<WhenStuck>)',
      fix: 'Sau các bước, thêm <WhenStuck> với các lỗi bà con hay gặp, mỗi lỗi một dòng "- **Lỗi gặp phải:** cách làm", viết từ các nguồn trong "sources:" (xem CONTRIBUTING.md, mục 6). Nguồn không nói thì chưa thêm.',
    });
  }
  return warnings;
}

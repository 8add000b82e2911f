/** One content problem, reported to editors in one format from check, build and components. */
export interface Problem {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line, when it can be known. */
  line?: number | undefined;
  /** Field path in English, e.g. "cover.alt"; "(tệp)" for problems with the whole file. */
  field: string;
  /** What is wrong, in Vietnamese. */
  message: string;
  /** What to do next, in Vietnamese. */
  fix: string;
}

export const WHOLE_FILE = '(tệp)';
/** Field name for problems in the text of an article (below the frontmatter). */
export const BODY_FIELD = 'nội dung';

/** `file:line — field — what is wrong — what to do`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where} — ${problem.field} — ${problem.message} — ${problem.fix}`;
}

/** GitHub Actions annotation, so problems show on the pull request's changed lines. */
export function formatGithubAnnotation(problem: Problem): string {
  const line = problem.line ? `,line=${problem.line}` : '';
  const text = `${problem.field} — ${problem.message} — ${problem.fix}`.replace(/\r?\n/g, ' ');
  return `::error file=${problem.file}${line}::${text}`;
}

/** Stable order: by file, then line, then field. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field));
}

/** The full report: every problem, then a count and where to read more. */
export function formatReport(problems: readonly Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const files = new Set(problems.map((p) => p.file)).size;
  lines.push('', `Có ${problems.length} lỗi trong ${files} tệp. Sửa từng lỗi theo hướng dẫn ở cuối mỗi dòng (xem CONTRIBUTING.md).`);
  return lines.join('\n');
}

/** Warnings: the same lines, headed so an editor sees they do not stop the build. */
export function formatWarnings(warnings: readonly Problem[]): string {
  return ['Cảnh báo (không chặn việc dựng trang):', ...sortProblems(warnings).map(formatProblem)].join('\n');
}

/** GitHub Actions warning annotation (yellow on the pull request). */
export function formatGithubWarning(problem: Problem): string {
  return formatGithubAnnotation(problem).replace(/^::error /, '::warning ');
}

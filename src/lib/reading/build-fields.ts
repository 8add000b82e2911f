import { BUILD_FIELDS } from '../../schemas/helpers.ts';

/** A field of the schema that the build fills, found in an editor's frontmatter. */
export interface WrittenBuildField {
  field: string;
  message: string;
  fix: string;
}

/**
 * The first field the build fills (src/schemas/helpers.ts BUILD_FIELDS, e.g. the body's
 * pictures) that a frontmatter writes: refused by the check and by the loader alike, since
 * the build would replace the value (and an editor's value must never stand in for it).
 */
export function writtenBuildField(frontmatter: unknown): WrittenBuildField | undefined {
  if (!frontmatter || typeof frontmatter !== 'object' || Array.isArray(frontmatter)) return undefined;
  const field = BUILD_FIELDS.find((name) => Object.hasOwn(frontmatter, name));
  if (!field) return undefined;
  return {
    field,
    message: `trường "${field}" do bản dựng tự điền từ các ảnh trong bài, không viết ở phần đầu bài`,
    fix: 'Xoá trường này; ảnh trong bài viết ở phần nội dung: ![Mô tả ảnh](../images/ten-anh.jpg).',
  };
}

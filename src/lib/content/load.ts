import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, indicatorId, type CollectionSource } from '../../schemas/collections.ts';
import type { CollectionName } from '../../schemas/helpers.ts';
import { renderArticle, type ArticleComponent, type ArticleUse } from '../article/render.ts';
import { idFromPath } from '../slug.ts';
import { listCollectionFiles } from '../reading/files.ts';
import { checkMdxSafety } from '../reading/mdx-safety.ts';
import { BODY_FIELD, WHOLE_FILE, type Problem } from '../problems.ts';
import { decodeSource, parseYamlWithLines, splitFrontmatter, type ParsedYaml } from '../reading/source-file.ts';
import { relativePosix } from '../posix-path.ts';

/** One entry read from content/, not yet validated. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Repository-relative path of the file that holds it. */
  file: string;
  /** Absolute path of that file. */
  absolutePath: string;
  /** The content/ folder it was read from. */
  contentDir?: string;
  data: unknown;
  /** Markdown/MDX body, for documents. */
  body?: string;
  /** 1-based line where the body starts. */
  bodyLine?: number;
  /** Links, terms and pictures of the body as the renderer writes them, lines in the file. */
  uses?: ArticleUse[];
  /** Editor components of the body (<Steps>, <WhenStuck>…), lines in the file. */
  components?: ArticleComponent[];
  /** Line of a field path in the file (frontmatter offset included). */
  lineOf: (fieldPath: readonly PropertyKey[]) => number | undefined;
}

export interface LoadResult {
  entries: RawEntry[];
  problems: Problem[];
  /** Files whose text was not NFC (normalised in memory; see normaliseFiles). */
  notNfc: string[];
}

/**
 * Whatever goes wrong while reading one file (a bug, an input nobody thought of) becomes a
 * problem line for that file, and the check goes on with the others: never a stack trace.
 */
export function unexpectedProblem(file: string, error: unknown): Problem {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    file,
    field: WHOLE_FILE,
    message: `không kiểm tra được tệp này (${detail.split('\n')[0]?.slice(0, 120)})`,
    fix: 'Xem lại phần vừa sửa trong tệp (phần đầu bài giữa hai dòng ---, các dấu < > { }); nếu không thấy gì lạ, báo cho nhóm kỹ thuật kèm tệp này.',
  };
}

/** Read every collection under `contentDir`; `root` is the repository root for messages. */
export async function loadContent(root: string, contentDir = path.join(root, 'content')): Promise<LoadResult> {
  const result: LoadResult = { entries: [], problems: [], notNfc: [] };
  for (const source of COLLECTIONS) {
    if (source.layout === 'folder') await loadFolder(root, contentDir, source, result);
    else await loadDataFile(root, contentDir, source, result);
  }
  return result;
}

async function readSource(root: string, absolutePath: string, result: LoadResult) {
  const file = relativePosix(root, absolutePath);
  const decoded = decodeSource(file, await readFile(absolutePath));
  if (decoded.notUtf8) {
    result.problems.push({
      file,
      field: WHOLE_FILE,
      message: 'tệp không phải UTF-8 (có thể là bảng mã cũ TCVN3/.VnTime, VNI hoặc Windows-1258)',
      fix: 'Mở tệp bằng trình soạn thảo, chuyển sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại.',
    });
    return undefined;
  }
  if (!decoded.wasNfc) result.notNfc.push(file);
  return decoded;
}

function yamlProblems(file: string, parsed: ParsedYaml, lineOffset: number): Problem[] {
  return parsed.errors.map((error) => ({
    file,
    line: error.line + lineOffset,
    field: WHOLE_FILE,
    message: `lỗi cú pháp YAML: ${error.message}`,
    fix: error.fix ?? 'Kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách và dấu ngoặc kép quanh chữ có dấu ":".',
  }));
}

async function loadFolder(root: string, contentDir: string, source: CollectionSource, result: LoadResult) {
  // The one list of files (src/lib/reading/files.ts): the build's loaders read the same.
  const listed = await listCollectionFiles(contentDir, source);
  for (const refused of listed.refused) {
    result.problems.push({ file: relativePosix(root, refused.absolutePath), field: WHOLE_FILE, message: refused.message, fix: refused.fix });
  }
  for (const readme of listed.readmes) {
    // Never read as an entry: say so when one looks like an entry (it has a frontmatter).
    const text = await readFile(readme.absolutePath, 'utf8').catch(() => '');
    if (!/^\s*(---|\+\+\+)/.test(text)) continue;
    result.problems.push({
      file: relativePosix(root, readme.absolutePath),
      line: 1,
      field: WHOLE_FILE,
      message: 'README.md có phần đầu bài (---) như một mục, nhưng README.md chỉ là ghi chú và không bao giờ được đăng',
      fix: 'Nếu đây là một mục, đổi tên tệp (ví dụ ten-muc.md); nếu là ghi chú, xoá phần giữa hai dòng ---.',
    });
  }
  for (const listedFile of listed.entries) {
    try {
      await loadFolderFile(root, contentDir, source, listedFile.absolutePath, listedFile.relative, result);
    } catch (error) {
      result.problems.push(unexpectedProblem(relativePosix(root, listedFile.absolutePath), error));
    }
  }
}

async function loadFolderFile(root: string, contentDir: string, source: CollectionSource, absolutePath: string, relative: string, result: LoadResult) {
  const file = relativePosix(root, absolutePath);
  const ext = path.extname(relative).toLowerCase();
  const decoded = await readSource(root, absolutePath, result);
  if (!decoded) return;
  const id = idFromPath(relative);
  if (!id) {
    result.problems.push({ file, field: WHOLE_FILE, message: 'tên tệp không tạo được địa chỉ trang', fix: 'Đặt tên tệp bằng chữ, ví dụ cai-dat-vneid.mdx.' });
    return;
  }
  if (ext === '.yaml' || ext === '.yml') {
    const parsed = parseYamlWithLines(decoded.text);
    result.problems.push(...yamlProblems(file, parsed, 0));
    if (parsed.errors.length) return;
    result.entries.push({ collection: source.name, id, file, absolutePath, contentDir, data: parsed.data ?? {}, lineOf: parsed.lineOf });
    return;
  }
  // The one split (src/lib/reading/source-file.ts): the body here is the body the build renders.
  const split = splitFrontmatter(decoded.text);
  if (split.problem) {
    result.problems.push({ file, line: split.problem.line, field: WHOLE_FILE, message: split.problem.message, fix: split.problem.fix });
    return;
  }
  if (split.frontmatter === undefined) {
    result.problems.push({
      file,
      line: 1,
      field: WHOLE_FILE,
      message: 'thiếu phần thông tin đầu bài (frontmatter) giữa hai dòng ---',
      fix: 'Tạo bài bằng "npm run new" hoặc chép phần đầu của một bài có sẵn.',
    });
    return;
  }
  const format = ext === '.md' ? 'md' : 'mdx';
  const offset = split.bodyLine - 1;
  // Parsed, never run: first the editor's messages for MDX (import, {…}, unknown tags)…
  const safety = checkMdxSafety(split.body, offset, format);
  for (const issue of safety) result.problems.push({ file, line: issue.line, field: BODY_FIELD, message: issue.message, fix: issue.fix });
  // …then the renderer itself, on the same body: whatever it would refuse is refused here first.
  const reported = new Set(safety.map((issue) => issue.line));
  const rendered = renderArticle(split.body, {
    html: false,
    format,
    images: source.name !== 'glossary',
    onRefusal: (error) => {
      const line = error.line === undefined ? undefined : error.line + offset;
      if (line !== undefined && reported.has(line)) return;
      reported.add(line);
      result.problems.push({ file, line, field: BODY_FIELD, message: error.message.replace(/\.$/, ''), fix: error.fix ?? RENDER_FIX });
    },
  });
  const uses = rendered.uses.map((use) => ({ ...use, line: use.line === undefined ? undefined : use.line + offset }));
  const components = rendered.components.map((component) => ({ ...component, line: component.line === undefined ? undefined : component.line + offset }));
  const parsed = parseYamlWithLines(split.frontmatter);
  result.problems.push(...yamlProblems(file, parsed, split.frontmatterLine - 1));
  if (parsed.errors.length) return;
  result.entries.push({
    collection: source.name,
    id,
    file,
    absolutePath,
    contentDir,
    data: parsed.data ?? {},
    body: split.body,
    bodyLine: split.bodyLine,
    uses,
    components,
    lineOf: (fieldPath) => {
      const line = parsed.lineOf(fieldPath);
      return line === undefined ? split.frontmatterLine - 1 : line + split.frontmatterLine - 1;
    },
  });
}

const RENDER_FIX = 'Sửa dòng này theo hướng dẫn trong CONTRIBUTING.md: chỉ dùng Markdown, các thành phần của trang và đường dẫn https://… hoặc /trang-cua-ban-so/.';

async function loadDataFile(root: string, contentDir: string, source: CollectionSource, result: LoadResult) {
  const absolutePath = path.join(contentDir, source.path);
  const file = relativePosix(root, absolutePath);
  let decoded;
  try {
    decoded = await readSource(root, absolutePath, result);
  } catch {
    result.problems.push({ file, field: WHOLE_FILE, message: 'không tìm thấy tệp', fix: `Tạo tệp content/${source.path}.` });
    return;
  }
  if (!decoded) return;
  try {
    loadDataText(source, file, absolutePath, contentDir, decoded.text, result);
  } catch (error) {
    result.problems.push(unexpectedProblem(file, error));
  }
}

function loadDataText(source: CollectionSource, file: string, absolutePath: string, contentDir: string, text: string, result: LoadResult) {
  const parsed = parseYamlWithLines(text);
  result.problems.push(...yamlProblems(file, parsed, 0));
  if (parsed.errors.length) return;
  const data = parsed.data;
  if (source.name === 'indicators') {
    if (!Array.isArray(data)) {
      result.problems.push({ file, line: 1, field: WHOLE_FILE, message: 'cần một danh sách số liệu', fix: 'Mỗi số liệu bắt đầu bằng "- place: ...".' });
      return;
    }
    data.forEach((row: unknown, index: number) => {
      const id = indicatorId((row ?? {}) as Record<string, unknown>);
      result.entries.push({
        collection: source.name,
        id,
        file,
        absolutePath,
        contentDir,
        data: row,
        lineOf: (fieldPath) => parsed.lineOf([index, ...fieldPath]),
      });
    });
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    result.problems.push({ file, line: 1, field: WHOLE_FILE, message: 'cần danh sách dạng "mã: các trường"', fix: 'Xem ví dụ ở đầu tệp.' });
    return;
  }
  for (const [id, fields] of Object.entries(data as Record<string, unknown>)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      result.problems.push({ file, line: parsed.lineOf([id]), field: id, message: `mã "${id}" không hợp lệ`, fix: 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ thanh-toan.' });
      continue;
    }
    result.entries.push({ collection: source.name, id, file, absolutePath, contentDir, data: fields, lineOf: (fieldPath) => parsed.lineOf([id, ...fieldPath]) });
  }
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, indicatorId, type CollectionSource } from '../../schemas/collections.ts';
import type { CollectionName } from '../../schemas/helpers.ts';
import { idFromPath } from '../slug.ts';
import { checkMdxSafety } from './mdx-safety.ts';
import { BODY_FIELD, WHOLE_FILE, type Problem } from './problems.ts';
import { decodeSource, parseYamlWithLines, splitFrontmatter, type ParsedYaml } from './source-file.ts';

/** One entry read from content/, not yet validated. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Repository-relative path of the file that holds it. */
  file: string;
  /** Absolute path of that file. */
  absolutePath: string;
  data: unknown;
  /** Markdown/MDX body, for documents. */
  body?: string;
  /** 1-based line where the body starts. */
  bodyLine?: number;
  /** Line of a field path in the file (frontmatter offset included). */
  lineOf: (fieldPath: readonly PropertyKey[]) => number | undefined;
}

export interface LoadResult {
  entries: RawEntry[];
  problems: Problem[];
  /** Files whose text was not NFC (normalised in memory; see normaliseFiles). */
  notNfc: string[];
}

const rel = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');

async function listFiles(dir: string): Promise<string[]> {
  try {
    const found = await readdir(dir, { recursive: true, withFileTypes: true });
    return found
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
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
  const file = rel(root, absolutePath);
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
    fix: 'Kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách và dấu ngoặc kép quanh chữ có dấu ":".',
  }));
}

async function loadFolder(root: string, contentDir: string, source: CollectionSource, result: LoadResult) {
  const dir = path.join(contentDir, source.path);
  for (const absolutePath of await listFiles(dir)) {
    const name = path.basename(absolutePath);
    if (name.startsWith('_') || name.startsWith('.') || name === 'README.md') continue;
    const file = rel(root, absolutePath);
    const ext = path.extname(name).toLowerCase();
    if (!source.extensions.includes(ext)) {
      // Anything not an entry in a collection folder would be silently ignored by Astro.
      if (/\.(png|jpe?g|webp|avif|gif|svg)$/i.test(name)) continue;
      result.problems.push({
        file,
        field: WHOLE_FILE,
        message: `tệp "${ext || name}" không được đọc trong thư mục ${source.path}/`,
        fix: `Đổi đuôi tệp thành ${source.extensions.join(' hoặc ')}, hoặc đặt "_" trước tên tệp nếu là bản nháp.`,
      });
      continue;
    }
    const decoded = await readSource(root, absolutePath, result);
    if (!decoded) continue;
    if (ext === '.mdx' || ext === '.md') {
      // Parsed, never run: the whole file, as the Markdown/MDX compiler would see it.
      for (const issue of checkMdxSafety(decoded.text, 0, ext === '.md' ? 'md' : 'mdx')) {
        result.problems.push({ file, line: issue.line, field: BODY_FIELD, message: issue.message, fix: issue.fix });
      }
    }
    const id = idFromPath(name);
    if (!id) {
      result.problems.push({ file, field: WHOLE_FILE, message: 'tên tệp không tạo được địa chỉ trang', fix: 'Đặt tên tệp bằng chữ, ví dụ cai-dat-vneid.mdx.' });
      continue;
    }
    if (ext === '.yaml' || ext === '.yml') {
      const parsed = parseYamlWithLines(decoded.text);
      result.problems.push(...yamlProblems(file, parsed, 0));
      if (parsed.errors.length) continue;
      result.entries.push({ collection: source.name, id, file, absolutePath, data: parsed.data ?? {}, lineOf: parsed.lineOf });
      continue;
    }
    const split = splitFrontmatter(decoded.text);
    if (split.frontmatter === undefined) {
      result.problems.push({
        file,
        line: 1,
        field: WHOLE_FILE,
        message: 'thiếu phần thông tin đầu bài (frontmatter) giữa hai dòng ---',
        fix: 'Tạo bài bằng "npm run new" hoặc chép phần đầu của một bài có sẵn.',
      });
      continue;
    }
    const parsed = parseYamlWithLines(split.frontmatter);
    result.problems.push(...yamlProblems(file, parsed, split.frontmatterLine - 1));
    if (parsed.errors.length) continue;
    result.entries.push({
      collection: source.name,
      id,
      file,
      absolutePath,
      data: parsed.data ?? {},
      body: split.body,
      bodyLine: split.bodyLine,
      lineOf: (fieldPath) => {
        const line = parsed.lineOf(fieldPath);
        return line === undefined ? split.frontmatterLine - 1 : line + split.frontmatterLine - 1;
      },
    });
  }
}

async function loadDataFile(root: string, contentDir: string, source: CollectionSource, result: LoadResult) {
  const absolutePath = path.join(contentDir, source.path);
  const file = rel(root, absolutePath);
  let decoded;
  try {
    decoded = await readSource(root, absolutePath, result);
  } catch {
    result.problems.push({ file, field: WHOLE_FILE, message: 'không tìm thấy tệp', fix: `Tạo tệp content/${source.path}.` });
    return;
  }
  if (!decoded) return;
  const parsed = parseYamlWithLines(decoded.text);
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
    result.entries.push({ collection: source.name, id, file, absolutePath, data: fields, lineOf: (fieldPath) => parsed.lineOf([id, ...fieldPath]) });
  }
}

import { extractFrontmatter } from 'astro/markdown';

/** A content file as read from disk, decoded and split, before validation. */
export interface SourceFile {
  /** Path relative to the repository root. */
  file: string;
  /** Decoded text without BOM and with LF line endings. */
  text: string;
  /** Was the text already NFC? (If not, `text` is the NFC form.) */
  wasNfc: boolean;
  /** The bytes are not UTF-8 (e.g. TCVN3/.VnTime, VNI or Windows-1258 text): text is empty. */
  notUtf8?: true;
}

/**
 * Decode bytes strictly as UTF-8. Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258)
 * use bytes above 0x7F that are never valid UTF-8, so they fail here instead of showing
 * garbled letters on the site. A BOM and CRLF line endings are accepted and removed.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { file, text: '', wasNfc: true, notUtf8: true };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const nfc = text.normalize('NFC');
  return { file, text: nfc, wasNfc: nfc === text };
}

/** Frontmatter and body of a Markdown/MDX file, with the line where the body starts. */
export interface Split {
  /** The YAML between the fences; undefined when the file has no frontmatter. */
  frontmatter: string | undefined;
  /** 1-based line of the first frontmatter line (after the opening ---). */
  frontmatterLine: number;
  /** Exactly the text the renderer receives: what follows the closing fence, trimmed (as Astro's loaders do). */
  body: string;
  /** 1-based line in the file of the body's first line: body line n is file line bodyLine + n - 1. */
  bodyLine: number;
  /** The fences are not plain "---" lines: the file is refused (check and build alike). */
  problem?: { line: number; message: string; fix: string };
}

/**
 * THE frontmatter split (issue 23), used by the check and by every loader of the build. The
 * fences are found by Astro's own splitter (`extractFrontmatter`, the one `parseFrontmatter` of
 * astro/markdown uses; tests/content/gate-differential.test.ts shows the body is the same), and
 * the file is refused where Astro's rule is looser than an editor would guess: the first line
 * must be exactly "---" (no blank lines before it, no "+++" TOML), and so must the closing line
 * (Astro ends the frontmatter at any line *starting* with "---": "---x", "----", "--- ").
 */
export function splitFrontmatter(text: string): Split {
  const raw = extractFrontmatter(text);
  const whole = (problem?: Split['problem']): Split => {
    const body = text.trim();
    return { frontmatter: undefined, frontmatterLine: 1, body, bodyLine: lineAt(text, text.length - text.trimStart().length), ...(problem ? { problem } : {}) };
  };
  if (raw === undefined) return whole();
  if (!text.startsWith('---\n')) {
    return whole({
      line: 1,
      message: 'dòng đầu tiên của tệp phải đúng ba dấu gạch "---" (không dòng trống, không chữ nào khác trước hay sau)',
      fix: 'Sửa dòng đầu thành "---", như trong các bài có sẵn.',
    });
  }
  const end = 3 + raw.length + 3;
  const closingLine = lineAt(text, 3 + raw.length);
  if (end < text.length && text[end] !== '\n') {
    const written = text.slice(3 + raw.length, text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end));
    return {
      ...whole({
        line: closingLine,
        message: `dòng "${written.length > 20 ? `${written.slice(0, 19)}…` : written}" bắt đầu bằng "---" nhưng không phải dòng "---" đóng phần đầu bài`,
        fix: 'Dòng đóng phần đầu bài phải đúng ba dấu gạch "---". Trong phần đầu bài, không dòng nào khác được bắt đầu bằng "---".',
      }),
      frontmatter: undefined,
    };
  }
  // As parseFrontmatter(text, { frontmatter: 'remove' }) does: the fences and the YAML go.
  const content = text.replace(`---${raw}---`, '');
  const leading = content.length - content.trimStart().length;
  return { frontmatter: raw.slice(1), frontmatterLine: 2, body: content.trim(), bodyLine: lineAt(text, end + leading) };
}

/** 1-based line of a position in the text. */
function lineAt(text: string, position: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

export { parseYamlWithLines, type ParsedYaml } from './yaml.ts';

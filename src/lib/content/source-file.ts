import { parseDocument, LineCounter, isMap, isSeq, type Node } from 'yaml';

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
  frontmatter: string | undefined;
  /** 1-based line of the first frontmatter line (after the opening ---). */
  frontmatterLine: number;
  body: string;
  bodyLine: number;
}

export function splitFrontmatter(text: string): Split {
  const match = /^---\n([\s\S]*?)\n?---(?:\n|$)/.exec(text);
  if (!match) return { frontmatter: undefined, frontmatterLine: 1, body: text, bodyLine: 1 };
  const consumed = match[0];
  const bodyLine = consumed.split('\n').length;
  return { frontmatter: match[1] ?? '', frontmatterLine: 2, body: text.slice(consumed.length), bodyLine };
}

/** Parsed YAML with a way back from a field path to its line. */
export interface ParsedYaml {
  data: unknown;
  /** YAML syntax errors, with 1-based line numbers relative to the YAML text. */
  errors: Array<{ line: number; message: string }>;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export function parseYamlWithLines(yamlText: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // Core schema keeps dates as written ("2025-02-30" stays a string the schema can reject;
  // YAML 1.1 timestamps would silently roll it over to 2 March).
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((error) => ({
    line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
    message: error.message.split('\n')[0] ?? error.message,
  }));
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // Walk as deep as the path exists, so a missing field points at its parent.
    let node: unknown = doc.contents;
    let found: Node | undefined = isMap(node) || isSeq(node) ? (node as Node) : undefined;
    for (const key of path) {
      if (!(isMap(node) || isSeq(node))) break;
      const next = (node as { get: (k: unknown, keepScalar: boolean) => unknown }).get(key, true) as Node | undefined;
      if (!next) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
          const keyNode = pair?.key as Node | undefined;
          if (keyNode?.range) found = keyNode;
        }
        break;
      }
      found = next;
      node = next;
    }
    if (found === doc.contents && path.length > 0) return undefined;
    return found?.range ? lineCounter.linePos(found.range[0]).line : undefined;
  };
  return { data: errors.length ? undefined : doc.toJS(), errors, lineOf };
}

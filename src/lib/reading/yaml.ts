import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { MAX_LINE_LENGTH, MAX_NESTING } from './limits.ts';

/**
 * THE YAML settings of the site (issue 23): the content check (frontmatter, places, topics,
 * metrics, indicators) and every loader of the build parse YAML with this one function, so a
 * file cannot mean one thing to the check and another to the build.
 *
 * - Core schema (YAML 1.2): dates stay as written ("2025-02-30" stays a string the schema can
 *   reject; YAML 1.1 timestamps would silently roll it over to 2 March).
 * - No tags beyond the core ones: `!!js/function`, `!!binary`, `!!set`, `!foo`… are refused.
 * - At most MAX_YAML_ALIASES uses of an alias (`*name`): a few lines of aliases can otherwise
 *   expand to gigabytes ("billion laughs").
 * - Lines of at most MAX_LINE_LENGTH characters, brackets nested at most MAX_NESTING deep and
 *   indentation of at most MAX_YAML_INDENT spaces, checked before parsing: the parser recurses,
 *   and 100,000 nested "[" took it 4 s to end in a stack overflow.
 * - Keys such as `__proto__` or `constructor` are plain data keys (the yaml package defines
 *   them as own properties; nothing reads them as JavaScript).
 */
export const MAX_YAML_ALIASES = 100;

export const MAX_YAML_INDENT = 80;

/** The first line breaking a limit above, before parsing (one pass, no regular expression). */
export function yamlLimitProblem(yamlText: string): { line: number; message: string; fix: string } | undefined {
  const fix = 'Viết mỗi trường trên một dòng ngắn, thụt lề ít, như trong các tệp có sẵn.';
  let depth = 0;
  let line = 1;
  let column = 0;
  let indent = 0;
  let inIndent = true;
  for (let index = 0; index < yamlText.length; index++) {
    const char = yamlText[index];
    if (char === '\n') {
      line++;
      column = 0;
      indent = 0;
      inIndent = true;
      continue;
    }
    column++;
    if (column > MAX_LINE_LENGTH) return { line, message: `dòng dài quá ${MAX_LINE_LENGTH} ký tự`, fix };
    if (inIndent && char === ' ') {
      if (++indent > MAX_YAML_INDENT) return { line, message: `dòng thụt lề quá ${MAX_YAML_INDENT} dấu cách`, fix };
      continue;
    }
    inIndent = false;
    if (char === '[' || char === '{') {
      if (++depth > MAX_NESTING) return { line, message: `ngoặc [ ] hoặc { } lồng nhau quá ${MAX_NESTING} tầng`, fix };
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return undefined;
}

export const YAML_PARSE_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: false, resolveKnownTags: false } as const;

/** Parsed YAML with a way back from a field path to its line. */
export interface ParsedYaml {
  data: unknown;
  /** YAML errors, with 1-based line numbers relative to the YAML text. */
  errors: Array<{ line: number; message: string; fix?: string }>;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export function parseYamlWithLines(yamlText: string): ParsedYaml {
  const limit = yamlLimitProblem(yamlText);
  if (limit) return { data: undefined, errors: [limit], lineOf: () => undefined };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, ...YAML_PARSE_OPTIONS });
  const lineAt = (pos: number) => lineCounter.linePos(pos).line;
  const errors: ParsedYaml['errors'] = doc.errors.map((error) => ({
    line: error.linePos?.[0]?.line ?? lineAt(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? '';
    const written = tag.replace('tag:yaml.org,2002:', '!!');
    errors.push({ line: warning.linePos?.[0]?.line ?? lineAt(warning.pos[0]), message: `thẻ YAML "${written}" không được dùng (chỉ viết chữ, số, ngày và danh sách)`, fix: `Xoá "${written}" và viết giá trị bình thường.` });
  }
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
    return found?.range ? lineAt(found.range[0]) : undefined;
  };
  let data: unknown;
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch {
      errors.push({ line: 1, message: `bí danh YAML (*tên) được dùng quá ${MAX_YAML_ALIASES} lần, dữ liệu sẽ phình to bất thường`, fix: 'Viết thẳng từng giá trị thay cho &tên và *tên.' });
    }
  }
  return { data, errors, lineOf };
}

/** For loaders: the data, or an error naming the file and line (the check reported it first). */
export function parseYamlData(yamlText: string, file: string, lineOffset = 0): unknown {
  const parsed = parseYamlWithLines(yamlText);
  const [first] = parsed.errors;
  if (first) throw new Error(`${file}:${first.line + lineOffset} — (tệp) — lỗi cú pháp YAML: ${first.message} — chạy "npm run check" để xem cách sửa.`);
  return parsed.data;
}

/**
 * What a V8 heap snapshot holds (issue 29: "find what the search-index and PDF steps hold"):
 * the build writes one after a step with BUILD_HEAP_SNAPSHOT (src/lib/build-memory.ts), and
 * `node scripts/heap-summary.ts FILE` prints its objects grouped by kind and constructor, largest
 * first, and its largest strings. A snapshot of a large build is hundreds of MB, more than one
 * JavaScript string can hold, so the file is read as a stream and only the node table and the
 * string table are kept. Sizes are each object's own (self) size, not what it keeps alive.
 */

export interface HeapGroup {
  /** V8's node type: "object", "string", "closure", "code", "native"… */
  type: string;
  /** The constructor's name for objects; "(strings)" for every kind of string. */
  name: string;
  count: number;
  bytes: number;
}

export interface HeapSummary {
  objects: number;
  bytes: number;
  /** Largest first. */
  groups: HeapGroup[];
  /** Strings of at least `largeStringBytes`, largest first, each with its first characters. */
  largeStrings: Array<{ bytes: number; start: string }>;
  largeStringBytes: number;
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** Reads the snapshot's JSON piece by piece: the meta, the numbers of "nodes", the texts of "strings". */
class SnapshotReader {
  private state: 'meta' | 'nodes' | 'seek-strings' | 'strings' | 'done' = 'meta';
  private pending = '';
  private digits = '';
  private text: string[] | null = null;
  private escaped = false;
  readonly nodes: number[] = [];
  readonly strings: string[] = [];
  meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } | undefined;

  private readonly keepChars: number;

  constructor(keepChars: number) {
    this.keepChars = keepChars;
  }

  push(chunk: string): void {
    if (this.state === 'meta') {
      this.pending += chunk;
      const at = this.pending.indexOf('"nodes":[');
      if (at < 0) return;
      // {"snapshot":{…},\n"nodes":[ … — the part before "nodes" closed with a brace is valid JSON.
      const head = this.pending.slice(0, at).trimEnd().replace(/,$/, '');
      this.meta = (JSON.parse(`${head}}`) as { snapshot: { meta: SnapshotReader['meta'] } }).snapshot.meta;
      const rest = this.pending.slice(at + '"nodes":['.length);
      this.pending = '';
      this.state = 'nodes';
      this.push(rest);
    } else if (this.state === 'nodes') {
      for (let i = 0; i < chunk.length; i++) {
        const code = chunk.charCodeAt(i);
        if (code >= 48 && code <= 57) this.digits += chunk[i];
        else {
          if (this.digits) this.nodes.push(Number(this.digits));
          this.digits = '';
          if (chunk[i] === ']') {
            this.state = 'seek-strings';
            this.push(chunk.slice(i + 1));
            return;
          }
        }
      }
    } else if (this.state === 'seek-strings') {
      const joined = this.pending + chunk;
      const at = joined.indexOf('"strings":[');
      if (at < 0) {
        this.pending = joined.slice(-16);
        return;
      }
      this.pending = '';
      this.state = 'strings';
      this.push(joined.slice(at + '"strings":['.length));
    } else if (this.state === 'strings') {
      this.readStrings(chunk);
    }
  }

  /** Keeps each string's first characters only (its JSON form, decoded at the end). */
  private readStrings(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i]!;
      if (this.text === null) {
        if (char === '"') this.text = ['"'];
        else if (char === ']') {
          this.state = 'done';
          return;
        }
        continue;
      }
      if (this.escaped) this.escaped = false;
      else if (char === '\\') this.escaped = true;
      else if (char === '"') {
        this.strings.push(decodeStart(this.text.join('')));
        this.text = null;
        continue;
      }
      if (this.text.length < this.keepChars) this.text.push(char);
    }
  }
}

/** A JSON string literal cut anywhere (possibly inside an escape), decoded as far as it goes. */
function decodeStart(literal: string): string {
  for (let cut = literal.length; cut > literal.length - 8 && cut > 1; cut--) {
    try {
      return JSON.parse(`${literal.slice(0, cut)}"`) as string;
    } catch {
      // cut inside an escape such as \u00e0: try one character shorter
    }
  }
  return literal.slice(1);
}

/**
 * Summarises a heap snapshot given as text chunks (a file stream with encoding 'utf8').
 * `largeString`: the smallest string listed on its own (bytes); `keepChars`: how much of each
 * string's text is kept (enough to name it).
 */
export async function summariseHeapSnapshot(chunks: AsyncIterable<string> | Iterable<string>, options: { largeString?: number; keepChars?: number } = {}): Promise<HeapSummary> {
  const reader = new SnapshotReader(options.keepChars ?? 120);
  for await (const chunk of chunks) reader.push(chunk);
  if (!reader.meta) throw new Error('not a V8 heap snapshot: no "nodes" table');
  const fields = reader.meta.node_fields;
  const types = reader.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const largeStringBytes = options.largeString ?? 1_000_000;
  const groups = new Map<string, HeapGroup>();
  const largeStrings: HeapSummary['largeStrings'] = [];
  let bytes = 0;
  for (let i = 0; i < reader.nodes.length; i += fields.length) {
    const type = types[reader.nodes[i + typeAt]!] ?? '?';
    const size = reader.nodes[i + sizeAt]!;
    const text = reader.strings[reader.nodes[i + nameAt]!] ?? '?';
    const isString = STRING_TYPES.has(type);
    const name = isString ? '(strings)' : text.slice(0, 80);
    const key = `${isString ? 'string' : type}\u0000${name}`;
    const group = groups.get(key) ?? { type: isString ? 'string' : type, name, count: 0, bytes: 0 };
    group.count++;
    group.bytes += size;
    groups.set(key, group);
    bytes += size;
    if (isString && size >= largeStringBytes) largeStrings.push({ bytes: size, start: text.replace(/\s+/g, ' ').slice(0, 80) });
  }
  return {
    objects: reader.nodes.length / fields.length,
    bytes,
    groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes),
    largeStrings: largeStrings.sort((a, b) => b.bytes - a.bytes),
    largeStringBytes,
  };
}

/** The summary as lines for a terminal: totals, the `top` largest groups, the large strings. */
export function formatHeapSummary(summary: HeapSummary, top = 25): string[] {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`.padStart(9);
  return [
    `${summary.objects.toLocaleString('en')} objects, ${mb(summary.bytes).trim()} (own sizes)`,
    ...summary.groups.slice(0, top).map((group) => `${mb(group.bytes)} ${String(group.count).padStart(9)}  ${group.type}  ${group.name}`),
    `strings of ${mb(summary.largeStringBytes).trim()} or more: ${summary.largeStrings.length}, ${mb(summary.largeStrings.reduce((sum, s) => sum + s.bytes, 0)).trim()}`,
    ...summary.largeStrings.slice(0, top).map((s) => `${mb(s.bytes)}  ${JSON.stringify(s.start)}`),
  ];
}

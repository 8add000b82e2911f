/**
 * The import rules of issue 26, as functions over a tree so a fixture can prove they fail:
 * every relative import (static, dynamic, `import type`, vi.mock) becomes an edge between files;
 * a circle of edges is reported; each src/lib folder declares in its README.md what it may
 * import ("May import: root, reading"), an import outside that list is reported, and the
 * declarations themselves must form no circle, so "lower" and "higher" are what the READMEs say.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  /** Importing file, relative to the tree's root, with forward slashes. */
  from: string;
  /** Imported file, resolved the same way. */
  to: string;
}

const CODE = /\.(ts|mts|mjs|js|astro)$/;
const SPECIFIER = /(?:from\s*|import\s*\(\s*|import\s+|vi\.mock\(\s*)(['"])(\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?\1/g;

function walk(root: string, dir: string, out: string[]): void {
  const full = path.join(root, dir);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    if (CODE.test(dir)) out.push(dir.split(path.sep).join('/'));
    return;
  }
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) continue;
    walk(root, path.join(dir, name), out);
  }
}

/** Every relative import between code files under `dirs` of `root`. */
export function importEdges(root: string, dirs: readonly string[]): ImportEdge[] {
  const files: string[] = [];
  for (const dir of dirs) walk(root, dir, files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(path.join(root, from), 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), match[2]!));
      if (CODE.test(to)) edges.push({ from, to });
    }
  }
  return edges;
}

/** Each circle once, as the files along it ("a.ts → b.ts → a.ts"). */
export function importCircles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const circles = new Set<string>();
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') {
        const loop = stack.slice(stack.indexOf(to));
        const first = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(first), ...loop.slice(0, first)];
        circles.add([...rotated, rotated[0]].join(' → '));
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return [...circles].sort();
}

/** The capability folder of a file under `lib` ("print"), or "root" for a shared helper at its top. */
export function libFolder(lib: string, file: string): string | undefined {
  if (!file.startsWith(`${lib}/`)) return undefined;
  const rest = file.slice(lib.length + 1).split('/');
  return rest.length === 1 ? 'root' : rest[0];
}

/** What each folder's README.md says it may import: the "May import:" line, comma-separated. */
export function declaredImports(root: string, lib: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const entry of readdirSync(path.join(root, lib), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const readme = path.join(root, lib, entry.name, 'README.md');
    const line = existsSync(readme) ? /^\*{0,2}May import:\*{0,2}\s*(.*)$/m.exec(readFileSync(readme, 'utf8')) : null;
    if (!line) throw new Error(`${lib}/${entry.name}/README.md: no "May import:" line; say which folders it may import ("nothing" for none)`);
    const list = line[1]!.replace(/\.$/, '').trim();
    rules.set(entry.name, list === 'nothing' ? [] : list.split(/\s*,\s*/).map((name) => name.replace(/`/g, '')));
  }
  return rules;
}

/**
 * Imports inside `lib` that break the rules: a root helper importing a folder, or a folder
 * importing one its README does not list. Imports within one folder are free.
 */
export function ruleBreaks(edges: readonly ImportEdge[], lib: string, rules: ReadonlyMap<string, readonly string[]>): string[] {
  const breaks: string[] = [];
  for (const { from, to } of edges) {
    const source = libFolder(lib, from);
    const target = libFolder(lib, to);
    if (source === undefined || target === undefined || source === target) continue;
    if (source === 'root') breaks.push(`${from} → ${to}: a root helper imports only root helpers`);
    else if (target !== 'root' && !(rules.get(source) ?? []).includes(target)) {
      breaks.push(`${from} → ${to}: ${lib}/${source}/README.md does not allow "${target}"`);
    }
  }
  return breaks.sort();
}

/** Circles among the folders' declarations ("print → contact → print"): they would make "lower" meaningless. */
export function declarationCircles(rules: ReadonlyMap<string, readonly string[]>): string[] {
  const edges = [...rules].flatMap(([folder, allowed]) => allowed.filter((to) => to !== 'root').map((to) => ({ from: folder, to })));
  return importCircles(edges);
}

/** Imports from `fromPrefix` into any of `forbidden` (paths relative to the root). */
export function forbiddenImports(edges: readonly ImportEdge[], fromPrefix: string, forbidden: readonly string[]): string[] {
  return edges
    .filter(({ from, to }) => from.startsWith(fromPrefix) && forbidden.some((prefix) => to.startsWith(prefix)))
    .map(({ from, to }) => `${from} → ${to}`)
    .sort();
}

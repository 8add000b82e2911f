import { readFileSync } from 'node:fs';
import { mdxToHast } from 'satteri';
const src = readFileSync(process.argv[2]!, 'utf8');
const body = src.replace(/^---\n[\s\S]*?\n---\n/, '');
const t0 = performance.now();
const tree = mdxToHast(body, { features: { gfm: true, smartPunctuation: true } });
console.log('ms', performance.now() - t0);
const show = (n: any, d = 0): void => {
  const pad = '  '.repeat(d);
  if (n.type === 'text') { if (n.value.trim()) console.log(pad + 'text ' + JSON.stringify(n.value.slice(0, 50))); return; }
  console.log(pad + n.type + ' ' + (n.tagName ?? n.name ?? '') + ' ' + JSON.stringify(n.properties ?? n.attributes ?? ''));
  for (const c of n.children ?? []) show(c, d + 1);
};
show(tree);

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarationCircles, declaredImports, forbiddenImports, importCircles, importEdges, ruleBreaks } from '../support/architecture.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));

describe('architecture', () => {
  it('keeps src/lib and src/schemas free of astro:* imports, so plain Node runs them', () => {
    const offenders = [...files('src/lib'), ...files('src/schemas')].filter((file) => /from\s+['"]astro:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('calls getCollection only from src/data', () => {
    // Every .ts and .astro file of src/ (components and layouts included), outside src/data.
    const offenders = readdirSync('src', { recursive: true })
      .map((file) => path.join('src', String(file)))
      .filter((file) => /\.(ts|astro)$/.test(file) && !file.startsWith(path.join('src', 'data')))
      .filter((file) => /getCollection\(|getEntry\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses only erasable TypeScript in files Node runs directly', () => {
    const offenders = [...files('src/lib'), ...files('src/schemas'), ...files('scripts')].filter((file) => /^\s*(export\s+)?(enum|namespace)\s|constructor\((public|private|protected|readonly)\s/m.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

const CODE_DIRS = ['src', 'scripts', 'tests/support', 'tests/unit', 'tests/build', 'tests/browser', 'tests/content', 'astro.config.mjs'];

describe('import rules (issue 26)', () => {
  const edges = importEdges('.', CODE_DIRS);
  const rules = declaredImports('.', 'src/lib');

  it('reads the real tree', () => {
    // A guard against a rule that passes because it saw nothing.
    expect(edges.length).toBeGreaterThan(300);
    expect([...rules.keys()]).toEqual(expect.arrayContaining(['article', 'content', 'print', 'delivery', 'reading']));
  });

  it('has no import circle between files', () => {
    expect(importCircles(edges)).toEqual([]);
  });

  it('keeps every src/lib folder to what its README allows, and root helpers to the root', () => {
    expect(ruleBreaks(edges, 'src/lib', rules)).toEqual([]);
  });

  it("has no circle among the folders' declarations, so each folder is lower or higher than another", () => {
    expect(declarationCircles(rules)).toEqual([]);
  });

  it('imports only downwards between the layers of src/', () => {
    // lib (with schemas and i18n) < data < components < layouts < pages; integrations use lib.
    expect(forbiddenImports(edges, 'src/lib/', ['src/data/', 'src/components/', 'src/layouts/', 'src/pages/', 'src/integrations/', 'scripts/', 'tests/'])).toEqual([]);
    expect(forbiddenImports(edges, 'src/data/', ['src/components/', 'src/layouts/', 'src/pages/', 'src/integrations/'])).toEqual([]);
    expect(forbiddenImports(edges, 'src/components/', ['src/layouts/', 'src/pages/', 'src/integrations/'])).toEqual([]);
    expect(forbiddenImports(edges, 'src/integrations/', ['src/data/', 'src/components/', 'src/pages/'])).toEqual([]);
    expect(forbiddenImports(edges, 'src/', ['scripts/', 'tests/'])).toEqual([]);
    // Schemas sit under the code that parses with them; they take one thing from src/lib, the one
    // YAML setting (reading/yaml.ts), so the check and the build read YAML alike (issue 23).
    expect(forbiddenImports(edges, 'src/schemas/', ['src/lib/']).filter((line) => !line.endsWith('→ src/lib/reading/yaml.ts'))).toEqual([]);
    expect(forbiddenImports(edges, 'src/schemas/', ['src/data/', 'src/components/', 'src/layouts/', 'src/pages/', 'src/integrations/'])).toEqual([]);
    expect(forbiddenImports(edges, 'scripts/', ['tests/'])).toEqual([]);
  });
});

describe('import rules catch what they are for (fixture)', () => {
  const root = path.join('tests', 'fixtures', 'architecture');
  const edges = importEdges(root, ['src']);
  const rules = declaredImports(root, 'src/lib');

  it('finds the circle between two files', () => {
    expect(importCircles(edges)).toEqual(['src/lib/low/a.ts → src/lib/low/b.ts → src/lib/low/a.ts']);
  });

  it('finds an upward import and a root helper importing a folder', () => {
    expect(ruleBreaks(edges, 'src/lib', rules)).toEqual(['src/lib/helper.ts → src/lib/low/a.ts: a root helper imports only root helpers', 'src/lib/low/b.ts → src/lib/high/c.ts: src/lib/low/README.md does not allow "high"']);
  });

  it('finds a circle in the declarations', () => {
    const circular = new Map([...rules, ['low', ['high']]]);
    expect(declarationCircles(circular)).toEqual(['high → low → high']);
  });

  it('finds an import from a lower layer of src/ into a higher one', () => {
    expect(forbiddenImports(edges, 'src/lib/', ['src/pages/'])).toEqual(['src/lib/high/c.ts → src/pages/page.ts']);
  });

  it('refuses a folder whose README does not say what it may import', () => {
    expect(() => declaredImports(path.join(root, 'no-rule'), 'src/lib')).toThrow(/bare\/README\.md: no "May import:" line/);
  });
});

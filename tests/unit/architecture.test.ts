import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));

describe('architecture', () => {
  it('keeps src/lib and src/schemas free of astro:* imports, so plain Node runs them', () => {
    const offenders = [...files('src/lib'), ...files('src/schemas')].filter((file) =>
      /from\s+['"]astro:/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('calls getCollection only from src/data', () => {
    const offenders = [...files('src'), ...readdirSync('src/pages', { recursive: true }).map((f) => path.join('src/pages', String(f)))]
      .filter((file) => /\.(ts|astro)$/.test(file) && !file.startsWith(path.join('src', 'data')))
      .filter((file) => /getCollection\(|getEntry\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses only erasable TypeScript in files Node runs directly', () => {
    const offenders = [...files('src/lib'), ...files('src/schemas'), ...files('scripts')].filter((file) =>
      /^\s*(export\s+)?(enum|namespace)\s|constructor\((public|private|protected|readonly)\s/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

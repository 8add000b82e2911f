// npm run format (scripts/format.ts): `-- --check` reports without writing, plain formats.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { biomeFormatArgs } from '../../scripts/lib/format-args.ts';

describe('biomeFormatArgs', () => {
  it('writes by default, checks without --write when given --check, and keeps paths and options', () => {
    expect(biomeFormatArgs([])).toEqual(['format', '--write', '.']);
    expect(biomeFormatArgs(['--check'])).toEqual(['format', '.']);
    expect(biomeFormatArgs(['--check', 'src/lib'])).toEqual(['format', 'src/lib']);
    expect(biomeFormatArgs(['--write', '--verbose'])).toEqual(['format', '--write', '--verbose', '.']);
  });
});

describe('npm run format on a folder of its own', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-format-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = path.resolve('scripts/format.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' });

  it('with --check fails on an unformatted file and leaves it as it was; without, formats it', () => {
    writeFileSync(path.join(dir, 'biome.json'), JSON.stringify({ formatter: { indentStyle: 'space' }, javascript: { formatter: { quoteStyle: 'single' } } }));
    const file = path.join(dir, 'a.ts');
    writeFileSync(file, 'const a = {b:"x"}\n');
    const check = run('--check');
    expect(check.status).not.toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('const a = {b:"x"}\n');
    expect(run().status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe("const a = { b: 'x' };\n");
    expect(run('--check').status).toBe(0);
  });
});

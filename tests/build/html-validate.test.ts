// html-validate on every built page (issue 8): all of dist/, not a sample. Rules: .htmlvalidate.json
// (html-validate:recommended; what is turned off and why: docs/security.md).
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST } from '../support/dist.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

function fileOf(page: string): string {
  return page.endsWith('/') ? path.join(DIST, page, 'index.html') : path.join(DIST, page);
}

describe('html-validate', () => {
  const pages = builtPages();

  it('finds every page of the site', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('reports no error on any built page', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(fileOf(page));
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2) problems.push(`${page}:${message.line}:${message.column} [${message.ruleId}] ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('would catch an image without alt, an inline style and an inline handler', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="vi"><head><title>x</title></head><body><main><img src="/a.png"><p style="color:red">x</p><button type="button" onclick="go()">x</button></main></body></html>',
      'fixture.html',
    );
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['wcag/h37', 'no-inline-style']));
    expect(report.valid).toBe(false);
  });
});

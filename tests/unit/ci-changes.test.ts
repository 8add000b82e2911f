import { describe, expect, it } from 'vitest';
import { changedNames, onlyContent, pagesOfChangedFiles } from '../support/ci-changes.ts';

describe('what a pull request changed (issue 29)', () => {
  it('reads git diff --name-only output', () => {
    expect(changedNames('content/lessons/a.mdx\n\n  content/topics.yaml \n')).toEqual(['content/lessons/a.mdx', 'content/topics.yaml']);
    expect(changedNames(['content\\lessons\\a.mdx'])).toEqual(['content/lessons/a.mdx']);
  });

  it('is a content pull request only when every file is under content/', () => {
    expect(onlyContent(['content/lessons/a.mdx', 'content/images/a.png'])).toBe(true);
    expect(onlyContent(['content/lessons/a.mdx', 'src/lib/routes.ts'])).toBe(false);
    expect(onlyContent(['content/lessons/a.mdx', '.github/workflows/ci.yml'])).toBe(false);
    expect(onlyContent(['contentious.md'])).toBe(false);
    expect(onlyContent(['package-lock.json'])).toBe(false);
    expect(onlyContent([])).toBe(false);
  });

  it('checks every page made from a changed file, else the home page', () => {
    const sources: Record<string, string> = {
      '/bai-hoc/a/': 'content/lessons/a.mdx',
      '/bai-hoc/a/to-roi/': 'content/lessons/a.mdx',
      '/bai-hoc/b/': 'content/lessons/b.mdx',
      '/bai-hoc/a/tyz/': 'content/translations/a.tyz.mdx',
    };
    const pages = ['/', '/bai-hoc/', ...Object.keys(sources)];
    const sourceOf = (page: string) => sources[page];
    expect(pagesOfChangedFiles(['content/lessons/a.mdx'], pages, sourceOf)).toEqual(['/bai-hoc/a/', '/bai-hoc/a/to-roi/']);
    expect(pagesOfChangedFiles(['content/translations/a.tyz.mdx', 'content/lessons/b.mdx'], pages, sourceOf)).toEqual(['/bai-hoc/b/', '/bai-hoc/a/tyz/']);
    expect(pagesOfChangedFiles(['content/images/x.png'], pages, sourceOf)).toEqual(['/']);
  });
});

describe('the workflow decides as onlyContent does', () => {
  it('runs the "Content only?" step of .github/workflows/ci.yml on example pull requests', async () => {
    const { parse } = await import('yaml');
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { jobs: Record<string, { if?: string; needs?: string; steps: Array<{ id?: string; run?: string }> }> };
    const script = workflow.jobs['changes']!.steps.find((step) => step.id === 'decide')!.run!;
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-ci-'));
    try {
      for (const names of [['content/lessons/a.mdx'], ['content/lessons/a.mdx', 'content/images/a.png'], ['content/lessons/a.mdx', 'src/pages/index.astro'], ['.github/workflows/ci.yml'], ['contentious.md'], []]) {
        writeFileSync(path.join(dir, 'changed.txt'), names.map((name) => `${name}\n`).join(''));
        writeFileSync(path.join(dir, 'out'), '');
        execFileSync('bash', ['-e', '-c', script], { env: { ...process.env, CHANGED: path.join(dir, 'changed.txt'), GITHUB_OUTPUT: path.join(dir, 'out') } });
        const out = readFileSync(path.join(dir, 'out'), 'utf8');
        expect(out, names.join(' ')).toContain(`content_only=${onlyContent(names)}\n`);
        expect(out).toContain(`files<<CHANGED_FILES_END\n${names.map((name) => `${name}\n`).join('')}CHANGED_FILES_END\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The content job only for content pull requests; everything else still runs the whole suite.
    expect(workflow.jobs['content']!.if).toBe("needs.changes.outputs.content_only == 'true'");
    expect(workflow.jobs['site']!.if).toContain("needs.changes.outputs.content_only != 'true'");
    expect(workflow.jobs['site']!.if).toContain("github.event_name != 'pull_request'");
    const content = workflow.jobs['content']!.steps.map((step) => step.run).filter(Boolean);
    expect(content).toEqual(expect.arrayContaining(['npm ci', 'npm run check -- --github', 'npm run build', 'npm run test:content-pr']));
  });
});

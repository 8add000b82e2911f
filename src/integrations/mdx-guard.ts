import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMdxSafety } from '../lib/content/mdx-safety.ts';
import { BODY_FIELD, formatReport, type Problem } from '../lib/content/problems.ts';

/** What @astrojs/mdx compiles (its transform filter): every id ending in .mdx. */
export const MDX_ID = /\.mdx$/;

/** Vite plugin shape we need (kept local so lib/ and scripts need no Vite types). */
interface GuardPlugin {
  name: string;
  enforce: 'pre';
  transform: { order: 'pre'; filter: { id: RegExp }; handler: (code: string, id: string) => null };
}

/**
 * Compile-time guard: refuses an unsafe .mdx file in Vite's transform step, before
 * @astrojs/mdx turns it into a JavaScript module, so its code is never compiled, let alone
 * evaluated. The content gate already stops `astro build` earlier; this guard also covers
 * `astro dev`, files added after the gate ran, and builds where the gate was bypassed.
 * `enforce: 'pre'` plus `order: 'pre'` put this transform ahead of @astrojs/mdx's
 * (itself `enforce: 'pre'` without an order); tests/build/hostile-mdx.test.ts proves it.
 */
export function mdxGuardPlugin(root: string): GuardPlugin {
  return {
    name: 'ban-so:mdx-guard',
    enforce: 'pre',
    transform: {
      order: 'pre',
      filter: { id: MDX_ID },
      handler(code, id) {
        const issues = checkMdxSafety(code);
        if (issues.length === 0) return null;
        const file = path.relative(root, id.split('?')[0] ?? id).split(path.sep).join('/');
        const problems: Problem[] = issues.map((issue) => ({ file, field: BODY_FIELD, ...issue }));
        const error = new Error(`Bài viết có mã lệnh hoặc thẻ không được phép; tệp không được dựng:\n${formatReport(problems)}`);
        // Editors read the message, not a stack trace.
        error.stack = error.message;
        throw error;
      },
    },
  };
}

export function mdxGuard(): AstroIntegration {
  return {
    name: 'ban-so:mdx-guard',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { plugins: [mdxGuardPlugin(fileURLToPath(config.root))] } });
      },
    },
  };
}

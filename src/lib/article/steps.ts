/**
 * What the loader reads from an article's body besides its HTML (issue 29): the steps of a lesson
 * for HowTo and the minutes it takes to read. Both are kept in the entry's `rendered.metadata`
 * (`articleFacts` in parts.ts), so Astro's data store does not carry every body a second time
 * beside its HTML: the store is bundled into the build, and its size is build memory.
 */
import { plainTextFromMarkdown, readingMinutes } from './reading-time.ts';

/** What the pages need from a body once its HTML is made. */
export interface BodyFacts {
  /** Minutes to read it (reading-time.ts), for a lesson without its own `minutes`. */
  minutes: number;
  /** The <Steps> items as plain text, for a lesson's HowTo. */
  steps: string[];
}

export function bodyFacts(body: string): BodyFacts {
  return { minutes: readingMinutes(plainTextFromMarkdown(body)), steps: stepsFromMdx(body) };
}

/**
 * The steps of a lesson, for HowTo: the items of the numbered list(s) inside `<Steps>` in
 * the MDX body, as plain text (editor components and Markdown marks removed). This is the
 * same list the lesson page shows as big numbered steps, so the counts always agree.
 */
export function stepsFromMdx(body: string): string[] {
  const steps: string[] = [];
  for (const block of body.matchAll(/<Steps>([\s\S]*?)<\/Steps>/g)) {
    let current: string | undefined;
    for (const line of block[1]!.split(/\r?\n/)) {
      const item = /^\d+[.)]\s+(.*)$/.exec(line);
      if (item) {
        if (current !== undefined) steps.push(current);
        current = item[1]!;
      } else if (current !== undefined && /^\s+\S/.test(line)) {
        current += ` ${line.trim()}`;
      }
    }
    if (current !== undefined) steps.push(current);
  }
  return steps.map(plainText);
}

/**
 * Markdown and editor tags to plain text: "<Term id=…>mã</Term>" → "mã", "[a](b)" → "a", "x" → “x”.
 * Not reading-time.ts's plainTextFromMarkdown: that one only has to count words (it drops a
 * picture's alt and keeps straight quotes and spacing); this one is text a reader sees.
 */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<[^>]+>/g, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)/g, '')
      // Paired straight quotes become typographic ones, as the Markdown renderer shows them.
      .replace(/"([^"]*)"/g, '“$1”')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Minutes to read a text for residents reading Vietnamese as a second language.
 * Vietnamese words are single syllables; 150 syllables a minute is a slow, careful pace
 * (adult native readers manage about 200–250).
 */
export const SYLLABLES_PER_MINUTE = 150;

/** Count syllables (space-separated tokens that contain a letter or digit). */
export function countSyllables(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Whole minutes, never less than 1. */
export function readingMinutes(text: string, pace: number = SYLLABLES_PER_MINUTE): number {
  return Math.max(1, Math.round(countSyllables(text) / pace));
}

/** Strip MDX/Markdown syntax that would be counted as words (tags, link targets, markers). */
export function plainTextFromMarkdown(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[#>*-]+\s*|^\d+\.\s+/gm, '')
    .replace(/[*_`]/g, '');
}

/**
 * One instruction everywhere (issue 25): a campaign must not tell residents to go somewhere
 * else, or to bring less, than a lesson it links says — unless it says so out loud in
 * `variants:`. The rule is simple on purpose, so an editor can predict it (CONTRIBUTING.md §5):
 *
 * A lesson may declare `goTo: { place, for }` (where residents must go themselves, and the words
 * that name the task done there) and `bring:` (what they bring). For every campaign that links
 * the lesson, its effective instruction is the campaign's variant for that lesson when it has
 * one, else the lesson's. Then, in every sentence of the campaign (body, announcements, meeting
 * agenda, questions and answers) that names the task (one of `for`, compared without accents
 * or case):
 * 1. **where**: if the sentence places the task somewhere — a known place (PLACES) right after
 *    "đến, tới, ra, lên, vào, tại, ở" — and none of those places is the effective one, warn;
 * 2. **bring**: if the sentence tells residents to bring something ("mang", "cầm", "đem") to the
 *    effective place, every thing of the effective `bring:` list must be named in it, else warn.
 * Warnings do not stop the build: an editor reads them and fixes the text or adds a variant.
 */
import { foldVietnamese } from '../text.ts';

/** Places residents are sent to, each with the ways it is written (folded: no accents, lower case). */
export const PLACES: Record<string, readonly string[]> = {
  'công an xã': ['tru so cong an xa', 'cong an xa', 'cong an phuong', 'cong an'],
  'họp thôn': ['buoi hop thon', 'hop thon', 'hop ban', 'nha van hoa thon', 'nha van hoa'],
  'UBND xã': ['uy ban nhan dan xa', 'ubnd xa', 'uy ban xa'],
  'trung tâm phục vụ hành chính công': ['trung tam phuc vu hanh chinh cong', 'bo phan mot cua', 'bo phan tiep nhan va tra ket qua'],
  'bưu điện': ['buu dien'],
  'điểm thu tiền điện': ['diem thu tien dien', 'dien luc'],
  'ngân hàng': ['phong giao dich ngan hang', 'chi nhanh ngan hang', 'ngan hang'],
  'trạm y tế': ['tram y te'],
};

const MARKERS = ['den', 'toi', 'ra', 'len', 'vao', 'tai', 'o'];
const BRING_VERBS = /\b(mang|cam|dem)\b/;

/** Lower case, no accents, "đ" as "d", single spaces: how the rule compares words. */
export function fold(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The canonical name of a place as written ("trụ sở công an xã" → "công an xã"); unknown places stay as written. */
export function canonicalPlace(place: string): string {
  const folded = fold(place);
  for (const [name, forms] of Object.entries(PLACES)) if (forms.some((form) => folded === form || folded.includes(form))) return name;
  return folded;
}

/**
 * Places a sentence sends residents to or puts the task at: a known place (or `extra`, e.g. the
 * lesson's own place when it is not in PLACES) within three words after a marker.
 */
export function placesIn(sentence: string, extra: readonly string[] = []): string[] {
  const words = fold(sentence).split(' ');
  const forms = [...Object.entries(PLACES).flatMap(([name, list]) => list.map((form) => ({ name, form }))), ...extra.map((form) => ({ name: canonicalPlace(form), form: fold(form) }))].sort((a, b) => b.form.length - a.form.length);
  const found = new Set<string>();
  words.forEach((word, index) => {
    if (!MARKERS.includes(word)) return;
    for (let skip = 0; skip <= 3; skip++) {
      const rest = ` ${words.slice(index + 1 + skip).join(' ')} `;
      const hit = forms.find(({ form }) => rest.startsWith(` ${form} `));
      if (hit) {
        found.add(hit.name);
        return;
      }
    }
  });
  return [...found];
}

/** What a lesson says about where to go and what to bring (its frontmatter). */
export interface Instruction {
  place: string;
  for: readonly string[];
  bring?: readonly string[] | undefined;
}

export interface Contradiction {
  kind: 'where' | 'bring';
  sentence: string;
  /** Where the campaign sends residents (kind "where"), or the things it leaves out (kind "bring"). */
  found: string[];
  expected: string;
}

/** Split a text into sentences (and list items, headings, table rows). */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/<\/?[A-Z][^>]*>/g, '')
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((line) => line.replace(/^[\s>*#-]+|^\d+\.\s+/g, '').trim())
    .filter((line) => line.length > 0);
}

/** The contradictions of campaign sentences with one lesson's instruction (already the campaign's variant when it has one). */
export function contradictions(sentences: readonly string[], instruction: Instruction): Contradiction[] {
  const task = instruction.for.map(fold).filter(Boolean);
  const expected = canonicalPlace(instruction.place);
  const found: Contradiction[] = [];
  for (const sentence of sentences) {
    const folded = ` ${fold(sentence)} `;
    if (!task.some((words) => folded.includes(` ${words} `))) continue;
    const places = placesIn(sentence, [instruction.place]);
    if (places.length > 0 && !places.includes(expected)) {
      found.push({ kind: 'where', sentence, found: places, expected });
    }
    if (instruction.bring?.length && BRING_VERBS.test(folded) && places.includes(expected)) {
      const missing = instruction.bring.filter((thing) => !folded.includes(` ${fold(thing)} `));
      if (missing.length > 0) found.push({ kind: 'bring', sentence, found: missing, expected: instruction.bring.join(', ') });
    }
  }
  return found;
}

/**
 * Menu names in a loudspeaker script (issue 27): a listener hears a sentence once, with no
 * screen in front of them, so "vào mục Thủ tục hành chính" or 'chọn "Tích hợp thông tin"' is a
 * name they cannot act on. Key points are written for the leaflet, where the name helps a reader
 * find the button; the script reads them without it.
 *
 * The rule, on one sentence split at its commas and colons:
 * - a part that only takes the reader to a menu ("mục …", "vào mục …", 'vào "…"', 'chọn "…"',
 *   'bấm "…"') is left out of the script; the rest of the sentence still says what to do;
 * - a part that says what the menu is for ("vào mục X để …") is kept: it is read with what it does;
 * - a menu name the rule cannot leave out (the sentence is nothing else, or the name sits inside
 *   a longer part) stays, and is reported: the content check warns (src/lib/content/spoken.ts).
 * Only words are removed, never added: the script stays as sourced as the key point.
 */

/** "mục tiêu" (aim) and "mục đích" (purpose) are words of their own, not a menu ("mục …"). */
const NOT_A_MENU = String.raw`(?!(?:tiêu|đích)(?!\p{L}))`;
/** A part that only names where to tap: "mục …" (with "vào", "chọn", "rồi" before it), or a quoted label after vào/chọn/bấm/nhấn/mở. */
const MENU_PART = new RegExp(String.raw`^(?:rồi\s+)?(?:(?:vào|chọn|tìm|mở)\s+)?mục\s+${NOT_A_MENU}\S.*$|^(?:rồi\s+)?(?:vào|chọn|bấm|nhấn|mở)\s+["“«][^"”»]+["”»]$`, 'iu');
/**
 * A menu name anywhere in a part: "mục" then a capitalised name, or a quoted label after
 * vào/chọn/bấm/nhấn/mở. Case matters here (no `i`: with it \p{Lu} would match any letter), so
 * the words' first letters are written both ways.
 */
const MENU_NAME = /\b[Mm]ục\s+["“«]?\p{Lu}[^,.:;]*|(?:[Vv]ào|[Cc]họn|[Bb]ấm|[Nn]hấn|[Mm]ở)\s+["“«][^"”»]+["”»]/gu;
/** "… để …": the part says what the menu does. */
const SAYS_WHAT_IT_DOES = /\sđể\s/u;

export interface EarText {
  /** The sentence as read aloud. */
  text: string;
  /** Parts left out: menu names a listener cannot act on. */
  left: string[];
  /** Menu names still read aloud, without what they do (the content check warns). */
  unheard: string[];
}

/** One sentence for the ear: menu-only parts left out (see the module's comment). */
export function forTheEar(sentence: string): EarText {
  const trimmed = sentence.trim();
  const end = /[.!?…]+$/u.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(0, trimmed.length - end.length);
  // Parts and the separators after them: ["Xem thẻ", ": ", "vào \"Ví giấy tờ\"", ", ", "chọn thẻ…", ""].
  const pieces = body.split(/(\s*[,:;]\s+)/u);
  const parts: Array<{ text: string; after: string }> = [];
  for (let index = 0; index < pieces.length; index += 2) parts.push({ text: pieces[index] ?? '', after: pieces[index + 1] ?? '' });
  const isMenu = (part: string) => MENU_PART.test(part.trim()) && !SAYS_WHAT_IT_DOES.test(part);
  const kept = parts.filter((part) => !isMenu(part.text));
  const left = parts.filter((part) => isMenu(part.text)).map((part) => part.text.trim());
  if (kept.length === 0 || left.length === 0) return { text: trimmed, left: [], unheard: menuNames(trimmed) };
  // A left-out part takes its separator with it; the last part kept ends the sentence.
  let text = kept.map((part, index) => part.text + (index < kept.length - 1 ? part.after : '')).join('');
  if (/^\p{Lu}/u.test(trimmed)) text = text.charAt(0).toUpperCase() + text.slice(1);
  return { text: `${text}${end}`, left, unheard: menuNames(text) };
}

/** Menu names in a text that do not say what they do. */
function menuNames(text: string): string[] {
  return text
    .split(/\s*[,:;]\s+/u)
    .filter((part) => !SAYS_WHAT_IT_DOES.test(part))
    .flatMap((part) => [...part.matchAll(MENU_NAME)].map((match) => match[0].trim()));
}

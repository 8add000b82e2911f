/**
 * Loudspeaker scripts (bài phát thanh), written for the ear.
 *
 * A commune broadcast opens with the station ident and "Kính thưa bà con", gives the message in
 * short sentences, repeats the key action and the phone number, and closes with "Đài truyền
 * thanh xã … vừa phát …". The commune's name is a blank (or a parameter): one script serves
 * every commune; so are the place, hour and day where the village's team helps (whenAndWhere). Every number is turned into words (src/lib/print/vi-numbers.ts).
 *
 * Reading time: no official pace exists (FACTS.md). We assume slow, clear outdoor reading of
 * DEFAULT_PACE syllables a minute; an editor can set another pace. A Vietnamese syllable is
 * one written word, so syllables = words.
 */
import { t } from '../../i18n/vi.ts';
import { phoneGroups, readPhone, speakNumbers } from './vi-numbers.ts';

export const DEFAULT_PACE = 190;
export const COMMUNE_BLANK = '…………';
/** Blanks the reader fills in by hand before reading: the place, hour and day where bà con get help (issue 27). */
export const PLACE_BLANK = '………………';
export const HOUR_BLANK = '……';
export const DAY_BLANK = '……………';

/** Who helps, said after what to do: the village's community digital-technology team. */
export const HELPERS = 'Tổ công nghệ số cộng đồng của thôn';

/** "Bà con cần giúp thì đến … lúc … giờ, ngày …" and who helps: two sentences, blanks to fill in by hand. */
export function whenAndWhere(): string[] {
  return [`Bà con cần giúp thì đến ${PLACE_BLANK}, lúc ${HOUR_BLANK} giờ, ngày ${DAY_BLANK}.`, `${HELPERS} sẽ giúp bà con làm từng bước.`];
}

export interface ScriptInput {
  /** What the script is about, e.g. the lesson title. */
  title: string;
  /** The message: sentences, or one text to split into sentences. */
  message: readonly string[];
  /** The one thing listeners should do. */
  action: string;
  /** Hotline to repeat, as digits. */
  phone?: string | undefined;
  /** Who answers it ("Tổng đài Bảo hiểm xã hội Việt Nam"): named before the number. */
  phoneWho?: string | undefined;
  /** Who the facts come from, in words ("Bộ Công an và Báo Quảng Ninh"): the script's last sentence names them. */
  source?: string | undefined;
  /** Commune name; a blank line to fill in by hand when left out. */
  commune?: string | undefined;
  /** Syllables a minute; DEFAULT_PACE when left out. */
  pace?: number | undefined;
}

export interface ScriptSection {
  /** What the part is, for the reader (not read aloud). */
  role: 'opening' | 'message' | 'action' | 'closing';
  sentences: string[];
}

export interface Script {
  sections: ScriptSection[];
  syllables: number;
  pace: number;
  /** Whole seconds for one reading at the pace. */
  seconds: number;
  /** The phone number as printed on paper (4-3-3), when there is one. */
  phonePrinted?: string | undefined;
}

/** Split a text into sentences at . ! ? followed by a space (so "24.000" stays whole). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sentences for the ear: numbers in words, one idea a sentence. */
function spoken(lines: readonly string[]): string[] {
  return lines.flatMap(sentences).map(speakNumbers);
}

/** Words (= syllables in Vietnamese) of the parts read aloud. */
export function countSyllables(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

export function buildScript(input: ScriptInput): Script {
  const commune = input.commune?.trim() || COMMUNE_BLANK;
  const station = `Đây là Đài truyền thanh xã ${commune}.`;
  const topic = speakNumbers(input.title);
  // "Tổng đài Bộ Công an (VNeID, căn cước)" is said "Tổng đài Bộ Công an, VNeID, căn cước": brackets are not heard.
  const who = input.phoneWho ? `${speakNumbers(input.phoneWho.trim().replace(/\s*\(([^)]*)\)/g, ', $1'))}, ` : '';
  const phone = input.phone ? `Khi cần giúp, bà con gọi ${who}số ${readPhone(input.phone)}. Xin nhắc lại: ${readPhone(input.phone)}.` : undefined;
  const sections: ScriptSection[] = [
    { role: 'opening', sentences: [station, 'Kính thưa bà con.', `Sau đây là tin: ${topic}.`] },
    { role: 'message', sentences: spoken(input.message) },
    // What to do, then where, when and who helps (blanks to fill in), then the hotline.
    { role: 'action', sentences: [`Xin nhắc lại: ${speakNumbers(input.action).replace(/[.!?]*$/, '.')}`, ...whenAndWhere(), ...(phone ? sentences(phone) : [])] },
    {
      role: 'closing',
      sentences: [`Đài truyền thanh xã ${commune} vừa phát tin: ${topic}.`, ...(input.source ? [`Thông tin trong bài lấy từ ${speakNumbers(input.source)}.`] : []), 'Xin cảm ơn bà con đã lắng nghe.'],
    },
  ];
  const pace = input.pace ?? DEFAULT_PACE;
  const syllables = sections.reduce((sum, section) => sum + countSyllables(section.sentences.join(' ')), 0);
  return {
    sections,
    syllables,
    pace,
    seconds: Math.round((syllables / pace) * 60),
    phonePrinted: input.phone ? phoneGroups(input.phone).join(' ') : undefined,
  };
}

/** "khoảng 1 phút 10 giây": the time as a reader wants to see it. */
export function readingTimeLabel(seconds: number): { minutes: number; seconds: number } {
  const rounded = Math.max(5, Math.round(seconds / 5) * 5);
  return { minutes: Math.floor(rounded / 60), seconds: rounded % 60 };
}

/** A translation of a script supplied by an editor, with the language it is in. */
export interface ScriptTranslation {
  lang: string;
  /** Name of the language, in Vietnamese, e.g. "Tiếng Tày". */
  label: string;
  text: string;
}

/** Translations are read as written (an editor wrote them for the ear), split into paragraphs. */
export function translationParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A campaign's own version of a lesson's steps (issue 25), as its page, meeting pack and script say it. */
export interface StepsVariant {
  lesson: { title: string };
  goTo?: string | undefined;
  bring?: readonly string[] | undefined;
  why: string;
}

/** A variant in sentences: "Về bài …: trong chiến dịch này, cách làm có thay đổi. Bà con đến … Mang theo: … Lý do." */
export function variantSentences(variant: StepsVariant): string[] {
  return [
    t('campaign.variantLead', { title: variant.lesson.title }),
    ...(variant.goTo ? [t('campaign.variantGoTo', { place: variant.goTo })] : []),
    ...(variant.bring?.length ? [t('campaign.variantBring', { things: variant.bring.join(', ') })] : []),
    variant.why.replace(/[.!?]*$/, '.'),
  ];
}

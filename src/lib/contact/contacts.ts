/**
 * Numbers to call (issue 25): content with its source, shown as large tap-to-call buttons,
 * printed on leaflets and read out in loudspeaker scripts.
 *
 * Where a page's numbers come from, in order, each number once:
 * - a lesson: its own service hotlines, then the contacts of the communes it is aimed at
 *   (`places:`), then the province's (numbers that work in every commune);
 * - a place: its own, then those of the units that took it over (an old commune shows its new
 *   commune's), then those of its parent chain (a commune shows the province's);
 * - a campaign: the contacts of its communes, then its lessons' own, then the province's.
 */
import { formatPhone, readPhone } from '../print/vi-numbers.ts';

export interface ContactSource {
  name: string;
  publisher: string;
  url: string;
  published?: Date | undefined;
  read: Date;
}

/** A contact as content stores it (src/schemas/helpers.ts `contact`). */
export interface Contact {
  who: string;
  what: string;
  /** Digits only. */
  phone: string;
  note?: string | undefined;
  sources: readonly ContactSource[];
  checked: Date;
}

/** Digits only: "1900 9068" → "19009068". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Lists joined in order of preference, each number once (the first list that has it wins). */
export function mergeContacts(...lists: ReadonlyArray<readonly Contact[] | undefined>): Contact[] {
  const seen = new Set<string>();
  const merged: Contact[] = [];
  for (const contact of lists.flatMap((list) => list ?? [])) {
    const digits = phoneDigits(contact.phone);
    if (seen.has(digits)) continue;
    seen.add(digits);
    merged.push(contact);
  }
  return merged;
}

/** What a page shows for one number: the button and the line under it. */
export interface ContactView {
  who: string;
  /** What to call about, without a final full stop (the page adds one). */
  what: string;
  note?: string | undefined;
  /** `tel:` address: digits only, so every phone dials it. */
  href: string;
  /** The number as printed: "1900 9068". */
  printed: string;
  /** The number for the ear: "một chín không không, chín không sáu tám". */
  spoken: string;
  /** Where the number comes from: the first source (the page lists them all in the title). */
  source: { name: string; publisher: string; url: string };
  /** Other sources stating the same number. */
  moreSources: Array<{ name: string; publisher: string; url: string }>;
  checked: Date;
}

export function contactView(contact: Contact): ContactView {
  const digits = phoneDigits(contact.phone);
  const [first, ...rest] = contact.sources.map((source) => ({ name: source.name, publisher: source.publisher, url: source.url }));
  if (!first) throw new Error(`contact ${contact.who}: a number without a source is never shown`);
  const sentence = (text: string) => text.trim().replace(/[.!?;,:]+$/, '');
  return {
    who: contact.who,
    what: sentence(contact.what),
    note: contact.note === undefined ? undefined : sentence(contact.note),
    href: `tel:${digits}`,
    printed: formatPhone(digits),
    spoken: readPhone(digits),
    source: first,
    moreSources: rest,
    checked: contact.checked,
  };
}

/** The one number a leaflet prints and a script reads: the first of the page's list. */
export function helpLine(contacts: readonly Contact[]): { who: string; phone: string; printed: string } | undefined {
  const first = contacts[0];
  if (!first) return undefined;
  const digits = phoneDigits(first.phone);
  return { who: first.who, phone: digits, printed: formatPhone(digits) };
}

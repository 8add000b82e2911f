import { t } from '../i18n/vi.ts';
import { formatDate } from './dates.ts';

/** One source as content stores it (src/schemas/helpers.ts `citation`, or `pressCitation` without an address). */
export interface Citation {
  name: string;
  publisher: string;
  url?: string | undefined;
  /** A press article read without its web address: why (pressCitation). */
  noAddress?: string | undefined;
  published?: Date | undefined;
  read: Date;
}

/** One line of a "Nguồn" list: name (a link) — publisher, date. */
export interface SourceView {
  name: string;
  publisher: string;
  /** Missing only for a press article whose address was not found: then `noAddress` says why. */
  url?: string | undefined;
  noAddress?: string | undefined;
  /** "5/7/2025" (published) or "đọc ngày 5/7/2025" when the page gives no date. */
  date: string;
}

export function sourceViews(citations: readonly Citation[] | undefined): SourceView[] {
  return (citations ?? []).map((citation) => ({
    name: citation.name,
    publisher: citation.publisher,
    url: citation.url,
    noAddress: citation.noAddress,
    date: citation.published ? formatDate(citation.published) : t('sources.read', { date: formatDate(citation.read) }),
  }));
}

/** Publishers a loudspeaker script names; the rest are "the other sources listed on the page". */
export const SPOKEN_PUBLISHERS = 3;

/**
 * "Bộ Công an và Báo Quảng Ninh": who the facts come from, each publisher once, in order. A
 * listener cannot follow fifteen names: past SPOKEN_PUBLISHERS, the first two and "the other
 * sources on the page".
 */
export function publishersInWords(citations: readonly Citation[] | undefined): string | undefined {
  const names = [...new Set((citations ?? []).map((citation) => citation.publisher))];
  if (names.length === 0) return undefined;
  if (names.length > SPOKEN_PUBLISHERS) return `${names.slice(0, 2).join(', ')} ${t('sources.and')} ${t('sources.others')}`;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${t('sources.and')} ${names.at(-1)}`;
}

/** One key per list of sources, to tell whether figures share theirs (same addresses, same names). */
export function sourcesKey(sources: readonly SourceView[]): string {
  return sources.map((source) => source.url ?? `${source.publisher}\u0000${source.name}`).join('\n');
}

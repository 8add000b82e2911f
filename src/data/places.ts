import { getCollection } from 'astro:content';
import { t, type UiKey } from '../i18n/vi.ts';
import { formatDate, formatDateLong } from '../lib/dates.ts';
import { ancestors, currentSuccessors, currentSuccessorsChecked, isHistorical, isLargerKind, isVerifiedLink, origins, type PlaceNode } from '../lib/places/places.ts';
import { routes } from '../lib/routes.ts';
import { mergeContacts, type Contact } from '../lib/contact/contacts.ts';
import { buildDate } from '../lib/site.ts';
import { compareVietnamese } from '../lib/text.ts';
import { sourceViews, type SourceView } from '../lib/sources.ts';
import type { Link } from './types.ts';

export interface PlaceView {
  id: string;
  url: string;
  name: string;
  kind: string;
  /** "xã Đại Dực", "huyện Bình Liêu": for running text. */
  fullName: string;
  /** "Xã Đại Dực": for headings, titles and lists. */
  heading: string;
  historical: boolean;
  parent?: Link | undefined;
  /** Parent chain, outermost first, for breadcrumbs. */
  ancestry: Link[];
  /** Units that exist today and took over this one, after following chains. */
  nowPartOf: Link[];
  /** "Nay là" (an old commune, now part of a new one) or "Nay thuộc" (an old district, its land now in several communes). */
  nowLabel: string;
  /** Old units of its own level it was formed from (communes, a town); never a district. */
  formedFrom: Link[];
  /** Larger old units it lay in (a district), with the day they ended: "Trước ngày 1/7/2025, nơi này thuộc huyện Bình Liêu (cũ)." */
  formerlyIn: Link[];
  /** The same as sentences, one per day the larger units ended: "Trước ngày 1/7/2025, đất ở đây thuộc" + huyện Bình Liêu (cũ) và huyện Tiên Yên (cũ). */
  formerlyInLines: Array<{ lead: string; places: Array<{ url: string; text: string; unverified?: boolean | undefined }> }>;
  /** Some reform link on the page is "chưa đối chiếu": the page explains the mark once. */
  hasUnverified: boolean;
  children: Link[];
  /** Sentence saying when the unit ended or began. */
  changeSentence?: string | undefined;
  changeNote?: string | undefined;
  description?: string | undefined;
  /** One sentence for lists, search results and link previews. */
  summary: string;
  ethnicGroups: Array<{ name: string; share?: number | undefined }>;
  techTeams?: number | undefined;
  villages?: number | undefined;
  population?: { count: number; year: number } | undefined;
  source?: string | undefined;
  /** Every source the facts on this place were checked against (issue 24). */
  sources: SourceView[];
  /** Numbers this place's own file gives (issue 25). */
  ownContacts: Contact[];
  /** What its page shows: its own, then those of the units that took it over, then its parent chain's (the province's). */
  contacts: Contact[];
  editPath: string;
}

let cache: Promise<Map<string, PlaceView>> | undefined;

/** Items grouped by a key, groups in the order their first item comes. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

export function kindLabel(kind: string): string {
  return t(`place.kind.${kind}` as UiKey);
}

async function build(): Promise<Map<string, PlaceView>> {
  const entries = await getCollection('places');
  const today = buildDate();
  const nodes = new Map<string, PlaceNode>(
    entries.map((entry) => [
      entry.id,
      {
        id: entry.id,
        name: entry.data.name,
        kind: entry.data.kind,
        parent: entry.data.parent?.id,
        validFrom: entry.data.validFrom,
        validUntil: entry.data.validUntil,
        successors: entry.data.successors.map((ref) => ref.id),
        unverifiedSuccessors: entry.data.unverifiedSuccessors.map((ref) => ref.id),
      },
    ]),
  );
  const fullName = (id: string): string => {
    const node = nodes.get(id);
    return node ? `${kindLabel(node.kind)} ${node.name}` : id;
  };
  // Old and new units can share a name (xã Hoành Mô before and after 2025): mark the old one.
  const link = (id: string): Link => {
    const node = nodes.get(id);
    const old = node && isHistorical(node, today) ? ` (${t('place.old')})` : '';
    return { id, url: routes.place(id), label: `${capitalise(fullName(id))}${old}` };
  };
  const byName = (a: Link, b: Link) => compareVietnamese(a.label, b.label);

  const own = new Map<string, Contact[]>(entries.map((entry) => [entry.id, entry.data.contacts]));
  const views = new Map<string, PlaceView>();
  for (const entry of entries) {
    const node = nodes.get(entry.id)!;
    const data = entry.data;
    const historical = isHistorical(node, today);
    const from = origins(entry.id, nodes.values());
    // A link the resolution's text has not confirmed is marked, never stated as fact (issue 24).
    const fromLink = (p: PlaceNode): Link => ({ ...link(p.id), unverified: !isVerifiedLink(p, entry.id) });
    const formedFrom = from.formedFrom.map(fromLink);
    const formerlyIn = from.formerlyIn.map(fromLink);
    const formerlyInLines = groupBy(from.formerlyIn, (p) => (p.validUntil ? t('place.formerlyIn', { date: formatDate(p.validUntil) }) : t('place.formerlyInUndated'))).map(([lead, group]) => ({
      lead,
      // Running text: "huyện Bình Liêu (cũ)", lower case.
      places: group.map((p) => ({ url: routes.place(p.id), text: `${fullName(p.id)}${isHistorical(p, today) ? ` (${t('place.old')})` : ''}`, unverified: !isVerifiedLink(p, entry.id) })),
    }));
    const nowChecked = historical ? currentSuccessorsChecked(entry.id, nodes, today) : [];
    const now = nowChecked.map((successor) => successor.id);
    const nowPartOf = nowChecked.map((successor): Link => ({ ...link(successor.id), unverified: !successor.verified }));
    let changeSentence: string | undefined;
    if (historical && data.validUntil) {
      changeSentence = t('place.becameOn', { date: formatDateLong(data.validUntil).replace(/^ngày /, ''), name: fullName(entry.id) });
    } else if (data.validFrom) {
      changeSentence = t('place.formedOn', { date: formatDateLong(data.validFrom).replace(/^ngày /, '') });
    }
    views.set(entry.id, {
      id: entry.id,
      url: routes.place(entry.id),
      name: data.name,
      kind: data.kind,
      fullName: fullName(entry.id),
      heading: capitalise(fullName(entry.id)),
      historical,
      parent: data.parent ? link(data.parent.id) : undefined,
      ancestry: ancestors(entry.id, nodes).map(link),
      nowPartOf,
      nowLabel: now.some((id) => isLargerKind(node.kind, nodes.get(id)?.kind ?? node.kind)) ? t('place.nowIn') : t('place.nowPartOf'),
      formedFrom,
      formerlyIn,
      formerlyInLines,
      hasUnverified: [...nowPartOf, ...formedFrom, ...formerlyIn].some((l) => l.unverified),
      children: entries
        .filter((other) => other.data.parent?.id === entry.id)
        .map((other) => link(other.id))
        .sort(byName),
      changeSentence,
      changeNote: data.changeNote,
      description: data.description,
      summary: data.description ?? data.changeNote ?? capitalise(fullName(entry.id)),
      ethnicGroups: data.ethnicGroups,
      techTeams: data.techTeams,
      villages: data.villages,
      population: data.population,
      source: data.source,
      sources: sourceViews(data.sources),
      ownContacts: data.contacts,
      contacts: mergeContacts(
        data.contacts,
        ...(historical ? currentSuccessors(entry.id, nodes, today) : []).map((successor) => own.get(successor)),
        ...ancestors(entry.id, nodes)
          .reverse()
          .map((ancestor) => own.get(ancestor)),
      ),
      editPath: entry.filePath ?? `content/places/${entry.id}.yaml`,
    });
  }
  return views;
}

/** Every place, by id. */
export function getPlaces(): Promise<Map<string, PlaceView>> {
  cache ??= build();
  return cache;
}

export async function getPlace(id: string): Promise<PlaceView> {
  const place = (await getPlaces()).get(id);
  if (!place) throw new Error(`Unknown place "${id}"`);
  return place;
}

/** The province's numbers (they work in every commune): what a page aimed at everyone shows. */
export async function provinceContacts(): Promise<Contact[]> {
  return [...(await getPlaces()).values()].find((place) => place.kind === 'province' && !place.parent)?.contacts ?? [];
}

/** Links to places, for "Dành cho" and "Nơi diễn ra" lines. */
export async function placeLinks(ids: readonly string[]): Promise<Link[]> {
  const places = await getPlaces();
  return ids.map((id) => {
    const place = places.get(id);
    return { id, url: routes.place(id), label: place?.fullName ?? id };
  });
}

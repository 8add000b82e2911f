import { isoDate, todayInVietnam } from '../dates.ts';
import { routes } from '../routes.ts';
import { slugify } from '../slug.ts';
import type { CollectionName } from '../../schemas/helpers.ts';
import { listValues } from '../reading/suggest.ts';

/** What `npm run new` can create, with the collection folder and the page address. */
export const KINDS = {
  lesson: { collection: 'lessons', url: routes.lesson, label: 'bài học' },
  news: { collection: 'news', url: routes.news, label: 'tin tức' },
  story: { collection: 'stories', url: routes.story, label: 'câu chuyện' },
  campaign: { collection: 'campaigns', url: routes.campaign, label: 'chiến dịch' },
} as const satisfies Record<string, { collection: CollectionName; url: (id: string) => string; label: string }>;

export type Kind = keyof typeof KINDS;

/** Vietnamese words editors may type instead of the English kind. */
const ALIASES: Record<string, Kind> = {
  'bai-hoc': 'lesson',
  'tin-tuc': 'news',
  tin: 'news',
  'cau-chuyen': 'story',
  'chien-dich': 'campaign',
  lessons: 'lesson',
  stories: 'story',
  campaigns: 'campaign',
};

export function parseKind(input: string): Kind | undefined {
  const key = slugify(input);
  if (key in KINDS) return key as Kind;
  return ALIASES[key];
}

/** Ids the template can point at, read from the content folder it is written into. */
export interface ScaffoldContext {
  topics: readonly string[];
  /** Places that exist today (no validUntil), for the examples. */
  places: readonly string[];
  lessons: readonly string[];
  now?: Date;
}

/** A YAML scalar for any title: double-quoted with JSON escapes, which YAML reads the same. */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The values a template's {{name}} placeholders are replaced with. */
export function templateValues(title: string, context: ScaffoldContext): Record<string, string> {
  const today = todayInVietnam(context.now);
  const pick = (values: readonly string[], preferred: string) => (values.includes(preferred) ? preferred : (values[0] ?? preferred));
  return {
    title: yamlString(title.normalize('NFC').trim()),
    today: isoDate(today),
    inAMonth: isoDate(addDays(today, 30)),
    topic: pick(context.topics, 'ky-nang-co-ban'),
    topics: listValues(context.topics, 20),
    place: context.places[0] ?? 'xa-tien-yen',
    places: listValues(context.places, 8),
    lesson: context.lessons[0] ?? 'cai-dat-va-kich-hoat-vneid',
    lessons: listValues(context.lessons, 6),
  };
}

/** Replace every {{name}}; an unknown name is a bug in the template, so it throws. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  });
}

/** File name and address for a title: "Trả tiền điện" → tra-tien-dien. */
export function scaffoldTarget(kind: Kind, title: string): { id: string; file: string; url: string } | undefined {
  const id = slugify(title);
  if (!id) return undefined;
  const { collection, url } = KINDS[kind];
  return { id, file: `${collection}/${id}.mdx`, url: url(id) };
}

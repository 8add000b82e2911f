/**
 * The whole CMS configuration (Decap CMS's format; Sveltia CMS reads the same), built from the
 * schemas, the `npm run new` templates and the ids in content/: nothing in it is written by hand
 * twice. Every save goes through the editorial workflow: a branch and a pull request, checked
 * by CI like any other change.
 */
import type { z } from 'astro/zod';
import { CampaignSchema, GlossarySchema, LessonSchema, NewsSchema, StorySchema, TranslationSchema } from '../../schemas/content.ts';
import type { CollectionName } from '../../schemas/helpers.ts';
import { renderTemplate, templateValues, type ScaffoldContext } from '../content/scaffold.ts';
import { cmsFields, cmsHelpers, type Choices, type CmsField } from './fields.ts';
import { templateHints } from './hints.ts';
import { FIELD_LABELS } from './labels.ts';

interface CollectionSpec {
  name: CollectionName;
  label: string;
  singular: string;
  folder: string;
  extension: 'mdx' | 'md';
  schema: z.ZodType;
  /** scripts/templates/<template>.mdx gives the hints. */
  template?: string;
  /** File name of a new entry (Decap's slug template). */
  slug?: string;
}

const COLLECTIONS: CollectionSpec[] = [
  { name: 'lessons', label: 'Bài học', singular: 'bài học', folder: 'content/lessons', extension: 'mdx', schema: LessonSchema(cmsHelpers), template: 'lesson' },
  { name: 'translations', label: 'Bản dịch bài học', singular: 'bản dịch', folder: 'content/translations', extension: 'mdx', schema: TranslationSchema(cmsHelpers), slug: '{{fields.lesson}}.{{fields.lang}}' },
  { name: 'news', label: 'Tin tức', singular: 'tin', folder: 'content/news', extension: 'mdx', schema: NewsSchema(cmsHelpers), template: 'news' },
  { name: 'stories', label: 'Câu chuyện', singular: 'câu chuyện', folder: 'content/stories', extension: 'mdx', schema: StorySchema(cmsHelpers), template: 'story' },
  { name: 'campaigns', label: 'Chiến dịch', singular: 'chiến dịch', folder: 'content/campaigns', extension: 'mdx', schema: CampaignSchema(cmsHelpers), template: 'campaign' },
  { name: 'glossary', label: 'Từ khó', singular: 'từ khó', folder: 'content/glossary', extension: 'md', schema: GlossarySchema() },
];

export interface CmsInput {
  /** "owner/name" of the GitHub repository. */
  repo: string;
  /** The public site (the CMS links to it) and its logo, shown on the sign-in page. */
  siteUrl?: string;
  logoUrl?: string;
  branch: string;
  /** Ids and names the selects offer (topics, places, lessons, metrics). */
  choices: Choices;
  /** Template texts by name (scripts/templates/<name>.mdx). */
  templates: Record<string, string>;
  /** The ids the templates' placeholders are filled with. */
  scaffold: ScaffoldContext;
}

export function cmsCollection(spec: CollectionSpec, input: CmsInput): Record<string, unknown> {
  const template = spec.template ? input.templates[spec.template] : undefined;
  const hints = template ? templateHints(renderTemplate(template, templateValues('', input.scaffold))) : {};
  const fields: CmsField[] = [...cmsFields(spec.schema, { choices: input.choices, hints, labels: FIELD_LABELS }), { name: 'body', label: FIELD_LABELS['body']!, widget: 'markdown' }];
  return {
    name: spec.name,
    label: spec.label,
    label_singular: spec.singular,
    folder: spec.folder,
    extension: spec.extension,
    format: 'frontmatter',
    create: true,
    slug: spec.slug ?? '{{slug}}',
    identifier_field: spec.name === 'glossary' ? 'term' : 'title',
    // Pictures go to content/images/ and are written as "../images/x.jpg", relative to the
    // entry, which is what the schemas' image() and the check read.
    media_folder: '../images',
    public_folder: '../images',
    fields,
  };
}

export function cmsConfig(input: CmsInput): Record<string, unknown> {
  return {
    backend: { name: 'github', repo: input.repo, branch: input.branch },
    ...(input.siteUrl ? { site_url: input.siteUrl } : {}),
    ...(input.logoUrl ? { logo_url: input.logoUrl } : {}),
    publish_mode: 'editorial_workflow',
    // No `locale:` here: Sveltia ignores it (and warns); src/lib/cms/ui-language.ts sets Vietnamese.
    // The CMS's own library of pictures (its "Assets" page); entries use the collections' setting.
    media_folder: 'content/images',
    public_folder: '/content/images',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // An optional field left empty is left out, as an editor writing by hand would: the schemas
    // refuse `minutes: null` and `helpPhone: ''`.
    output: { omit_empty_optional_fields: true },
    collections: COLLECTIONS.map((spec) => cmsCollection(spec, input)),
  };
}

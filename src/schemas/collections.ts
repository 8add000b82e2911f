import { parseYamlData } from '../lib/reading/yaml.ts';
import { GlossarySchema, CampaignSchema, IndicatorSchema, LessonSchema, NewsSchema, StorySchema, TranslationSchema } from './content.ts';
import type { CollectionName, SchemaHelpers } from './helpers.ts';
import { PlaceSchema } from './places.ts';
import { MetricSchema, TopicSchema } from './vocabularies.ts';
import type { z } from 'astro/zod';

/**
 * Where each collection lives under content/ and which schema validates it.
 * Shared by src/content.config.ts (Astro) and lib/content (npm run check, tests).
 */
export interface CollectionSource {
  name: CollectionName;
  /** "folder": one entry per file in content/<dir>/; "file": one YAML file holding every entry. */
  layout: 'folder' | 'file';
  /** Folder (layout folder) or file (layout file), relative to content/. */
  path: string;
  /** File extensions an entry may have (layout folder). */
  extensions: readonly string[];
  schema: (helpers: SchemaHelpers) => z.ZodType;
}

export const COLLECTIONS: readonly CollectionSource[] = [
  { name: 'lessons', layout: 'folder', path: 'lessons', extensions: ['.mdx'], schema: LessonSchema },
  { name: 'translations', layout: 'folder', path: 'translations', extensions: ['.mdx'], schema: TranslationSchema },
  { name: 'news', layout: 'folder', path: 'news', extensions: ['.mdx'], schema: NewsSchema },
  { name: 'stories', layout: 'folder', path: 'stories', extensions: ['.mdx'], schema: StorySchema },
  { name: 'campaigns', layout: 'folder', path: 'campaigns', extensions: ['.mdx'], schema: CampaignSchema },
  { name: 'places', layout: 'folder', path: 'places', extensions: ['.yaml', '.yml'], schema: PlaceSchema },
  { name: 'glossary', layout: 'folder', path: 'glossary', extensions: ['.md'], schema: () => GlossarySchema() },
  { name: 'topics', layout: 'file', path: 'topics.yaml', extensions: ['.yaml'], schema: () => TopicSchema() },
  { name: 'metrics', layout: 'file', path: 'metrics.yaml', extensions: ['.yaml'], schema: () => MetricSchema() },
  { name: 'indicators', layout: 'file', path: 'indicators.yaml', extensions: ['.yaml'], schema: IndicatorSchema },
];

/** Id of one indicator row: place, metric and day make it unique. */
export function indicatorId(row: { place?: unknown; metric?: unknown; date?: unknown }): string {
  const day = row.date instanceof Date ? row.date.toISOString().slice(0, 10) : String(row.date);
  return `${String(row.place)}--${String(row.metric)}--${day}`;
}

/**
 * Parse content/indicators.yaml (a list of rows) for Astro's file() loader, keyed by a
 * computed id: rows carry no id of their own, editors should not have to invent one.
 * (Duplicate rows would collapse here; the content check reports them first.)
 */
export function parseIndicatorsYaml(text: string): Record<string, Record<string, unknown>> {
  // The check's YAML settings (src/lib/reading/yaml.ts): dates stay as written, as the check reads them.
  const rows: unknown = parseYamlData(text, 'content/indicators.yaml');
  if (!Array.isArray(rows)) return {};
  return Object.fromEntries(rows.map((row: Record<string, unknown>) => [indicatorId(row), row]));
}

/** Parse a YAML map of id → fields (topics.yaml, metrics.yaml): the keys are the ids. */
export function parseVocabularyYaml(text: string): Record<string, Record<string, unknown>> {
  const map: unknown = parseYamlData(text, 'content (topics.yaml / metrics.yaml)');
  if (!map || typeof map !== 'object' || Array.isArray(map)) return {};
  return map as Record<string, Record<string, unknown>>;
}

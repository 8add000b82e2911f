// Wiring only: each collection gets its loader and its schema factory (src/schemas/).
import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import type { ImageMetadata } from 'astro';
import type { SchemaContext } from 'astro/content/config';
import type { z } from 'astro/zod';
import { parseIndicatorsYaml, parseVocabularyYaml } from './schemas/collections.ts';
import { CampaignSchema, GlossarySchema, IndicatorSchema, LessonSchema, NewsSchema, StorySchema, TranslationSchema } from './schemas/content.ts';
import type { SchemaHelpers } from './schemas/helpers.ts';
import { PlaceSchema } from './schemas/places.ts';
import { MetricSchema, TopicSchema } from './schemas/vocabularies.ts';
// Every folder collection is read by one loader, from the file list, split and YAML settings of
// `npm run check` (src/lib/article/loader.ts, issue 23).
import { articles, contentFolder } from './lib/article/loader.ts';

/** What a reference resolves to in Astro: the collection and the entry id. */
type EntryRef = { collection: string; id: string };

function helpers({ image }: SchemaContext): SchemaHelpers<ImageMetadata, EntryRef> {
  return {
    image: image as unknown as () => z.ZodType<ImageMetadata>,
    ref: (collection) => reference(collection) as unknown as z.ZodType<EntryRef>,
  };
}

export const collections = {
  lessons: defineCollection({ loader: articles('content/lessons'), schema: (ctx) => LessonSchema(helpers(ctx)) }),
  translations: defineCollection({ loader: articles('content/translations'), schema: (ctx) => TranslationSchema(helpers(ctx)) }),
  news: defineCollection({ loader: articles('content/news'), schema: (ctx) => NewsSchema(helpers(ctx)) }),
  stories: defineCollection({ loader: articles('content/stories'), schema: (ctx) => StorySchema(helpers(ctx)) }),
  campaigns: defineCollection({ loader: articles('content/campaigns'), schema: (ctx) => CampaignSchema(helpers(ctx)) }),
  places: defineCollection({ loader: contentFolder('places'), schema: (ctx) => PlaceSchema(helpers(ctx)) }),
  glossary: defineCollection({ loader: contentFolder('glossary'), schema: GlossarySchema() }),
  topics: defineCollection({ loader: file('./content/topics.yaml', { parser: parseVocabularyYaml }), schema: TopicSchema() }),
  metrics: defineCollection({ loader: file('./content/metrics.yaml', { parser: parseVocabularyYaml }), schema: MetricSchema() }),
  indicators: defineCollection({
    loader: file('./content/indicators.yaml', { parser: parseIndicatorsYaml }),
    schema: (ctx) => IndicatorSchema(helpers(ctx)),
  }),
};

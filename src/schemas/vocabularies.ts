import { z } from 'astro/zod';

/** A topic lessons are grouped by (content/topics.yaml). */
export const TopicSchema = () =>
  z.strictObject({
    /** Name shown on pages, e.g. "Trả tiền bằng điện thoại". */
    name: z.string().trim().min(2).max(60),
    /** One sentence on what the topic covers. */
    description: z.string().trim().min(10).max(200),
    /** Position in lists (smaller first). */
    order: z.number().int().min(0).default(100),
  });

/** Units the indicators can be expressed in. */
export const METRIC_UNITS = ['percent', 'count', 'billion-vnd'] as const;

/** A measured quantity (content/metrics.yaml). */
export const MetricSchema = () =>
  z.strictObject({
    /** Label on tables and charts, e.g. "Thuê bao di động". */
    label: z.string().trim().min(2).max(80),
    /** percent, count or billion-vnd. */
    unit: z.enum(METRIC_UNITS),
    /** Target the province set, in the same unit (e.g. 100 for "100% of residents"). */
    target: z.number().optional(),
    /** One sentence explaining what is counted. */
    description: z.string().trim().min(10).max(300),
  });

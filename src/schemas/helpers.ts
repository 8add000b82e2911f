import { z } from 'astro/zod';

/** Collections an entry can point at with a reference. */
export type CollectionName = 'lessons' | 'translations' | 'news' | 'stories' | 'campaigns' | 'places' | 'topics' | 'metrics' | 'indicators' | 'glossary';

/**
 * What a schema needs from its runtime. Astro passes its own `image()` and `reference()`;
 * `npm run check` and the tests pass stand-ins that keep the raw strings, and
 * lib/content/integrity.ts then checks that images exist and references resolve.
 * One schema, two runtimes, no drift.
 */
export interface SchemaHelpers<TImage = unknown, TRef = unknown> {
  image: () => z.ZodType<TImage>;
  ref: (collection: CollectionName) => z.ZodType<TRef>;
}

/** Stand-ins for plain Node: image paths and reference ids stay strings. */
export const nodeHelpers: SchemaHelpers = {
  image: () => z.string().min(1),
  ref: () => z.string().min(1),
};

export const SUMMARY_MAX = 160;
export const TITLE_MAX = 110;

/** A title: a short line of plain text. */
export const title = () => z.string().trim().min(3).max(TITLE_MAX);

/** A summary shown under titles, in search results and link previews. */
export const summary = () => z.string().trim().min(10).max(SUMMARY_MAX);

/**
 * A calendar day written YYYY-MM-DD. YAML may already have turned it into a Date; a quoted
 * string is accepted too, so editors are not punished for quotes.
 */
export const day = () =>
  z
    .preprocess((value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value), z.string({ error: 'invalid_day' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_day' }))
    .transform((value, ctx) => {
      const date = new Date(`${value}T00:00:00Z`);
      // Reject impossible days such as 2025-02-30 (Date would roll them over to March).
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: 'custom', message: 'invalid_day' });
        return z.NEVER;
      }
      return date;
    })
    // The CMS form shows a date picker for it (src/lib/cms/fields.ts).
    .meta({ cms: 'day' });

/** A source for attribution: who said it, and where a reader can check it. */
export const source = () =>
  z.strictObject({
    /** Name of the source, e.g. "Báo Quảng Ninh". */
    name: z.string().trim().min(2),
    /** Link to the original, when there is one online. */
    url: z.url({ protocol: /^https?$/ }).optional(),
  });

/**
 * One source a fact was checked against (issue 24): the page or document, who published it,
 * its https address, the day it was published when known, and the day an editor read it.
 */
export const citation = () =>
  z.strictObject({
    /** Title of the page or document, e.g. "Hướng dẫn kích hoạt tài khoản định danh điện tử". */
    name: z.string().trim().min(3).max(200),
    /** Who published it, e.g. "Bộ Công an", "Báo Quảng Ninh", "EVNNPC". */
    publisher: z.string().trim().min(2).max(120),
    /** Its address; https only, so a reader's phone opens the real page. */
    url: z.url({ protocol: /^https$/ }),
    /** Day it was published, when the page gives one. */
    published: day().optional(),
    /** Day an editor last read it. */
    read: day(),
  });

/** Where the facts of an entry come from: one or more sources. */
export const citations = () => z.array(citation()).min(1);

/** Longest `noAddress` note: one sentence saying why a press article has no address yet. */
export const NO_ADDRESS_MAX = 200;

/**
 * A press article as a source of figures and reports (indicators, news, stories, campaigns, places): the same
 * fields as `citation`, but an article the project read without finding its web address (the
 * seed article of Báo Quảng Ninh) may say so in `noAddress` instead of `url`. Exactly one of
 * the two: a source nobody can find again is refused, and `npm run check` warns for every
 * `noAddress` so the address is looked for again. Lessons keep `citation`: steps need a page.
 */
export const pressCitation = () =>
  z
    .strictObject({
      /** Title of the page or article. */
      name: z.string().trim().min(3).max(200),
      /** Who published it, e.g. "Báo Quảng Ninh". */
      publisher: z.string().trim().min(2).max(120),
      /** Its address; https only. */
      url: z.url({ protocol: /^https$/ }).optional(),
      /** Instead of `url`, when no web address was found: why, in one sentence (shown to readers). */
      noAddress: z.string().trim().min(10).max(NO_ADDRESS_MAX).optional(),
      /** Day it was published, when known. */
      published: day().optional(),
      /** Day an editor last read it. */
      read: day(),
    })
    .superRefine((source, ctx) => {
      if (source.url === undefined && source.noAddress === undefined) {
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'source_needs_address' });
      }
      if (source.url !== undefined && source.noAddress !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['noAddress'], message: 'source_address_and_no_address' });
      }
    });

/** The sources of a figure or a report: one or more press citations. */
export const pressCitations = () => z.array(pressCitation()).min(1);

/**
 * A quotation in a story (issue 24): the words exactly as the source prints them, who said them,
 * and the source a reader can check. A paraphrase is not a quotation: write it in the text.
 */
export const quotation = () =>
  z.strictObject({
    /** The words, verbatim, without the quotation marks. */
    text: z.string().trim().min(10).max(400),
    /** Who said them, by name (public officials only), e.g. "Ông Hoàng Việt Tùng". */
    speaker: z.string().trim().min(2).max(80),
    /** Their role when they said it, e.g. "Bí thư Đảng ủy, Chủ tịch UBND xã Đại Dực". */
    role: z.string().trim().min(2).max(120).optional(),
    /** The article that prints the words (https). */
    source: citation(),
  });

/** A cover picture: an image file next to the content and its description for blind readers. */
export const cover = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z.strictObject({
    /** Path to the image, relative to the content file (e.g. ../images/vneid-tren-dien-thoai.png). */
    src: helpers.image(),
    /** What the picture shows, in a sentence (for screen readers and when images are off). */
    alt: z.string().trim().min(5).max(200),
  });

/** The field holding an article body's pictures (see bodyImages). */
export const BODY_IMAGES_FIELD = 'bodyImages';

/**
 * The pictures of an article's body (![alt](../images/x.png)), in the order they appear: filled
 * by the build's loader (src/lib/article/loader.ts) from the rendered body, never by an editor.
 * Typed with image() like a cover, so Astro resolves each path against the entry's file and
 * ArticleBody.astro gets the picture's ImageMetadata for its <picture>. The check refuses it in
 * a frontmatter and the CMS does not show it (BUILD_FIELDS).
 */
export const bodyImages = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z
    .array(
      z.strictObject({
        /** As written in the body, relative to the article's file. */
        src: helpers.image(),
        /** The picture's alt text, as written in the body. */
        alt: z.string(),
      }),
    )
    .optional();

/** Fields of a schema that the build fills and editors never write. */
export const BUILD_FIELDS: readonly string[] = [BODY_IMAGES_FIELD];

/** BCP 47 tags of the languages the site may carry (FACTS.md: never "daz"; table in CONTRIBUTING.md). */
export const LANGUAGES = ['vi', 'tyz', 'ium', 'mji', 'mlc'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a phone records in (m4a, 3gp-style amr, mp3, ogg/opus, wav); the build converts it. */
export const RECORDING_EXTENSIONS = ['m4a', 'mp3', 'ogg', 'opus', 'wav', 'amr', 'aac'] as const;
export const RECORDING_MAX_MB = 50;
export const RECORDING_MIN_SECONDS = 5;
export const RECORDING_MAX_MINUTES = 20;

/**
 * A recording in content/audio/, read aloud by a person: the build makes it small (Opus and
 * MP3, src/lib/audio/); the raw file is never published.
 */
export const recording = () =>
  z.strictObject({
    /** File name in content/audio/, e.g. cai-vneid-giong-doc-chi-lan.m4a (lower case, no spaces). */
    file: z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]*\\.(${RECORDING_EXTENSIONS.join('|')})$`)),
    /** Who read it aloud (their name or public role). */
    reader: z.string().trim().min(2).max(80),
    /** Day it was recorded. */
    recorded: day(),
    /** Language spoken in the recording. */
    lang: z.enum(LANGUAGES),
  });

/** Longest `who` of a contact: "Công an xã Bình Liêu: 0203 …" must stay one line on the leaflet. */
export const CONTACT_WHO_MAX = 45;

/**
 * A phone number residents can call, as content with its source (issue 25): who answers, what
 * for, the number as digits, the pages that state it and the day an editor checked it. A number
 * without `sources:` is refused: a wrong number sends a resident's call to a stranger.
 */
export const contact = () =>
  z.strictObject({
    /** Who answers, e.g. "Công an xã Bình Liêu", "Tổng đài Bảo hiểm xã hội Việt Nam". */
    who: z.string().trim().min(3).max(CONTACT_WHO_MAX),
    /** What to call about, in plain words, e.g. "Hỏi về thẻ bảo hiểm y tế, lương hưu". */
    what: z.string().trim().min(5).max(120),
    /** The number as digits, as dialled ("113", "19009068", "02033878123"); spaces and dots are ignored. */
    phone: z.preprocess((value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/[\s.]/g, '') : value), z.string().regex(/^\d{3,11}$/)),
    /** What a caller should know first, e.g. "Miễn phí", "Cước 1.000 đồng một phút". */
    note: z.string().trim().min(3).max(80).optional(),
    /** The pages that state this number (same format as a lesson's sources). */
    sources: citations(),
    /** The day an editor last checked the number against its source. */
    checked: day(),
  });

/** Numbers to call, first the most useful. */
export const contacts = () => z.array(contact()).max(8).default([]);

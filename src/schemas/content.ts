import { z } from 'astro/zod';
import { BODY_IMAGES_FIELD, bodyImages, citations, contacts, cover, day, LANGUAGES, pressCitations, quotation, recording, source, summary, title, type SchemaHelpers } from './helpers.ts';

/** The meeting pack's follow-up sheet (issue 27): at most this many columns of its own, each at most this many characters, so it prints on one A4 page beside name, village and phone. */
export const FOLLOW_UP_COLUMNS_MAX = 3;
export const FOLLOW_UP_LABEL_MAX = 20;

export const LESSON_LEVELS = ['co-ban', 'nang-cao'] as const;

/** Settings of a loudspeaker script (bài phát thanh): pace and translations from editors. */
export const broadcast = () =>
  z.strictObject({
    /** Reading pace in syllables a minute (default 190: slow, clear outdoor reading). */
    pace: z.number().int().min(100).max(300).optional(),
    /** The script in a local minority language, written by an editor who speaks it. */
    translations: z
      .array(
        z.strictObject({
          /** Language tag: tyz (Tày), ium (Dao Iu Mien), mji (Dao Kim Mun), mlc (Sán Chay Cao Lan). */
          lang: z.enum(LANGUAGES).exclude(['vi']),
          /** The whole script as it is read aloud; a blank line between paragraphs. */
          text: z.string().trim().min(20).max(4000),
        }),
      )
      .default([]),
  });

/** Residents' own words for a task, indexed for search with a title's weight (docs/search.md). */
const searchTerms = () => z.array(z.string().trim().min(2).max(60)).max(20).default([]);
const keyPoints = () => z.array(z.string().trim().min(5).max(90)).min(3).max(5);
const leafletTip = () => z.string().trim().min(10).max(160);
const person = () => z.string().trim().min(2).max(80);
/** Where to go for a task: a place residents know ("công an xã") and the words naming the task done there ("mức 2"). */
const goTo = () =>
  z.strictObject({
    /** The place, in the words of src/lib/content/consistency.ts PLACES: "công an xã", "họp thôn", "UBND xã"… */
    place: z.string().trim().min(3).max(60),
    /** Words that name the task done there, as the campaign would write them ("mức 2", "đăng ký tài khoản định danh"). */
    for: z.array(z.string().trim().min(2).max(60)).min(1).max(6),
  });
const bring = () => z.array(z.string().trim().min(2).max(60)).min(1).max(8);

/** A how-to lesson (content/lessons/<slug>.mdx). */
export const LessonSchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z.strictObject({
    /** The question or task, in plain words: "Cài đặt và kích hoạt VNeID mức 2". */
    title: title(),
    /** One or two sentences (at most 160 characters) shown in lists and search results. */
    summary: summary(),
    /** Topic id from content/topics.yaml. */
    topic: helpers.ref('topics'),
    /** co-ban (first steps) or nang-cao (for people who already use a smartphone). */
    level: z.enum(LESSON_LEVELS),
    /** Minutes to read; computed from the text when left out. */
    minutes: z.number().int().min(1).max(60).optional(),
    /** Day the text was last changed. */
    updated: day(),
    /** Day someone last followed the steps against the real app or office. */
    reviewed: day(),
    /** Where each step, number and name comes from: official guides, the provider, the press. */
    sources: citations(),
    /** Picture at the top of the lesson. */
    cover: cover(helpers).optional(),
    /** 3 to 5 short lines for the printed leaflet: the steps or the key points. */
    keyPoints: keyPoints(),
    /** One tip or warning for the leaflet. */
    leafletTip: leafletTip(),
    /** Phone number residents can call for help with this task (hotline), as digits: only when it is also one of `contacts:` (which carry the source). */
    helpPhone: z
      .string()
      .regex(/^[0-9 .]{3,15}$/)
      .optional(),
    /** Service hotlines for this task, each with its source; the first is printed on the leaflet and read in the script. */
    contacts: contacts(),
    /** Where residents must go themselves for this task, and the words that name the task (src/lib/content/consistency.ts). */
    goTo: goTo().optional(),
    /** What residents bring there (short names: "căn cước gắn chip", "điện thoại"). */
    bring: bring().optional(),
    /** Places the lesson is aimed at (empty: everyone). */
    places: z.array(helpers.ref('places')).default([]),
    /** The task in a resident's words, 3 to 40 characters ("Trả tiền điện"): the lesson is then one of the home page's large task links. */
    homeTask: z.string().trim().min(3).max(40).optional(),
    /** Words residents use for this task, as they type them ("nộp tiền điện", "EVN", "CCCD"): search finds the lesson by them first. */
    searchTerms: searchTerms(),
    /** A person reading this lesson aloud (a file in content/audio/); the page's text is its transcript. */
    audio: recording().optional(),
    /** Loudspeaker script settings: pace, translations, a recording of the script being read. */
    broadcast: broadcast()
      .extend({
        /** The script read aloud (content/audio/): played on the script page, downloadable as MP3 for the loudspeaker. */
        audio: recording().optional(),
      })
      .optional(),
    /** The body's pictures: filled by the build, never written here (src/schemas/helpers.ts). */
    [BODY_IMAGES_FIELD]: bodyImages(helpers),
  });

/**
 * A lesson written in another language by someone who speaks it, checked by a second person
 * (content/translations/<lesson>.<lang>.mdx). Its text replaces the lesson's; topic, places,
 * cover and help phone come from the Vietnamese lesson.
 */
export const TranslationSchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z
    .strictObject({
      /** Id of the Vietnamese lesson (its file name in content/lessons/ without .mdx). */
      lesson: helpers.ref('lessons'),
      /** Language of this version: tyz (Tày), ium (Dao Iu Mien), mji (Dao Kim Mun), mlc (Sán Chay Cao Lan). */
      lang: z.enum(LANGUAGES).exclude(['vi']),
      /** The lesson's title, in this language. */
      title: title(),
      /** The summary, in this language (at most 160 characters). */
      summary: summary(),
      /** The leaflet's 3 to 5 lines, in this language. */
      keyPoints: keyPoints(),
      /** The leaflet's tip, in this language. */
      leafletTip: leafletTip(),
      /** Who wrote this version (a speaker of the language). */
      translatedBy: person(),
      /** Who read it through and checked it against the Vietnamese lesson (a second speaker). */
      checkedBy: person(),
      /** Day the translation was finished (or last brought in line with the Vietnamese lesson). */
      translated: day(),
      /** A person reading this version aloud (content/audio/). */
      audio: recording().optional(),
      /** The translator's own loudspeaker script in this language. */
      broadcast: z
        .strictObject({
          /** The whole script as it is read aloud; a blank line between paragraphs. */
          text: z.string().trim().min(20).max(4000),
          /** The script read aloud (content/audio/). */
          audio: recording().optional(),
        })
        .optional(),
      /** The body's pictures: filled by the build, never written here (src/schemas/helpers.ts). */
      [BODY_IMAGES_FIELD]: bodyImages(helpers),
    })
    .superRefine((translation, ctx) => {
      if (translation.checkedBy.toLocaleLowerCase('vi') === translation.translatedBy.toLocaleLowerCase('vi')) {
        ctx.addIssue({ code: 'custom', path: ['checkedBy'], message: 'checker_is_translator' });
      }
    });

/** A news item (content/news/<slug>.mdx). */
export const NewsSchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z.strictObject({
    /** Headline. */
    title: title(),
    /** One or two sentences (at most 160 characters). */
    summary: summary(),
    /** Day of the event or of publication. */
    date: day(),
    /** Places the news is about. */
    places: z.array(helpers.ref('places')).default([]),
    /** Every source the facts were checked against. */
    sources: pressCitations().optional(),
    /** Who reported it first (required: we attribute every figure). */
    source: source(),
    /** Picture at the top. */
    cover: cover(helpers).optional(),
    /** The body's pictures: filled by the build, never written here (src/schemas/helpers.ts). */
    [BODY_IMAGES_FIELD]: bodyImages(helpers),
  });

/** Channels used to reach residents. */
export const CHANNELS = ['zalo', 'loudspeaker', 'village-meeting', 'tech-team', 'youth-union', 'e-portal', 'social-media'] as const;

/** A success story (content/stories/<slug>.mdx). */
export const StorySchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z.strictObject({
    /** Headline. */
    title: title(),
    /** One or two sentences (at most 160 characters). */
    summary: summary(),
    /** The place the story happened in, as it was named then. */
    place: helpers.ref('places'),
    /** Day the story was told or the figures were given. */
    date: day(),
    /** How the message reached people: zalo, loudspeaker, village-meeting, tech-team, youth-union, e-portal, social-media. */
    channels: z.array(z.enum(CHANNELS)).min(1),
    /** Figures the story highlights: a metric id and its value. */
    highlights: z
      .array(
        z.strictObject({
          /** Metric id from content/metrics.yaml. */
          metric: helpers.ref('metrics'),
          /** The value, in the metric's unit. */
          value: z.number(),
          /** Words like "hơn" or "gần" that go before the number. */
          qualifier: z.enum(['hơn', 'gần', 'khoảng']).optional(),
        }),
      )
      .default([]),
    /** Real quotations: the words as the source prints them, who said them, and where (issue 24). */
    quotes: z.array(quotation()).max(5).default([]),
    /** Every source the facts were checked against. */
    sources: pressCitations().optional(),
    /** Who reported the facts. */
    source: source(),
    /** Picture at the top. */
    cover: cover(helpers).optional(),
    /** The body's pictures: filled by the build, never written here (src/schemas/helpers.ts). */
    [BODY_IMAGES_FIELD]: bodyImages(helpers),
  });

/** A communication campaign (content/campaigns/<slug>.mdx). */
export const CampaignSchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z
    .strictObject({
      /** Name of the campaign. */
      title: title(),
      /** One or two sentences (at most 160 characters). */
      summary: summary(),
      /** First day. */
      start: day(),
      /** Last day. */
      end: day(),
      /** What the campaign wants to achieve, in one sentence. */
      goal: z.string().trim().min(10).max(200),
      /** Words residents use for what the campaign is about: search finds it by them. */
      searchTerms: searchTerms(),
      /** Lessons the campaign pushes, by id. */
      lessons: z.array(helpers.ref('lessons')).min(1),
      /** Places it runs in. */
      places: z.array(helpers.ref('places')).min(1),
      /** Short texts for the commune loudspeaker. */
      announcements: z
        .array(
          z.strictObject({
            /** Short title of the announcement. */
            title: z.string().trim().min(3).max(80),
            /** The message, 3 to 4 short sentences. */
            text: z.string().trim().min(20).max(600),
            /** The announcement read aloud (content/audio/), for the loudspeaker and Zalo. */
            audio: recording().optional(),
          }),
        )
        .default([]),
      /** The village meeting: agenda, what to bring, frequent questions. */
      meeting: z
        .strictObject({
          /** Agenda items with their length in minutes. */
          agenda: z.array(z.strictObject({ minutes: z.number().int().min(1).max(120), item: z.string().trim().min(3) })).min(1),
          /** What residents should bring. */
          bring: z.array(z.string().trim().min(2)).min(1),
          /** Frequent questions and their answers. */
          faq: z.array(z.strictObject({ question: z.string().trim().min(5), answer: z.string().trim().min(5) })).default([]),
          /**
           * Columns of the follow-up sheet after name, village and phone (issue 27): what the
           * agenda ends with checking, e.g. ["Đã có mức 2", "Cần giúp tại nhà"]. Short, and few,
           * so the sheet stays one A4 page; left out, the sheet asks "Đã làm xong / Cần giúp tại nhà".
           */
          followUp: z.array(z.string().trim().min(2).max(FOLLOW_UP_LABEL_MAX)).min(1).max(FOLLOW_UP_COLUMNS_MAX).optional(),
        })
        .optional(),
      /** Every source the campaign's facts were checked against. */
      sources: pressCitations().optional(),
      /**
       * Where the campaign changes a lesson's steps (where to go, what to bring), said out loud:
       * the campaign page, its meeting pack and its scripts print this instead of the lesson's.
       */
      variants: z
        .array(
          z.strictObject({
            /** The lesson whose steps change (one of `lessons:`). */
            lesson: helpers.ref('lessons'),
            /** Where to go instead, for the lesson's task. */
            goTo: z.string().trim().min(3).max(60).optional(),
            /** What to bring instead. */
            bring: bring().optional(),
            /** Why, in one sentence residents understand: "Công an xã về làm tại buổi họp thôn ngày 12/10." */
            why: z.string().trim().min(10).max(200),
          }),
        )
        .default([]),
      /** Loudspeaker script settings for the announcements: pace, translations. */
      broadcast: broadcast().optional(),
      /** The body's pictures: filled by the build, never written here (src/schemas/helpers.ts). */
      [BODY_IMAGES_FIELD]: bodyImages(helpers),
    })
    .superRefine((campaign, ctx) => {
      if (campaign.end < campaign.start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'end_before_start' });
      }
    });

/** A figure for a place at a date (one row of content/indicators.yaml). */
export const IndicatorSchema = <TImage, TRef>(helpers: SchemaHelpers<TImage, TRef>) =>
  z.strictObject({
    /** Place id. */
    place: helpers.ref('places'),
    /** Metric id from content/metrics.yaml. */
    metric: helpers.ref('metrics'),
    /** The value, in the metric's unit. */
    value: z.number(),
    /** Words like "hơn" or "gần" that go before the number. */
    qualifier: z.enum(['hơn', 'gần', 'khoảng']).optional(),
    /** Day the figure refers to (or the day it was published). */
    date: day(),
    /** When the exact day is not known: what the date stands for, e.g. "số liệu trước 1/7/2025". */
    dateNote: z.string().trim().max(120).optional(),
    /** Who published the figure (the name said with it: "Theo Báo Quảng Ninh"). */
    source: source(),
    /** The articles or pages that print the figure (issue 24); refused when missing. */
    sources: pressCitations(),
  });

/** A glossary term (content/glossary/<id>.md). */
export const GlossarySchema = () =>
  z.strictObject({
    /** The term as written, e.g. "VNeID". */
    term: z.string().trim().min(1).max(60),
    /** Other spellings readers may search for. */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** A one-sentence definition in plain words. */
    summary: summary(),
  });

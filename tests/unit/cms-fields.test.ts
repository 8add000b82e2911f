// Issue 15, first step: the CMS form's fields come from the zod schemas. This test fails when a
// schema field has no CMS field, when "required" disagrees, or when a length or count limit of
// the form accepts what the schema refuses (or the other way round).
import { describe, expect, it } from 'vitest';
import { cmsFields, cmsHelpers, lengthLimits, type CmsField } from '../../src/lib/cms/fields.ts';
import { templateHints } from '../../src/lib/cms/hints.ts';
import { preferVietnamese, SVELTIA_PREFS_KEY } from '../../src/lib/cms/ui-language.ts';
import { CampaignSchema, GlossarySchema, LessonSchema, NewsSchema, StorySchema, TranslationSchema } from '../../src/schemas/content.ts';
import { BODY_IMAGES_FIELD, BUILD_FIELDS } from '../../src/schemas/helpers.ts';
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';

const context = { choices: { topics: [{ value: 'thanh-toan', label: 'Thanh toán' }], places: [{ value: 'xa-binh-lieu', label: 'Xã Bình Liêu' }], lessons: [{ value: 'bai-mau', label: 'Bài mẫu' }], metrics: [] }, hints: {}, labels: {} };

const SCHEMAS: Record<string, z.ZodType> = {
  lessons: LessonSchema(cmsHelpers),
  translations: TranslationSchema(cmsHelpers),
  news: NewsSchema(cmsHelpers),
  stories: StorySchema(cmsHelpers),
  campaigns: CampaignSchema(cmsHelpers),
  glossary: GlossarySchema(),
};

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** The object schema inside optional/default wrappers, or undefined. */
function objectInside(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: z.ZodType | undefined = schema;
  for (let guard = 0; guard < 10 && current; guard++) {
    const def = defOf(current);
    if (def.type === 'object') return def.shape;
    if (def.type === 'array') return undefined;
    current = def.innerType ?? def.in;
  }
  return undefined;
}

function walk(shape: Record<string, z.ZodType>, fields: CmsField[], at: string, visit: (path: string, schema: z.ZodType, field: CmsField | undefined) => void): void {
  for (const [name, schema] of Object.entries(shape)) {
    // Filled by the build, never by an editor: the form has no field for them (tested below).
    if (!at && BUILD_FIELDS.includes(name)) continue;
    const field = fields.find((f) => f.name === name);
    visit(`${at}${name}`, schema, field);
    const nested = objectInside(schema);
    if (nested && field) walk(nested, field.fields ?? [], `${at}${name}.`, visit);
  }
}

describe.each(Object.entries(SCHEMAS))('CMS fields of %s', (collection, schema) => {
  const fields = cmsFields(schema, context);
  const shape = defOf(schema).shape!;

  it('have one field per schema field, required exactly when the schema requires it', () => {
    const problems: string[] = [];
    walk(shape, fields, '', (path, fieldSchema, field) => {
      if (!field) return problems.push(`${collection}.${path}: no CMS field`);
      const optional = fieldSchema.safeParse(undefined).success;
      if (field.required === optional) problems.push(`${collection}.${path}: required=${field.required} but the schema ${optional ? 'allows' : 'refuses'} leaving it out`);
      return undefined;
    });
    expect(problems).toEqual([]);
  });

  it('accept and refuse the same lengths as the schema at every limit', () => {
    const problems: string[] = [];
    walk(shape, fields, '', (path, fieldSchema, field) => {
      if (!field?.pattern) return;
      const pattern = new RegExp(field.pattern[0]);
      const inner = unwrapped(fieldSchema);
      const { min, max } = lengthLimits(inner);
      if (min === undefined && max === undefined) return;
      for (const length of [min, max].flatMap((n) => (n === undefined ? [] : [n - 1, n, n + 1])).filter((n) => n >= 0)) {
        const value = 'ă'.repeat(length);
        const schemaSays = inner.safeParse(value).success;
        if (pattern.test(value) !== schemaSays) problems.push(`${collection}.${path}: ${length} characters: schema ${schemaSays ? 'accepts' : 'refuses'}, form ${schemaSays ? 'refuses' : 'accepts'}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('carry the schema’s list counts (min/max items)', () => {
    const problems: string[] = [];
    walk(shape, fields, '', (path, fieldSchema, field) => {
      const inner = unwrapped(fieldSchema);
      if (defOf(inner).type !== 'array' || !field) return;
      const { min, max } = lengthLimits(inner);
      if (field.min !== min || field.max !== max) problems.push(`${collection}.${path}: form ${field.min}–${field.max}, schema ${min}–${max}`);
    });
    expect(problems).toEqual([]);
  });
});

function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let guard = 0; guard < 10; guard++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default') current = def.innerType!;
    else break;
  }
  return current;
}

describe('fields the build fills', () => {
  it("are in the article schemas but not in the form, so an editor never writes the body's pictures by hand", () => {
    for (const name of ['lessons', 'translations', 'news', 'stories', 'campaigns']) {
      expect(Object.keys(defOf(SCHEMAS[name]!).shape!), name).toContain(BODY_IMAGES_FIELD);
      expect(
        cmsFields(SCHEMAS[name]!, context).map((field) => field.name),
        name,
      ).not.toContain(BODY_IMAGES_FIELD);
    }
  });
});

describe('hints', () => {
  it('are the comments of the npm run new templates, so form and template say the same', () => {
    const hints = templateHints(readFileSync('scripts/templates/lesson.mdx', 'utf8'));
    expect(hints['summary']).toBe('Một hai câu tóm tắt (10 đến 160 ký tự), hiện trong danh sách bài và kết quả tìm kiếm.');
    expect(hints['contacts']).toMatch(/^Số điện thoại bà con gọi khi cần giúp \(không bắt buộc\): .* và ngày bạn đối chiếu\. Số không có nguồn thì kiểm tra nội dung từ chối\./);
    expect(hints['cover']).toBe('Ảnh đầu bài (không bắt buộc): tải ảnh lên content/images/. alt là một câu tả ảnh cho người không xem được ảnh.');
    expect(Object.keys(hints)).toEqual(expect.arrayContaining(['title', 'topic', 'level', 'updated', 'keyPoints', 'leafletTip', 'places', 'sources', 'reviewed']));
  });
});

describe('widgets', () => {
  it('are a date picker for days, a select for topics and places, an image picker for covers', () => {
    const fields = cmsFields(SCHEMAS['lessons']!, context);
    const byName = (name: string) => fields.find((field) => field.name === name)!;
    expect(byName('updated')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(byName('topic')).toMatchObject({ widget: 'select', options: [{ value: 'thanh-toan', label: 'Thanh toán' }] });
    expect(byName('places')).toMatchObject({ widget: 'select', multiple: true, required: false });
    expect(byName('cover').fields?.find((field) => field.name === 'src')).toMatchObject({ widget: 'image' });
    expect(byName('keyPoints')).toMatchObject({ widget: 'list', min: 3, max: 5 });
  });
});

describe('the interface language', () => {
  const storage = (saved?: string) => {
    const items = new Map<string, string>(saved === undefined ? [] : [[SVELTIA_PREFS_KEY, saved]]);
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
  };

  it('is Vietnamese on a first visit, whatever the phone is set to, keeping other preferences', () => {
    const fresh = storage();
    preferVietnamese(fresh);
    expect(JSON.parse(fresh.items.get(SVELTIA_PREFS_KEY)!)).toEqual({ locale: 'vi' });
    const themed = storage('{"theme":"dark"}');
    preferVietnamese(themed);
    expect(JSON.parse(themed.items.get(SVELTIA_PREFS_KEY)!)).toEqual({ theme: 'dark', locale: 'vi' });
  });

  it('stays what the editor chose in the settings, and survives unreadable preferences', () => {
    const chosen = storage('{"locale":"en"}');
    preferVietnamese(chosen);
    expect(chosen.items.get(SVELTIA_PREFS_KEY)).toBe('{"locale":"en"}');
    const broken = storage('{not json');
    preferVietnamese(broken);
    expect(JSON.parse(broken.items.get(SVELTIA_PREFS_KEY)!)).toEqual({ locale: 'vi' });
  });
});

describe('the whole configuration', () => {
  it('has every editable collection, the editorial workflow, Vietnamese, and translations named <lesson>.<lang>', async () => {
    const { cmsConfig } = await import('../../src/lib/cms/config.ts');
    const templates = Object.fromEntries(['lesson', 'news', 'story', 'campaign'].map((name) => [name, readFileSync(`scripts/templates/${name}.mdx`, 'utf8')]));
    const config = cmsConfig({ repo: 'ban-so/ban-so', branch: 'main', choices: context.choices, templates, scaffold: { topics: ['thanh-toan'], places: ['xa-binh-lieu'], lessons: ['bai-mau'], now: new Date('2026-12-01') } }) as {
      publish_mode: string;
      collections: Array<{ name: string; folder: string; slug: string; media_folder: string; public_folder: string; fields: CmsField[] }>;
    };
    expect(config.publish_mode).toBe('editorial_workflow');
    // Sveltia ignores `locale:` and warns; the interface language is set by ui-language.ts.
    expect(config).not.toHaveProperty('locale');
    // Pictures land in content/images/ and are written "../images/x.jpg", as the schemas read them.
    expect(new Set(config.collections.map((c) => `${c.folder}/${c.media_folder} ${c.public_folder}`.replace(/content\/\w+\/\.\./, 'content')))).toEqual(new Set(['content/images ../images']));
    expect(config.collections.map((c) => c.name)).toEqual(['lessons', 'translations', 'news', 'stories', 'campaigns', 'glossary']);
    expect(config.collections.find((c) => c.name === 'translations')?.slug).toBe('{{fields.lesson}}.{{fields.lang}}');
    const lessons = config.collections[0]!;
    expect(lessons.fields.at(-1)).toEqual({ name: 'body', label: 'Nội dung', widget: 'markdown' });
    expect(lessons.fields.find((f) => f.name === 'summary')).toMatchObject({ label: 'Tóm tắt', hint: 'Một hai câu tóm tắt (10 đến 160 ký tự), hiện trong danh sách bài và kết quả tìm kiếm.' });
    // A select offers the topics by name: the template's list of codes is not repeated under it.
    expect(lessons.fields.find((f) => f.name === 'topic')?.hint).toBe('Mã chủ đề trong content/topics.yaml.');
    // Issue 24: where the facts come from and the day the steps were last followed, in Vietnamese, with the hint.
    const sources = lessons.fields.find((f) => f.name === 'sources')!;
    expect(sources).toMatchObject({ widget: 'list', label: 'Nguồn đã đối chiếu', min: 1 });
    expect(sources.hint).toMatch(/^Nguồn đã đối chiếu: trang hay văn bản chính thức .*https:\/\//);
    expect(sources.fields?.map((f) => [f.name, f.label, f.widget, f.required])).toEqual([
      ['name', 'Tên', 'text', true],
      ['publisher', 'Nơi đăng (cơ quan, tờ báo)', 'string', true],
      ['url', 'Đường dẫn', 'string', true],
      ['published', 'Ngày đăng', 'datetime', false],
      ['read', 'Ngày đọc', 'datetime', true],
    ]);
    expect(sources.fields?.find((f) => f.name === 'url')?.pattern?.[0]).toBe('^\\s*https://\\S+\\s*$');
    expect(lessons.fields.find((f) => f.name === 'reviewed')).toMatchObject({ label: 'Ngày kiểm tra lại các bước', widget: 'datetime', format: 'YYYY-MM-DD' });
    expect(lessons.fields.find((f) => f.name === 'reviewed')?.hint).toMatch(/Quá 6 tháng/);
    expect(lessons.fields.find((f) => f.name === 'source')).toBeUndefined();
    // Placeholders of the template are filled in, never shown as {{…}}.
    expect(JSON.stringify(config)).not.toMatch(/\{\{(topics|place|today)\}\}/);
  });
});

/**
 * CMS fields (Decap CMS's configuration, which Sveltia CMS reads too) generated from our zod
 * schemas: one source for the check, Astro and the form, so a limit is never written twice.
 * References and images are recognised through the helpers passed to the schema factories
 * (cmsHelpers), dates through the `day` marker set in src/schemas/helpers.ts.
 */
import { z } from 'astro/zod';
import { BUILD_FIELDS, type CollectionName, type SchemaHelpers } from '../../schemas/helpers.ts';

/** One field of the CMS configuration (the subset of Decap's widgets we use). */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'select' | 'datetime' | 'list' | 'object' | 'image' | 'file' | 'markdown' | 'hidden';
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: Array<{ label: string; value: string }>;
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  field?: CmsField;
  fields?: CmsField[];
  date_format?: string;
  time_format?: boolean;
  format?: string;
  picker_utc?: boolean;
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  summary?: string;
}

/** What a field's widget needs from content/: the ids a reference may take, with their names. */
export type Choices = Partial<Record<CollectionName, Array<{ value: string; label: string }>>>;

export interface FieldContext {
  choices: Choices;
  /** Hints in Vietnamese by field name (from the `npm run new` templates), else the field's own words. */
  hints: Record<string, string>;
  /** Labels in Vietnamese by field name. */
  labels: Record<string, string>;
}

type Def = Record<string, unknown> & { type: string; checks?: Array<{ _zod: { def: Record<string, unknown> } }> };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const metaOf = (schema: unknown): Record<string, unknown> | undefined => z.globalRegistry.get(schema as z.ZodType) as Record<string, unknown> | undefined;
const checks = (def: Def) => (def.checks ?? []).map((check) => check._zod.def);

/** Schema helpers whose references and images say what they are (for the CMS). */
export const cmsHelpers: SchemaHelpers = {
  image: () => z.string().meta({ cms: 'image' }),
  ref: (collection) => z.string().meta({ cms: 'ref', collection }),
};

/** Length limits of a string or list, from its checks. */
export function lengthLimits(schema: unknown): { min?: number | undefined; max?: number | undefined } {
  const def = defOf(schema);
  let min: number | undefined;
  let max: number | undefined;
  for (const check of checks(def)) {
    if (check['check'] === 'min_length') min = Number(check['minimum']);
    if (check['check'] === 'max_length') max = Number(check['maximum']);
  }
  return { min, max };
}

/** The regex of a string schema, when it has one. */
function regexOf(schema: unknown): RegExp | undefined {
  for (const check of checks(defOf(schema))) if (check['format'] === 'regex') return check['pattern'] as RegExp;
  return undefined;
}

/** Peel optional/default/pipe wrappers: the schema the editor's value must satisfy, and whether it may be left out. */
function unwrap(schema: unknown): { inner: unknown; optional: boolean; fallback?: unknown } {
  let current = schema;
  let optional = false;
  let fallback: unknown;
  for (let guard = 0; guard < 10; guard++) {
    if (metaOf(current)?.['cms']) break;
    const def = defOf(current);
    if (def.type === 'optional') {
      optional = true;
      current = def['innerType'];
    } else if (def.type === 'default') {
      optional = true;
      fallback = typeof def['defaultValue'] === 'function' ? (def['defaultValue'] as () => unknown)() : def['defaultValue'];
      current = def['innerType'];
    } else if (def.type === 'pipe') {
      // z.preprocess(fn, s) is pipe(transform, s); s.transform(fn) is pipe(s, transform).
      const input = defOf(def['in']);
      current = input.type === 'transform' ? def['out'] : def['in'];
    } else break;
  }
  return { inner: current, optional, fallback };
}

function lengthPattern(min: number | undefined, max: number | undefined): [string, string] | undefined {
  if (min === undefined && max === undefined) return undefined;
  const message = min !== undefined && max !== undefined ? `Từ ${min} đến ${max} ký tự.` : max !== undefined ? `Tối đa ${max} ký tự.` : `Ít nhất ${min} ký tự.`;
  // [\s\S]: any character, newlines included. Decap tests the pattern on the raw value; the
  // schema trims first, so leading and trailing spaces are allowed around the limit.
  return [`^\\s*[\\s\\S]{${min ?? 0},${max ?? ''}}\\s*$`, message];
}

/** One schema field as a CMS field. */
export function cmsField(name: string, schema: unknown, context: FieldContext): CmsField {
  const { inner, optional, fallback } = unwrap(schema);
  const base: CmsField = { name, label: context.labels[name] ?? name, widget: 'string', required: !optional };
  const hint = context.hints[name];
  if (hint) base.hint = hint;
  if (fallback !== undefined && !(Array.isArray(fallback) && fallback.length === 0)) base.default = fallback;
  const meta = metaOf(inner);
  if (meta?.['cms'] === 'ref') {
    return { ...base, widget: 'select', options: context.choices[meta['collection'] as CollectionName] ?? [] };
  }
  if (meta?.['cms'] === 'image') return { ...base, widget: 'image', choose_url: false };
  if (meta?.['cms'] === 'day') return { ...base, widget: 'datetime', date_format: 'YYYY-MM-DD', format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  const def = defOf(inner);
  switch (def.type) {
    case 'string': {
      const regex = regexOf(inner);
      if (regex) return { ...base, pattern: [regex.source, context.hints[`${name}.pattern`] ?? 'Sai dạng: xem gợi ý.'] };
      // An https-only address (a source, issue 24): the form says so before the check does.
      if (def['format'] === 'url' && def['protocol'] instanceof RegExp && !def['protocol'].test('http')) {
        return { ...base, pattern: ['^\\s*https://\\S+\\s*$', 'Dán địa chỉ đầy đủ, bắt đầu bằng https://'] };
      }
      const { min, max } = lengthLimits(inner);
      const pattern = lengthPattern(min, max);
      return { ...base, widget: (max ?? 0) > 120 ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
    }
    case 'number': {
      let min: number | undefined;
      let max: number | undefined;
      let int = false;
      for (const check of checks(def)) {
        if (check['check'] === 'number_format' && String(check['format']).includes('int')) int = true;
        if (check['check'] === 'greater_than') min = Number(check['value']);
        if (check['check'] === 'less_than') max = Number(check['value']);
      }
      return { ...base, widget: 'number', value_type: int ? 'int' : 'float', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(def['entries'] as Record<string, string>).map((value) => ({ value, label: context.labels[`${name}.${value}`] ?? value })) };
    case 'array': {
      const { min, max } = lengthLimits(inner);
      const element = cmsField(name, def['element'], { ...context, hints: {} });
      const limits = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      // A list of references or of choices is one multiple select.
      if (element.widget === 'select') return { ...base, widget: 'select', multiple: true, options: element.options ?? [], ...limits };
      if (element.widget === 'object') return { ...base, widget: 'list', fields: element.fields ?? [], ...limits };
      const { name: _name, label: _label, required: _required, ...rest } = element;
      return { ...base, widget: 'list', field: { ...rest, name: 'item', label: base.label }, ...limits };
    }
    case 'object': {
      const shape = def['shape'] as Record<string, unknown>;
      return { ...base, widget: 'object', fields: Object.entries(shape).map(([key, value]) => cmsField(key, value, { ...context, hints: prefixed(context.hints, key), labels: context.labels })) };
    }
    default:
      throw new Error(`CMS field "${name}": no widget for a zod ${def.type}`);
  }
}

/** Hints of an object's fields: "cover.alt" → "alt". */
function prefixed(hints: Record<string, string>, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, hint] of Object.entries(hints)) if (name.startsWith(`${key}.`)) out[name.slice(key.length + 1)] = hint;
  return out;
}

/**
 * The fields of an object schema (through refinements), in the schema's order: those an editor
 * writes, so not the ones the build fills (BUILD_FIELDS: the body's pictures).
 */
export function cmsFields(schema: z.ZodType, context: FieldContext): CmsField[] {
  const def = defOf(schema);
  if (def.type !== 'object') throw new Error('CMS collections are object schemas');
  return Object.entries(def['shape'] as Record<string, unknown>)
    .filter(([name]) => !BUILD_FIELDS.includes(name))
    .map(([name, value]) => cmsField(name, value, context));
}

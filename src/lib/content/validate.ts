import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { COLLECTIONS } from '../../schemas/collections.ts';
import { checkHelpers } from './node-helpers.ts';
import { checkCallsAndSteps } from './contacts.ts';
import { checkImagesDecode, checkIntegrity, imageUses, type ValidEntry } from './integrity.ts';
import { loadContent, unexpectedProblem, type RawEntry } from './load.ts';
import type { Problem } from '../problems.ts';
import { checkSourcesWithoutAddress } from './press-sources.ts';
import { checkRecordings } from './recordings.ts';
import { checkReviews } from './review.ts';
import { checkTranslations } from './translations.ts';
import { checkWhenStuck } from './when-stuck.ts';
import { writtenBuildField } from '../reading/build-fields.ts';
import { checkSpokenMenus } from './spoken.ts';
import { editorMessages } from './zod-messages.ts';

export interface ValidationResult {
  problems: Problem[];
  /** Worth a look, not wrong: the build goes on (a translation older than its lesson). */
  warnings: Problem[];
  /** One-line notes about the check itself (recordings not decoded: no ffmpeg). */
  notices: string[];
  entries: ValidEntry[];
  /** Files whose text is not NFC. */
  notNfc: string[];
}

/**
 * Validate everything under content/: every problem at once, never just the first.
 * Runs under plain Node (npm run check, tests) and inside the build (the content gate).
 */
export async function validateContent(root: string, contentDir?: string, now = new Date()): Promise<ValidationResult> {
  const loaded = await loadContent(root, contentDir);
  const problems = [...loaded.problems];
  const entries: ValidEntry[] = [];
  const partial: ValidEntry[] = [];
  const schemas = new Map(COLLECTIONS.map((source) => [source.name, source.schema(checkHelpers)]));
  for (const entry of loaded.entries) {
    const schema = schemas.get(entry.collection);
    if (!schema) continue;
    // Never a stack trace: whatever goes wrong with one entry is a problem of its file (issue 23).
    try {
      validateEntry(entry, schema, problems, entries, partial);
    } catch (error) {
      problems.push(unexpectedProblem(entry.file, error));
    }
  }
  problems.push(...checkIntegrity(entries, loaded.entries, now, partial));

  problems.push(...(await checkImagesDecode(imageUses([...entries, ...partial]))));
  const translations = checkTranslations(entries);
  problems.push(...translations.problems);
  const recordings = await checkRecordings([...entries, ...partial], contentDir ?? path.join(root, 'content'), undefined, root);
  problems.push(...recordings.problems);
  // Issue 24: `reviewed:` in the future is refused; older than six months warns.
  const reviews = checkReviews(entries, now);
  problems.push(...reviews.problems);
  // Issue 25: numbers to call and one instruction everywhere (src/lib/content/contacts.ts).
  const calls = checkCallsAndSteps(entries, now);
  problems.push(...calls.problems);
  // Issue 25: a task lesson (with <Steps>) without its "Khi gặp lỗi" box warns.
  const whenStuck = checkWhenStuck(entries);
  // Issue 24: a press source without its web address is allowed, and says so every check.
  const noAddress = checkSourcesWithoutAddress(entries);
  // Issue 27: a menu name the loudspeaker script would read without what it does warns.
  const spoken = checkSpokenMenus(entries);
  return {
    problems,
    warnings: [...translations.warnings, ...recordings.warnings, ...reviews.warnings, ...calls.warnings, ...whenStuck, ...noAddress, ...spoken],
    notices: recordings.notice ? [recordings.notice] : [],
    entries,
    notNfc: loaded.notNfc,
  };
}

function validateEntry(entry: RawEntry, schema: z.ZodType, problems: Problem[], entries: ValidEntry[], partial: ValidEntry[]): void {
  // A field the build fills (the body's pictures) is the schema's, never the editor's: refused
  // here (as the loader refuses it), then left out so the rest of the file is checked as usual.
  let data = entry.data;
  const written = writtenBuildField(data);
  if (written && Object.hasOwn(shapeOf(schema), written.field)) {
    problems.push({ file: entry.file, line: entry.lineOf([written.field]), field: written.field, message: written.message, fix: written.fix });
    const { [written.field]: _filled, ...rest } = data as Record<string, unknown>;
    data = rest;
  }
  const result = schema.safeParse(data);
  if (result.success) {
    entries.push({ ...entry, parsed: result.data as Record<string, unknown> });
    return;
  }
  for (const message of editorMessages(result.error, data, schema)) {
    problems.push({ file: entry.file, line: entry.lineOf(message.path), field: message.field, message: message.message, fix: message.fix });
  }
  partial.push({ ...entry, parsed: parseFieldByField(schema, data) });
}

/**
 * The fields of an invalid entry that pass on their own, parsed: so a wrong date does not
 * hide a misspelt topic or a missing picture in the same file.
 */
function parseFieldByField(schema: z.ZodType, data: unknown): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return parsed;
  const shape = shapeOf(schema);
  for (const [key, value] of Object.entries(data)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const result = field?.safeParse(value);
    if (result?.success) parsed[key] = result.data;
  }
  return parsed;
}

/** Field schemas of an object schema (through refinements and pipes). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let current: unknown = schema;
  for (let guard = 0; guard < 10; guard++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) break;
    if (def['type'] === 'object') return def['shape'] as Record<string, z.ZodType>;
    current = def['type'] === 'pipe' ? def['in'] : def['innerType'];
  }
  return {};
}

/** Rewrite files to NFC in place (canonically equivalent text; nothing is lost). */
export async function normaliseFiles(root: string, files: readonly string[]): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  for (const file of files) {
    const absolute = path.join(root, file);
    const text = await readFile(absolute, 'utf8');
    await writeFile(absolute, text.normalize('NFC'));
  }
}

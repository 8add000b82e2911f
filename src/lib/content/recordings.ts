/**
 * Recordings named in frontmatter (`audio:` fields, files in content/audio/): each must exist,
 * decode, last 5 s to 20 min, be in the language of the text it reads, and be attached once.
 * Decoding needs ffmpeg; without it the check says so in one line and checks the rest.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { languageLabel } from '../../i18n/vi.ts';
import { LANGUAGES, RECORDING_MAX_MB, RECORDING_MAX_MINUTES, RECORDING_MIN_SECONDS } from '../../schemas/helpers.ts';
import { findFfmpeg, NO_FFMPEG, type Ffmpeg } from '../audio/ffmpeg.ts';
import { probeRecording, type Probe } from '../audio/probe.ts';
import { lengthWords } from '../audio/words.ts';
import { mapLimit } from '../map-limit.ts';
import { collect } from './node-helpers.ts';
import { fieldName } from './zod-messages.ts';
import type { ValidEntry } from './integrity.ts';
import type { Problem } from '../problems.ts';
import { relativePosix } from '../posix-path.ts';

export const AUDIO_FOLDER = 'audio';

/** A parsed `audio:` field. */
export interface RecordingField {
  file: string;
  reader: string;
  recorded: Date;
  lang: string;
}

const isRecording = (value: unknown): value is RecordingField => !!value && typeof value === 'object' && 'file' in value && 'reader' in value && 'recorded' in value && 'lang' in value;

export interface RecordingUse {
  entry: ValidEntry;
  path: PropertyKey[];
  field: string;
  line: number | undefined;
  recording: RecordingField;
}

/** Every recording an entry names, with where. */
export function recordingUses(entries: readonly ValidEntry[]): RecordingUse[] {
  return entries.flatMap((entry) => collect(entry.parsed, isRecording).map(({ value, path: fieldPath }) => ({ entry, path: fieldPath, field: fieldName(fieldPath), line: entry.lineOf(fieldPath), recording: value })));
}

/**
 * Languages a recording may be in: the page's text is its transcript, so a lesson is read in
 * Vietnamese and a translation in its own language; a script may also be read in a language
 * its editor supplied a translation in (`broadcast.translations`).
 */
export function allowedLanguages(use: Pick<RecordingUse, 'entry' | 'path'>): string[] {
  const data = use.entry.parsed;
  if (use.entry.collection === 'translations') return [String(data['lang'])];
  const inScript = use.path[0] === 'broadcast' || use.path[0] === 'announcements';
  const translated = ((data['broadcast'] as { translations?: Array<{ lang: string }> } | undefined)?.translations ?? []).map((item) => item.lang);
  return inScript ? ['vi', ...translated] : ['vi'];
}

/** The rules that need no decoding: the file is there, not too big, in the right language, used once. */
function fileRules(use: RecordingUse, contentDir: string, firstUse: Map<string, RecordingUse>): Problem[] {
  const at = (key: string) => ({ file: use.entry.file, line: use.entry.lineOf([...use.path, key]) ?? use.line });
  const { file, lang } = use.recording;
  const problems: Problem[] = [];
  const allowed = allowedLanguages(use);
  if (!allowed.includes(lang)) {
    problems.push({
      ...at('lang'),
      field: `${use.field}.lang`,
      message: `ghi âm bằng ${languageLabel(lang)}, nhưng chữ trên trang là ${allowed.map((l) => languageLabel(l)).join(' hoặc ')}`,
      fix: `Chữ trên trang là lời của bản ghi: ghi âm người đọc đúng bài này. Bản bằng tiếng khác đặt ở bản dịch (content/translations/, xem CONTRIBUTING.md). Ngôn ngữ có mã: ${LANGUAGES.join(', ')}.`,
    });
  }
  const first = firstUse.get(file);
  if (first) {
    problems.push({
      ...at('file'),
      field: `${use.field}.file`,
      message: `ghi âm "${file}" đã gắn ở ${first.entry.file} (${first.field})`,
      fix: 'Mỗi bản ghi chỉ gắn vào một chỗ: xoá một trong hai, hoặc gắn bản ghi khác.',
    });
    return problems;
  }
  firstUse.set(file, use);
  const absolute = path.join(contentDir, AUDIO_FOLDER, file);
  if (!existsSync(absolute)) {
    problems.push({ ...at('file'), field: `${use.field}.file`, message: `không tìm thấy tệp ghi âm "content/audio/${file}"`, fix: 'Tải tệp lên thư mục content/audio/ và kiểm tra tên tệp (chữ thường, không dấu, đúng đuôi).' });
    return problems;
  }
  const mb = statSync(absolute).size / 1024 / 1024;
  if (mb > RECORDING_MAX_MB) {
    problems.push({
      ...at('file'),
      field: `${use.field}.file`,
      message: `tệp ghi âm nặng ${mb.toFixed(1)} MB, quá giới hạn ${RECORDING_MAX_MB} MB`,
      fix: 'Ghi âm ở chất lượng thấp hơn, hoặc cắt bớt phần thừa trước khi tải lên (trang tự nén bản ghi).',
    });
  }
  return problems;
}

/** The rules that need the decoded audio: it decodes, and its length is within bounds. */
function probeRules(use: RecordingUse, probe: Probe): Problem[] {
  const where = { file: use.entry.file, line: use.entry.lineOf([...use.path, 'file']) ?? use.line, field: `${use.field}.file` };
  const file = use.recording.file;
  if (!probe.ok) {
    return [
      {
        ...where,
        message: `không đọc được tệp ghi âm "${file}" (tệp hỏng, tải lên chưa hết, hoặc không phải âm thanh)`,
        fix: 'Mở tệp trên điện thoại hoặc máy tính xem có nghe được hết không, rồi tải lên lại (m4a, mp3, ogg, wav hoặc amr).',
      },
    ];
  }
  if (probe.seconds < RECORDING_MIN_SECONDS) {
    return [{ ...where, message: `ghi âm "${file}" chỉ dài ${lengthWords(probe.seconds)}, ngắn hơn ${RECORDING_MIN_SECONDS} giây`, fix: 'Kiểm tra lại tệp: có thể ghi nhầm hoặc bị cắt. Ghi lại cả bài.' }];
  }
  if (probe.seconds > RECORDING_MAX_MINUTES * 60) {
    return [{ ...where, message: `ghi âm "${file}" dài ${lengthWords(probe.seconds)}, quá ${RECORDING_MAX_MINUTES} phút`, fix: `Chia thành nhiều bản ngắn hơn ${RECORDING_MAX_MINUTES} phút, hoặc cắt bớt phần không phải bài đọc.` }];
  }
  return [];
}

export interface RecordingCheck {
  problems: Problem[];
  /** Files in content/audio/ that no field names: uploaded, then forgotten (the build skips them). */
  warnings: Problem[];
  /** One line when recordings could not be decoded (no ffmpeg on this machine). */
  notice?: string | undefined;
}

/** Check every recording named in `entries` (files under `contentDir`/audio/). */
export async function checkRecordings(entries: readonly ValidEntry[], contentDir: string, tools: Ffmpeg | null = findFfmpeg() ?? null, root = path.dirname(contentDir)): Promise<RecordingCheck> {
  const uses = recordingUses(entries);
  // Names as written, also in fields that failed their schema (a wrong lang drops the parsed
  // field): a file an editor did attach is never called unattached.
  const named = new Set(entries.flatMap((entry) => collect(entry.data, isNamedFile).map(({ value }) => value.file)));
  const warnings = unattached(root, contentDir, named);
  if (uses.length === 0) return { problems: [], warnings };
  const firstUse = new Map<string, RecordingUse>();
  const problems: Problem[] = [];
  const toProbe: RecordingUse[] = [];
  for (const use of uses) {
    const found = fileRules(use, contentDir, firstUse);
    problems.push(...found);
    if (!found.some((problem) => problem.field.endsWith('.file'))) toProbe.push(use);
  }
  if (!tools) return { problems, warnings, notice: NO_FFMPEG };
  const probes = await mapLimit(toProbe, 4, (use) => probeRecording(tools, path.join(contentDir, AUDIO_FOLDER, use.recording.file)));
  for (const [index, use] of toProbe.entries()) problems.push(...probeRules(use, probes[index]!));
  return { problems, warnings };
}

const isNamedFile = (value: unknown): value is { file: string } => !!value && typeof value === 'object' && typeof (value as { file?: unknown }).file === 'string' && 'reader' in value;

function unattached(root: string, contentDir: string, named: ReadonlySet<string>): Problem[] {
  let files: string[];
  try {
    files = readdirSync(path.join(contentDir, AUDIO_FOLDER)).filter((name) => !name.startsWith('.') && !name.startsWith('_') && name !== 'README.md');
  } catch {
    return [];
  }
  return files
    .filter((name) => !named.has(name))
    .sort()
    .map((name) => ({
      file: relativePosix(root, path.join(contentDir, AUDIO_FOLDER, name)),
      field: '(tệp)',
      message: 'tệp ghi âm chưa gắn vào bài nào, nên không lên trang',
      fix: 'Thêm trường audio: vào bài mà tệp này đọc (CONTRIBUTING.md, mục 10), hoặc xoá tệp nếu tải nhầm.',
    }));
}

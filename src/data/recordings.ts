import path from 'node:path';
import { t } from '../i18n/vi.ts';
import { findFfmpeg } from '../lib/audio/ffmpeg.ts';
import { publishRecording, type PublishedRecording } from '../lib/audio/publish.ts';
import { SPEECH } from '../lib/audio/speech.ts';
import { lengthWords, sizeWords } from '../lib/audio/words.ts';
import { cacheStore } from '../lib/build-cache/settings.ts';
import { formatDate } from '../lib/dates.ts';
import { routes } from '../lib/routes.ts';

/** An `audio:` field as the collections hold it. */
export interface RecordingField {
  file: string;
  reader: string;
  recorded: Date;
  lang: string;
}

export interface AudioFile {
  url: string;
  type: string;
  bytes: number;
  size: string;
  /** Where the bytes are on the build machine (for the route that writes them into dist/). */
  path: string;
}

export interface RecordingView {
  file: string;
  lang: string;
  /** "1 phút 20 giây, 240 KB": length and the size of what plays on the page. */
  meta: string;
  /** "Chị Lan đọc, ghi âm ngày 3/11/2026." */
  readBy: string;
  seconds: number;
  opus: AudioFile;
  mp3: AudioFile;
}

const views = new Map<string, Promise<RecordingView | undefined>>();

function audioFile(published: PublishedRecording, format: 'opus' | 'mp3'): AudioFile {
  return { url: routes.audio(published.names[format]), type: SPEECH[format].mime, bytes: published.bytes[format], size: sizeWords(published.bytes[format]), path: published.paths[format] };
}

async function build(field: RecordingField): Promise<RecordingView | undefined> {
  // Without ffmpeg the content gate has said so in one line (NO_FFMPEG); pages get no player.
  const tools = findFfmpeg();
  if (!tools) return undefined;
  const published = await publishRecording(tools, path.resolve('content/audio', field.file), cacheStore('audio'), (line) => console.log(`[ban-so:audio] ${line}`));
  return {
    file: field.file,
    lang: field.lang,
    meta: t('audio.meta', { length: lengthWords(published.seconds), size: sizeWords(published.bytes.opus) }),
    readBy: t('audio.readBy', { reader: field.reader, date: formatDate(field.recorded) }),
    seconds: published.seconds,
    opus: audioFile(published, 'opus'),
    mp3: audioFile(published, 'mp3'),
  };
}

/**
 * A recording ready for the page: converted (or taken from the cache) the first time any page
 * asks for it. Undefined without a field, or without ffmpeg (the build publishes no audio).
 */
export function recordingView(field: RecordingField | undefined): Promise<RecordingView | undefined> {
  if (!field) return Promise.resolve(undefined);
  let view = views.get(field.file);
  if (!view) {
    view = build(field);
    views.set(field.file, view);
  }
  return view;
}

/**
 * Each recording converted once per content: the Opus and MP3 files are kept in the build
 * cache (node_modules/.cache/ban-so/audio/), keyed by the source's sha256, the speech settings
 * and the ffmpeg version. A second build of unchanged recordings runs no ffmpeg at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { hashParts, sha256, type CacheStore } from '../build-cache/store.ts';
import type { Ffmpeg } from './ffmpeg.ts';
import { probeRecording } from './probe.ts';
import { encodeSpeech, SPEECH, SPEECH_FORMAT_VERSION } from './speech.ts';

export type AudioFormat = 'opus' | 'mp3';

export interface PublishedRecording {
  /** File names in the site's audio folder, e.g. cai-vneid-chi-lan-3f2a9c1b04.opus. */
  names: Record<AudioFormat, string>;
  /** Where the bytes are on this machine (the cache, or a temporary folder without one). */
  paths: Record<AudioFormat, string>;
  bytes: Record<AudioFormat, number>;
  /** Length after the silence is cut. */
  seconds: number;
  /** Whether this build ran ffmpeg for it (false: from the cache). */
  made: boolean;
  /** Wall time of the conversion, when made. */
  ms?: number | undefined;
}

interface Meta extends Record<string, unknown> {
  seconds: number;
  sourceSeconds: number;
}

/** Conversions at once: ffmpeg uses about one core per file. */
let running = 0;
const waiting: Array<() => void> = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= availableParallelism()) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

let scratch: string | undefined;
/** Without a cache the files live in one temporary folder, removed when the process ends. */
function scratchDir(): string {
  if (!scratch) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ban-so-audio-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratch = dir;
  }
  return scratch;
}

export function recordingKey(source: Uint8Array, tools: Pick<Ffmpeg, 'version'>): string {
  return hashParts([sha256(source), String(SPEECH_FORMAT_VERSION), JSON.stringify(SPEECH), tools.version]);
}

/** Names in dist/: the source's name and part of the key, so a new recording gets a new address (cached for a year). */
export function publishedNames(sourceFile: string, key: string): Record<AudioFormat, string> {
  const stem = path.basename(sourceFile).replace(/\.[^.]+$/, '');
  return { opus: `${stem}-${key.slice(0, 10)}.${SPEECH.opus.extension}`, mp3: `${stem}-${key.slice(0, 10)}.${SPEECH.mp3.extension}` };
}

/** Convert one recording, or take it from the cache. */
export async function publishRecording(tools: Ffmpeg, sourcePath: string, store: CacheStore<Meta> | undefined, log: (line: string) => void = () => {}): Promise<PublishedRecording> {
  const source = await readFile(sourcePath);
  const key = recordingKey(source, tools);
  const names = publishedNames(sourcePath, key);
  const cached = await store?.get(key);
  if (store && cached) {
    const files = { opus: cached.files.get('opus')!, mp3: cached.files.get('mp3')! };
    return { names, paths: { opus: store.pathOf(key, 'opus'), mp3: store.pathOf(key, 'mp3') }, bytes: { opus: files.opus.length, mp3: files.mp3.length }, seconds: cached.meta.seconds, made: false };
  }
  return slot(async () => {
    const started = Date.now();
    // The content check decoded it already; the header gives the length. A broken file still fails in encodeSpeech.
    const probe = await probeRecording(tools, sourcePath, { decode: false });
    if (!probe.ok) throw new Error(`${sourcePath}: ffmpeg cannot decode this recording (run npm run check)`);
    log(`Âm thanh: đang chuyển ${path.basename(sourcePath)} (${Math.round(probe.seconds)} giây)…`);
    const encoded = await encodeSpeech(tools, sourcePath, probe.seconds);
    const meta: Meta = { seconds: encoded.seconds, sourceSeconds: encoded.sourceSeconds };
    let paths: Record<AudioFormat, string>;
    if (store) {
      await store.put(key, { opus: encoded.opus, mp3: encoded.mp3 }, meta);
      paths = { opus: store.pathOf(key, 'opus'), mp3: store.pathOf(key, 'mp3') };
    } else {
      const dir = path.join(scratchDir(), key);
      await mkdir(dir, { recursive: true });
      paths = { opus: path.join(dir, names.opus), mp3: path.join(dir, names.mp3) };
      await Promise.all([writeFile(paths.opus, encoded.opus), writeFile(paths.mp3, encoded.mp3)]);
    }
    const ms = Date.now() - started;
    log(`Âm thanh: ${path.basename(sourcePath)} xong trong ${(ms / 1000).toFixed(1)} s (Opus ${Math.round(encoded.opus.length / 1024)} KB, MP3 ${Math.round(encoded.mp3.length / 1024)} KB).`);
    return { names, paths, bytes: { opus: encoded.opus.length, mp3: encoded.mp3.length }, seconds: encoded.seconds, made: true, ms };
  });
}

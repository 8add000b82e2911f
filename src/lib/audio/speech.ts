/**
 * A phone recording made fit for 2G and for the commune loudspeaker: one mono channel,
 * leading and trailing silence cut, loudness normalised for speech with EBU R128's measure
 * (ffmpeg's loudnorm, two passes: measure, then apply linearly so the voice is not pumped),
 * then an Opus file for listening on the page and an MP3 for loudspeaker systems and Zalo.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run, type Ffmpeg } from './ffmpeg.ts';

/**
 * Integrated loudness target. EBU R128 broadcast uses -23 LUFS for a controlled playback
 * chain; phone speakers and loudspeaker amplifiers want speech louder, so we use -16 LUFS
 * (the usual target for spoken audio on phones), peaks at most -1.5 dBTP.
 */
export const SPEECH = {
  loudness: -16,
  truePeak: -1.5,
  loudnessRange: 11,
  /** Below this level a stretch counts as silence (a quiet room on a phone is about -60 dB). */
  silenceDb: -45,
  /** Only silences at least this long are cut. */
  silenceSeconds: 0.4,
  /** Silence kept before the first word and after the last, so nothing sounds clipped. */
  keepSeconds: 0.25,
  opus: { bitrate: '24k', sampleRate: 48_000, extension: 'opus', mime: 'audio/ogg; codecs=opus' },
  mp3: { bitrate: '48k', sampleRate: 44_100, extension: 'mp3', mime: 'audio/mpeg' },
} as const;

/** Changes whenever the settings above or the filters below change: every file is made again. */
export const SPEECH_FORMAT_VERSION = 1;

export interface Silence {
  start: number;
  end: number;
}

/** silencedetect's log lines as intervals; a silence still open at the end ends at `duration`. */
export function parseSilences(log: string, duration: number): Silence[] {
  const silences: Silence[] = [];
  let open: number | undefined;
  for (const match of log.matchAll(/silence_(start|end): (-?[\d.]+)/g)) {
    const time = Number(match[2]);
    if (match[1] === 'start') open = Math.max(0, time);
    else if (open !== undefined) {
      silences.push({ start: open, end: time });
      open = undefined;
    }
  }
  if (open !== undefined) silences.push({ start: open, end: duration });
  return silences;
}

/** The part of the recording to keep: from the end of a leading silence to the start of a trailing one. */
export function speechWindow(silences: readonly Silence[], duration: number, keep: number = SPEECH.keepSeconds): { start: number; end: number } {
  const edge = 0.05;
  const leading = silences.find((s) => s.start <= edge);
  const trailing = [...silences].reverse().find((s) => s.end >= duration - edge);
  let start = leading ? Math.max(0, leading.end - keep) : 0;
  let end = trailing && trailing !== leading ? Math.min(duration, trailing.start + keep) : duration;
  // All silence (or nothing between the two): keep the recording as it is; the check refused it already if too short.
  if (end - start < 1) [start, end] = [0, duration];
  return { start: round(start), end: round(end) };
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

export interface Loudness {
  input_i: string;
  input_tp: string;
  input_lra: string;
  input_thresh: string;
  target_offset: string;
}

/** The JSON block loudnorm prints at the end of the measuring pass. */
export function parseLoudnorm(log: string): Loudness | undefined {
  const block = /\{\s*"input_i"[\s\S]*?\}/.exec(log)?.[0];
  if (!block) return undefined;
  const json = JSON.parse(block) as Loudness;
  // A recording of pure silence measures -inf: nothing to normalise.
  return Number.isFinite(Number(json.input_i)) ? json : undefined;
}

function loudnorm(measured?: Loudness): string {
  const target = `I=${SPEECH.loudness}:TP=${SPEECH.truePeak}:LRA=${SPEECH.loudnessRange}`;
  if (!measured) return `loudnorm=${target}:print_format=json`;
  return `loudnorm=${target}:measured_I=${measured.input_i}:measured_TP=${measured.input_tp}:measured_LRA=${measured.input_lra}:measured_thresh=${measured.input_thresh}:offset=${measured.target_offset}:linear=true`;
}

/** The second pass: cut, normalise, then one Opus and one MP3 file from one decode. */
export function encodeArgs(input: string, window: { start: number; end: number }, measured: Loudness | undefined, out: { opus: string; mp3: string }): string[] {
  const filters = [`aformat=channel_layouts=mono`, `atrim=start=${window.start}:end=${window.end}`, 'asetpts=PTS-STARTPTS', ...(measured ? [loudnorm(measured)] : []), 'asplit=2[opus][mp3]'];
  const bitexact = ['-fflags', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1'];
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-i',
    input,
    '-filter_complex',
    `[0:a:0]${filters.join(',')}`,
    '-map',
    '[opus]',
    '-c:a',
    'libopus',
    '-b:a',
    SPEECH.opus.bitrate,
    '-application',
    'voip',
    '-ar',
    String(SPEECH.opus.sampleRate),
    ...bitexact,
    out.opus,
    '-map',
    '[mp3]',
    '-c:a',
    'libmp3lame',
    '-b:a',
    SPEECH.mp3.bitrate,
    '-ar',
    String(SPEECH.mp3.sampleRate),
    ...bitexact,
    '-id3v2_version',
    '0',
    '-write_xing',
    '0',
    out.mp3,
  ];
}

export interface SpeechFiles {
  opus: Buffer;
  mp3: Buffer;
  /** Length of the published audio, in seconds (after the silence is cut). */
  seconds: number;
  /** Seconds of the source. */
  sourceSeconds: number;
}

/** Make the Opus and MP3 files of one recording (two ffmpeg passes; a temporary folder). */
export async function encodeSpeech(tools: Ffmpeg, input: string, sourceSeconds: number): Promise<SpeechFiles> {
  const measure = await run(tools.ffmpeg, [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-i',
    input,
    '-map',
    '0:a:0',
    '-af',
    `aformat=channel_layouts=mono,silencedetect=noise=${SPEECH.silenceDb}dB:duration=${SPEECH.silenceSeconds},${loudnorm()}`,
    '-f',
    'null',
    '-',
  ]);
  if (measure.code !== 0) throw new Error(`ffmpeg could not read ${input}: ${measure.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const window = speechWindow(parseSilences(measure.stderr, sourceSeconds), sourceSeconds);
  const dir = await mkdtemp(path.join(tmpdir(), 'ban-so-audio-'));
  try {
    const out = { opus: path.join(dir, 'a.opus'), mp3: path.join(dir, 'a.mp3') };
    const encode = await run(tools.ffmpeg, encodeArgs(input, window, parseLoudnorm(measure.stderr), out));
    if (encode.code !== 0) throw new Error(`ffmpeg could not convert ${input}: ${encode.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const [opus, mp3] = await Promise.all([readFile(out.opus), readFile(out.mp3)]);
    return { opus, mp3, seconds: round(window.end - window.start), sourceSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the content check needs to know about a recording: does it decode, and how long is it. */
import { run, type Ffmpeg } from './ffmpeg.ts';

export type Probe = { ok: true; seconds: number } | { ok: false; reason: string };

/**
 * ffprobe reads the header (duration, an audio stream); ffmpeg then decodes every frame, since a
 * cut-off upload has a good header and breaks halfway. A 20-minute recording decodes in ~1 s.
 * `decode: false` (the conversion, after the check has decoded it) reads the header only.
 */
export async function probeRecording(tools: Ffmpeg, file: string, { decode = true } = {}): Promise<Probe> {
  const probe = await run(tools.ffprobe, ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_type:format=duration', '-of', 'json', file], 60_000);
  let seconds = Number.NaN;
  let hasAudio = false;
  try {
    const json = JSON.parse(probe.stdout) as { streams?: Array<{ codec_type?: string }>; format?: { duration?: string } };
    hasAudio = (json.streams ?? []).some((stream) => stream.codec_type === 'audio');
    seconds = Number(json.format?.duration);
  } catch {
    // Not JSON: ffprobe could not open the file at all.
  }
  if (probe.code !== 0 || !hasAudio) return { ok: false, reason: 'no-audio' };
  if (!decode) return Number.isFinite(seconds) ? { ok: true, seconds } : { ok: false, reason: 'no-duration' };
  const decoded = await run(tools.ffmpeg, ['-v', 'error', '-xerror', '-nostdin', '-i', file, '-map', '0:a:0', '-f', 'null', '-'], 10 * 60_000);
  if (decoded.code !== 0) return { ok: false, reason: 'broken' };
  if (!Number.isFinite(seconds)) return { ok: false, reason: 'no-duration' };
  return { ok: true, seconds };
}

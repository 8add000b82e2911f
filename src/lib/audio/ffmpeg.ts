/**
 * ffmpeg and ffprobe from the machine (Debian's package, installed by .ci/run like Chromium):
 * never a binary downloaded at install time. FFMPEG_PATH / FFPROBE_PATH override.
 */
import { execFile, execFileSync } from 'node:child_process';

type Env = Record<string, string | undefined>;

function found(command: string): boolean {
  try {
    execFileSync(command, ['-version'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

export interface Ffmpeg {
  ffmpeg: string;
  ffprobe: string;
  /** "ffmpeg version 5.1.9-0+deb12u1": part of the cache key (a new encoder makes every file again). */
  version: string;
}

let cached: Ffmpeg | null | undefined;

/** ffmpeg and ffprobe, or undefined when either is missing (the build then publishes no audio). */
export function findFfmpeg(env: Env = process.env): Ffmpeg | undefined {
  if (cached !== undefined && env === process.env) return cached ?? undefined;
  const ffmpeg = env['FFMPEG_PATH'] || 'ffmpeg';
  const ffprobe = env['FFPROBE_PATH'] || 'ffprobe';
  let result: Ffmpeg | undefined;
  if (!env['SKIP_AUDIO'] && found(ffmpeg) && found(ffprobe)) {
    const version = execFileSync(ffmpeg, ['-version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
    result = { ffmpeg, ffprobe, version };
  }
  if (env === process.env) cached = result ?? null;
  return result;
}

/** The one line the check and the build print when ffmpeg is missing. */
export const NO_FFMPEG = 'Không có ffmpeg trên máy này: ghi âm chưa được kiểm tra và bản dựng này không có âm thanh. Cài bằng: apt-get install ffmpeg';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command, collecting its output; never throws for a non-zero exit. */
export function run(command: string, args: readonly string[], timeoutMs = 30 * 60_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

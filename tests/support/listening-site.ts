/**
 * A copy of the site with recordings and a translation (issue 14): the base fixtures, the sample
 * translation of tests/fixtures/listening/, and recordings made here with ffmpeg's sine source,
 * a second of silence before and after (never a real voice, never invented speech).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canRun } from './prerequisites.ts';
import { sharedBuild, type SharedBuild } from './site-copy.ts';

const FIXTURES = path.resolve('tests/fixtures');

/** Seconds of tone in each generated recording, and of silence around it. */
export const TONE = { reading: 12, script: 8, announcement: 6, translation: 7 } as const;
export const PADDING = 1;

/** A recording of `seconds` of a low tone between two silences, in a phone-like format (stereo, 44.1 kHz). */
export function makeRecording(file: string, seconds: number, padding = PADDING): void {
  const silence = `anullsrc=r=44100:cl=stereo:d=${padding}`;
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    silence,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=220:sample_rate=44100:duration=${seconds},volume=0.1,pan=stereo|c0=c0|c1=c0`,
    '-f',
    'lavfi',
    '-i',
    silence,
    '-filter_complex',
    '[0][1][2]concat=n=3:v=0:a=1',
    file,
  ]);
}

/** The lesson of the base set with a reading and a script recording; the campaign with a recorded announcement. */
function withRecordings(content: string): void {
  const lesson = path.join(content, 'lessons/bai-mau.mdx');
  writeFileSync(
    lesson,
    readFileSync(lesson, 'utf8').replace(
      /^places: \[\]$/m,
      [
        'places: []',
        'audio:',
        '  file: doc-bai-mau.m4a',
        '  reader: Giọng đọc mẫu (tiếng máy)',
        '  recorded: 2025-11-12',
        '  lang: vi',
        'broadcast:',
        '  audio:',
        '    file: phat-thanh-bai-mau.mp3',
        '    reader: Giọng đọc mẫu (tiếng máy)',
        '    recorded: 2025-11-12',
        '    lang: vi',
      ].join('\n'),
    ),
  );
  const campaign = path.join(content, 'campaigns/chien-dich-mau.mdx');
  writeFileSync(
    campaign,
    readFileSync(campaign, 'utf8').replace(
      /^places: \[xa-tien-yen\]$/m,
      [
        'places: [xa-tien-yen]',
        'announcements:',
        '  - title: Tin mẫu có ghi âm',
        '    text: Kính thưa bà con. Đây là tin mẫu để kiểm tra ghi âm. Bà con nghe xong thì bấm nút.',
        '    audio:',
        '      file: tin-mau.ogg',
        '      reader: Giọng đọc mẫu (tiếng máy)',
        '      recorded: 2025-11-12',
        '      lang: vi',
      ].join('\n'),
    ),
  );
  const audio = path.join(content, 'audio');
  mkdirSync(audio, { recursive: true });
  makeRecording(path.join(audio, 'doc-bai-mau.m4a'), TONE.reading);
  makeRecording(path.join(audio, 'phat-thanh-bai-mau.mp3'), TONE.script);
  makeRecording(path.join(audio, 'tin-mau.ogg'), TONE.announcement);
  makeRecording(path.join(audio, 'doc-ban-dich-mau.wav'), TONE.translation);
}

/** A content folder (base + sample translation + generated recordings) under `dir`. */
export function listeningContent(dir: string): string {
  const content = path.join(dir, 'content');
  cpSync(path.join(FIXTURES, 'base'), content, { recursive: true });
  cpSync(path.join(FIXTURES, 'listening/translations'), path.join(content, 'translations'), { recursive: true });
  withRecordings(content);
  return content;
}

/** How the listening site is built: with its PDFs when Chromium and poppler are here (and SKIP_PDF is unset). */
export function listeningBuildEnv(): Record<string, string> {
  return !process.env['SKIP_PDF'] && canRun(['chromium', 'poppler-utils']) ? {} : { SKIP_PDF: '1' };
}

/**
 * The listening site built once per test run and shared by the build and browser tests
 * (`sharedBuild`): each caller gets its own copy, built, with the first build's log.
 */
export function sharedListeningSite(sharedRoot: string | undefined): Promise<SharedBuild> {
  return sharedBuild('listening', sharedRoot, listeningContent, listeningBuildEnv());
}

import { describe, expect, it } from 'vitest';
import { publishedNames, recordingKey } from '../../src/lib/audio/publish.ts';
import { encodeArgs, parseLoudnorm, parseSilences, SPEECH, speechWindow } from '../../src/lib/audio/speech.ts';
import { lengthWords, sizeWords } from '../../src/lib/audio/words.ts';
import { isStale, translationFileName } from '../../src/lib/content/translations.ts';
import { pdfJobs } from '../../src/lib/print/jobs.ts';
import { isPrintVariant, routes } from '../../src/lib/routes.ts';

describe('silence at the ends of a recording', () => {
  const log = [
    '[silencedetect @ 0x1] silence_start: 0',
    '[silencedetect @ 0x1] silence_end: 1.50004 | silence_duration: 1.50004',
    '[silencedetect @ 0x1] silence_start: 30.2',
    '[silencedetect @ 0x1] silence_end: 31.1 | silence_duration: 0.9',
    '[silencedetect @ 0x1] silence_start: 58.99999',
  ].join('\n');

  it('reads silencedetect’s lines; one still open at the end closes at the duration', () => {
    expect(parseSilences(log, 62)).toEqual([
      { start: 0, end: 1.50004 },
      { start: 30.2, end: 31.1 },
      { start: 58.99999, end: 62 },
    ]);
  });

  it('cuts the leading and trailing silence only, keeping a quarter second at each end', () => {
    expect(speechWindow(parseSilences(log, 62), 62)).toEqual({ start: 1.25, end: 59.25 });
    // A pause in the middle stays: the reader meant it.
    expect(speechWindow([{ start: 30, end: 33 }], 62)).toEqual({ start: 0, end: 62 });
    // Nothing but silence: kept as it is (the check refuses it if too short).
    expect(speechWindow([{ start: 0, end: 62 }], 62)).toEqual({ start: 0, end: 62 });
  });
});

describe('loudness', () => {
  it('reads the measuring pass; a recording of pure silence has nothing to normalise', () => {
    const block = '{\n\t"input_i" : "-27.61",\n\t"input_tp" : "-9.20",\n\t"input_lra" : "6.10",\n\t"input_thresh" : "-38.02",\n\t"output_i" : "-16.1",\n\t"target_offset" : "0.10"\n}';
    expect(parseLoudnorm(`[Parsed_loudnorm_2 @ 0x1] \n${block}`)?.input_i).toBe('-27.61');
    expect(parseLoudnorm(block.replace('-27.61', '-inf'))).toBeUndefined();
    expect(parseLoudnorm('no json here')).toBeUndefined();
  });

  it('applies it linearly, then writes one mono Opus at 24 kbit/s and one mono MP3, with no metadata', () => {
    const measured = { input_i: '-27.61', input_tp: '-9.20', input_lra: '6.10', input_thresh: '-38.02', target_offset: '0.10' };
    const args = encodeArgs('in.m4a', { start: 1.25, end: 59.25 }, measured, { opus: 'a.opus', mp3: 'a.mp3' }).join(' ');
    expect(args).toContain('aformat=channel_layouts=mono,atrim=start=1.25:end=59.25,asetpts=PTS-STARTPTS,loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-27.61');
    expect(args).toContain(':linear=true');
    expect(args).toMatch(/-map \[opus\] -c:a libopus -b:a 24k -application voip -ar 48000 .*-map_metadata -1 a\.opus/);
    expect(args).toMatch(/-map \[mp3\] -c:a libmp3lame -b:a 48k -ar 44100 .*a\.mp3$/);
    expect(SPEECH.loudness).toBe(-16);
  });
});

describe('published names and the cache key', () => {
  it('name the file after its source and its content, so a new recording gets a new address', () => {
    const key = recordingKey(Buffer.from('a recording'), { version: 'ffmpeg version 5.1' });
    expect(publishedNames('/x/content/audio/doc-bai.m4a', key)).toEqual({ opus: `doc-bai-${key.slice(0, 10)}.opus`, mp3: `doc-bai-${key.slice(0, 10)}.mp3` });
    expect(recordingKey(Buffer.from('another recording'), { version: 'ffmpeg version 5.1' })).not.toBe(key);
    expect(recordingKey(Buffer.from('a recording'), { version: 'ffmpeg version 6.0' })).not.toBe(key);
  });
});

describe('length and size in words', () => {
  it('reads like a phone shows them', () => {
    expect(lengthWords(80.4)).toBe('1 phút 20 giây');
    expect(lengthWords(45)).toBe('45 giây');
    expect(lengthWords(180)).toBe('3 phút');
    expect(sizeWords(240 * 1024)).toBe('240 KB');
    expect(sizeWords(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(sizeWords(300)).toBe('1 KB');
  });
});

describe('translations', () => {
  it('are stale when the lesson was updated after them', () => {
    expect(isStale(new Date('2025-11-10'), new Date('2025-11-01'))).toBe(true);
    expect(isStale(new Date('2025-11-10'), new Date('2025-11-10'))).toBe(false);
    expect(translationFileName('cai-vneid', 'tyz')).toBe('cai-vneid.tyz.mdx');
  });

  it('have their print pages under the lesson’s, out of the sitemap and search, and their own PDFs', () => {
    expect(routes.lesson('cai-vneid/tyz')).toBe('/bai-hoc/cai-vneid/tyz/');
    expect(isPrintVariant('/bai-hoc/cai-vneid/tyz/to-roi/')).toBe(true);
    expect(isPrintVariant('/bai-hoc/cai-vneid/tyz/phat-thanh/')).toBe(true);
    expect(isPrintVariant('/bai-hoc/cai-vneid/tyz/')).toBe(false);
    expect(pdfJobs(['/bai-hoc/cai-vneid/tyz/to-roi/', '/bai-hoc/cai-vneid/tyz/to-roi-a5/']).map((job) => [job.pdf, job.fromA4])).toEqual([
      ['/bai-hoc/cai-vneid/tyz/to-roi-a5.pdf', '/bai-hoc/cai-vneid/tyz/to-roi.pdf'],
      ['/bai-hoc/cai-vneid/tyz/to-roi.pdf', undefined],
    ]);
  });
});

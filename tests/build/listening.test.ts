// Recordings and translations (issue 14), on a copy of the site built from fixtures: the base
// set, a sample translation and recordings made here with ffmpeg's sine source.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NO_FFMPEG } from '../../src/lib/audio/ffmpeg.ts';
import { parseLoudnorm, SPEECH } from '../../src/lib/audio/speech.ts';
import { sizeWords } from '../../src/lib/audio/words.ts';
import { pageBudget, pageType, READING_PAGE_BUDGET } from '../../src/lib/delivery/budgets.ts';
import { sha256 } from '../../src/lib/build-cache/store.ts';
import { brotliQuality, brotliSize } from '../../src/lib/delivery/precompress.ts';
import { routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { builtPages } from '../support/dist.ts';
import { outputProblems } from '../support/output-allowlist.ts';
import { TONE, sharedListeningSite } from '../support/listening-site.ts';
import { canRun } from '../support/prerequisites.ts';
import { buildCopy } from '../support/site-copy.ts';

const run = canRun(['ffmpeg']);
const describeListening = run ? describe : describe.skip;
const withPdf = !process.env['SKIP_PDF'] && canRun(['chromium', 'poppler-utils']);

let root = '';
let firstLog = '';
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);
const html = (page: string) => readFileSync(dist(page, 'index.html'), 'utf8');
const audioFiles = () => readdirSync(dist('am-thanh')).sort();

function probe(file: string): { codec: string; channels: number; seconds: number } {
  const json = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,channels:format=duration', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: Array<{ codec_name: string; channels: number }>;
    format: { duration: string };
  };
  return { codec: json.streams[0]!.codec_name, channels: json.streams[0]!.channels, seconds: Number(json.format.duration) };
}

/** Integrated loudness (EBU R128, LUFS) as ffmpeg's loudnorm measures it (printed on stderr). */
function loudness(file: string): number {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'loudnorm=print_format=json', '-f', 'null', '-'], { encoding: 'utf8' });
  return Number(parseLoudnorm(result.stderr)?.input_i);
}

describeListening('recordings and translations on a built site', () => {
  // The first build is shared with tests/browser/listening.test.ts (one build per run); this
  // file has its own copy of it, which the last three tests build again.
  beforeAll(async () => {
    const first = await sharedListeningSite(inject('sharedSites'));
    root = first.root;
    expect(first.status, first.log.slice(-3000)).toBe(0);
    firstLog = first.log;
  }, 300_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('publishes each recording as a mono Opus and a mono MP3, silence cut, at the speech loudness; never the raw file', () => {
    const names = audioFiles();
    expect(names.filter((name) => name.endsWith('.opus'))).toHaveLength(4);
    expect(names.filter((name) => name.endsWith('.mp3'))).toHaveLength(4);
    const reading = names.find((name) => name.startsWith('doc-bai-mau-') && name.endsWith('.opus'))!;
    const expected = TONE.reading + 2 * SPEECH.keepSeconds;
    for (const name of [reading, reading.replace('.opus', '.mp3')]) {
      const file = dist('am-thanh', name);
      const info = probe(file);
      expect(info.codec).toBe(name.endsWith('.opus') ? 'opus' : 'mp3');
      expect(info.channels).toBe(1);
      expect(Math.abs(info.seconds - expected), `${name}: ${info.seconds} s`).toBeLessThan(0.5);
      expect(Math.abs(loudness(file) - SPEECH.loudness), name).toBeLessThan(2);
    }
    // No source file in dist/, under any name.
    const sources = new Set(readdirSync(path.join(root, 'content/audio')).map((name) => sha256(readFileSync(path.join(root, 'content/audio', name)))));
    const published = readdirSync(dist(), { recursive: true })
      .map(String)
      .filter((file) => /\.(m4a|mp3|ogg|opus|wav|amr|aac)$/.test(file));
    expect(published.filter((file) => !file.startsWith('am-thanh/'))).toEqual([]);
    expect(published.filter((file) => sources.has(sha256(readFileSync(dist(file)))))).toEqual([]);
  });

  it('plays on the lesson page with its length and size in words, fetching nothing before play', () => {
    const page = html('bai-hoc/bai-mau');
    const figure = /<figure class="recording">.*?<\/figure>/s.exec(page)?.[0] ?? '';
    expect(figure).toContain('<audio controls preload="none"');
    expect(figure).toMatch(/<source src="\/am-thanh\/doc-bai-mau-[0-9a-f]{10}\.opus" type="audio\/ogg; codecs=opus">\s*<source src="\/am-thanh\/doc-bai-mau-[0-9a-f]{10}\.mp3" type="audio\/mpeg">/);
    const opus = audioFiles().find((name) => name.startsWith('doc-bai-mau-') && name.endsWith('.opus'))!;
    const bytes = readFileSync(dist('am-thanh', opus)).length;
    expect(figure).toContain(`Nghe bài:</strong> 13 giây, ${sizeWords(bytes)}`);
    expect(figure).toContain('Giọng đọc mẫu (tiếng máy) đọc, ghi âm ngày 12/11/2025.');
    // Pages without a recording carry no player.
    expect(html('tin-tuc/tin-mau')).not.toContain('<audio');
  });

  it('offers the MP3 for the loudspeaker on the script pages, and the print centre lists every recording', () => {
    for (const page of ['bai-hoc/bai-mau/phat-thanh', 'chien-dich/chien-dich-mau/phat-thanh']) {
      expect(html(page), page).toMatch(/<a class="button" href="\/am-thanh\/[a-z0-9-]+\.mp3" download>Tải MP3 để phát trên loa \(\d+ KB\)<\/a>/);
    }
    const centre = /<section aria-labelledby="ghi-am">.*?<\/section>/s.exec(html('in-an'))?.[0] ?? '';
    const listed = [...centre.matchAll(/href="(\/am-thanh\/[^"]+\.mp3)" download/g)].map((m) => m[1]!.split('/').pop());
    expect(listed.sort()).toEqual(audioFiles().filter((name) => name.endsWith('.mp3')));
  });

  it('gives the translation its own page: lang on the translated text, hreflang both ways, a language switch on both pages', () => {
    const translated = html('bai-hoc/bai-mau/tyz');
    const original = html('bai-hoc/bai-mau');
    expect(translated).toMatch(/<html lang="vi"/);
    expect(translated).toMatch(/<h1 lang="tyz">Bản mẫu: Cài VNeID/);
    expect(translated).toMatch(/<div class="prose" lang="tyz">/);
    for (const page of [translated, original]) {
      expect(page).toContain('<link rel="alternate" hreflang="vi" href="https://ban-so.example.org/bai-hoc/bai-mau/">');
      expect(page).toContain('<link rel="alternate" hreflang="tyz" href="https://ban-so.example.org/bai-hoc/bai-mau/tyz/">');
      expect(page).toMatch(/<nav class="language-switch" aria-label="Bài này có bằng">/);
    }
    expect(original).toContain('<a href="/bai-hoc/bai-mau/tyz/" hreflang="tyz">tiếng Tày</a>');
    expect(translated).toContain('<a href="/bai-hoc/bai-mau/" hreflang="vi">tiếng Việt</a>');
    expect(translated).toContain('Người dịch: Người dịch mẫu. Người kiểm tra: Người kiểm tra mẫu.');
    // Its recording is in its language.
    expect(translated).toMatch(/<audio controls preload="none" lang="tyz">/);
  });

  it('says on the translated page, and in the check, that the Vietnamese lesson changed after the translation', () => {
    expect(html('bai-hoc/bai-mau/tyz')).toContain('Bài tiếng Việt đã sửa ngày 10/11/2025, sau ngày dịch (1/11/2025).');
    expect(html('bai-hoc/bai-mau')).not.toContain('sau ngày dịch');
    expect(firstLog).toContain('content/translations/bai-mau.tyz.mdx:13 — translated — bài tiếng Việt (content/lessons/bai-mau.mdx) đã sửa ngày 2025-11-10, sau ngày dịch 2025-11-01');
  });

  it('prints the translation its own leaflet and A5 sheet whose QR code leads to the translated page; its script is the translator’s', () => {
    expect(html('bai-hoc/bai-mau/tyz/to-roi')).toContain('<strong class="lf-url">ban-so.example.org/bai-hoc/bai-mau/tyz</strong>');
    expect(html('bai-hoc/bai-mau/tyz/to-roi')).toContain('<p class="lf-foot">Bản tiếng Tày: Người dịch mẫu dịch, Người kiểm tra mẫu kiểm tra.<br>Cập nhật ngày 1/11/2025');
    expect(html('bai-hoc/bai-mau/to-roi')).not.toContain('dịch,');
    expect(html('bai-hoc/bai-mau/tyz/to-roi-a5')).toMatch(/<h1 class="lf-title" lang="tyz">/);
    const script = html('bai-hoc/bai-mau/tyz/phat-thanh');
    expect(script).toContain('<div class="script-read" lang="tyz"><p>Bản mẫu bài phát thanh của người dịch. Đây không phải tiếng Tày thật.</p><p>Đoạn thứ hai của bản mẫu.</p></div>');
    expect(script).not.toContain('Kính thưa bà con');
    const centre = html('in-an');
    // The print centre's entry opens the translation's leaflet page (issue 27: two choices beside it).
    expect(centre).toContain('<a class="print-item-title" href="/bai-hoc/bai-mau/tyz/to-roi/" hreflang="tyz"><span lang="tyz">Bản mẫu: Cài VNeID (không phải tiếng Tày thật)</span> (tiếng Tày)</a>');
    if (!withPdf) return;
    const text = execFileSync('pdftotext', [dist('bai-hoc/bai-mau/tyz/to-roi.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('ban-so.example.org/bai-hoc/bai-mau/tyz');
    expect(execFileSync('pdfinfo', [dist('bai-hoc/bai-mau/tyz/to-roi-a5.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1/);
  });

  it("measures the translated lesson as a reading page: the 14,000-byte budget and only the service-worker module, plus the share button's (issues 26, 27)", () => {
    const page = routes.lesson('bai-mau/tyz');
    expect(pageType(page)).toBe('lesson');
    expect(pageBudget(page)).toBe(READING_PAGE_BUDGET);
    const bytes = brotliSize(readFileSync(dist('bai-hoc/bai-mau/tyz/index.html')), brotliQuality(page));
    expect(bytes).toBeLessThanOrEqual(READING_PAGE_BUDGET);
    const scripts = [...html('bai-hoc/bai-mau/tyz').matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !attrs.includes('application/ld+json') && !attrs.includes('/_astro/ShareButton.'));
    expect(html('bai-hoc/bai-mau/tyz')).toContain('data-share-url="');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/type="module" src="\/_astro\/[^"]+\.js"/);
  });

  it('lets search filter by language', () => {
    expect(html('bai-hoc/bai-mau/tyz')).toMatch(/data-pagefind-filter="type\[data-type\], topic\[data-topic\], language\[data-language\]"[^>]*data-language="tiếng Tày"/);
    expect(html('bai-hoc/bai-mau')).toContain('data-language="tiếng Việt"');
    const filters = readdirSync(dist('pagefind/filter'));
    expect(filters.length).toBeGreaterThan(0);
    expect(html('tim-kiem')).toMatch(/<legend>Ngôn ngữ<\/legend><label><input type="checkbox" name="language" value="tiếng Việt"> tiếng Việt<\/label><label><input type="checkbox" name="language" value="tiếng Tày"> tiếng Tày<\/label>/);
  });

  it('passes html-validate on every page with a player, a switch or a translation', async () => {
    // The repository's rules: the site copy lies in a temporary folder with no .htmlvalidate.json of its own.
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
    const problems: string[] = [];
    for (const page of [
      'bai-hoc/bai-mau',
      'bai-hoc/bai-mau/tyz',
      'bai-hoc/bai-mau/phat-thanh',
      'bai-hoc/bai-mau/tyz/phat-thanh',
      'bai-hoc/bai-mau/tyz/to-roi',
      'bai-hoc/bai-mau/tyz/to-roi-a5',
      'chien-dich/chien-dich-mau/phat-thanh',
      'in-an',
      'tim-kiem',
    ]) {
      const report = await validator.validateFile(dist(page, 'index.html'));
      for (const message of report.results.flatMap((result) => result.messages)) {
        if (message.severity === 2) problems.push(`${page}:${message.line}:${message.column} [${message.ruleId}] ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('passes the output allowlist on every page: players, sources, downloads, hreflang and lang are ours (issue 23)', () => {
    const pages = builtPages(dist());
    const problems = pages.flatMap((page) => outputProblems(readFileSync(page.endsWith('/') ? dist(page, 'index.html') : dist(page), 'utf8'), { site: siteUrl(), searchPath: routes.search() }).map((problem) => `${page}: ${problem}`));
    expect(pages).toContain('/bai-hoc/bai-mau/tyz/');
    expect(problems).toEqual([]);
  });

  it('converts nothing again on a second build: every recording comes from the cache', () => {
    const before = Object.fromEntries(audioFiles().map((name) => [name, sha256(readFileSync(dist('am-thanh', name)))]));
    const second = buildCopy(root, { SKIP_PDF: '1' });
    expect(second.status, second.log.slice(-3000)).toBe(0);
    expect(firstLog).toMatch(/ghi âm: 4 tệp làm mới, 0 lấy từ bộ nhớ đệm/);
    expect(second.log).toMatch(/ghi âm: 0 tệp làm mới, 4 lấy từ bộ nhớ đệm/);
    expect(second.log).not.toContain('đang chuyển');
    expect(Object.fromEntries(audioFiles().map((name) => [name, sha256(readFileSync(dist('am-thanh', name)))]))).toEqual(before);
  }, 300_000);

  it('without ffmpeg says so in one line and publishes no audio: no player, no file, nothing listed', () => {
    const without = buildCopy(root, { SKIP_PDF: '1', SKIP_AUDIO: '1', CI: '', REQUIRE_BROWSER: '' });
    expect(without.status, without.log.slice(-3000)).toBe(0);
    expect(without.log.split('\n').filter((line) => line.includes(NO_FFMPEG))).toHaveLength(1);
    expect(readdirSync(dist()).includes('am-thanh')).toBe(false);
    for (const page of ['bai-hoc/bai-mau', 'bai-hoc/bai-mau/tyz', 'bai-hoc/bai-mau/phat-thanh', 'chien-dich/chien-dich-mau/phat-thanh', 'in-an']) {
      expect(html(page), page).not.toMatch(/<audio|am-thanh/);
    }
  }, 300_000);

  it('in CI, a missing ffmpeg stops the build instead of dropping the recordings', () => {
    const failed = buildCopy(root, { SKIP_PDF: '1', FFMPEG_PATH: '/nonexistent/ffmpeg', REQUIRE_BROWSER: '1' });
    expect(failed.status).not.toBe(0);
    expect(failed.log).toContain(`CI cần ffmpeg để kiểm tra và chuyển các bản ghi âm: ${NO_FFMPEG}`);
  }, 120_000);
});

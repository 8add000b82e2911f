// What an editor is told for each bad recording or translation (issue 14): file, field, fix.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FFMPEG } from '../../src/lib/audio/ffmpeg.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkRecordings } from '../../src/lib/content/recordings.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { makeRecording } from '../support/listening-site.ts';
import { canRun } from '../support/prerequisites.ts';

const FIXTURES = path.resolve('tests/fixtures');
const NOW = new Date('2026-11-25T12:00:00Z');
const describeAudio = canRun(['ffmpeg']) ? describe : describe.skip;

/** Recordings made once for every test: a good one, a short one, a long one, a broken one. */
const audioDir = mkdtempSync(path.join(tmpdir(), 'ban-so-recordings-'));
function makeLong(file: string): void {
  // 20 min 5 s of near-silence at 6 kbit/s: small and quick to make, still too long.
  execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=r=8000:a=0.001:d=1205', '-c:a', 'libopus', '-b:a', '6k', file]);
}

const lessonText = readFileSync(path.join(FIXTURES, 'base/lessons/bai-mau.mdx'), 'utf8');
const translationText = readFileSync(path.join(FIXTURES, 'listening/translations/bai-mau.tyz.mdx'), 'utf8');

function audioField(file: string, lang = 'vi', indent = ''): string {
  return [`${indent}audio:`, `${indent}  file: ${file}`, `${indent}  reader: Chị Mẫu`, `${indent}  recorded: 2025-11-12`, `${indent}  lang: ${lang}`].join('\n');
}

/** A content/ folder: the base set, lessons and translations as given, and the generated recordings. */
function contentWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-content-'));
  const content = path.join(root, 'content');
  cpSync(path.join(FIXTURES, 'base'), content, { recursive: true });
  cpSync(audioDir, path.join(content, 'audio'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, name)), { recursive: true });
    writeFileSync(path.join(content, name), text);
  }
  return root;
}
const lessonWith = (frontmatter: string) => lessonText.replace(/^places: \[\]$/m, `places: []\n${frontmatter}`);
const problemsOf = async (files: Record<string, string>) => (await validateContent(contentWith(files), undefined, NOW)).problems.map(formatProblem);

describeAudio('recordings an editor names', () => {
  beforeAll(() => {
    makeRecording(path.join(audioDir, 'tot.m4a'), 6);
    makeRecording(path.join(audioDir, 'ngan.m4a'), 2, 0.5);
    makeLong(path.join(audioDir, 'dai.ogg'));
    const good = readFileSync(path.join(audioDir, 'tot.m4a'));
    writeFileSync(path.join(audioDir, 'dut.m4a'), good.subarray(0, Math.floor(good.length / 3)));
    writeFileSync(path.join(audioDir, 'khong-phai-am-thanh.mp3'), 'Đây là một tệp chữ, không phải âm thanh.\n');
  }, 120_000);

  it('a good recording passes; files nobody names are a warning, not lost in silence', async () => {
    const result = await validateContent(contentWith({ 'lessons/bai-mau.mdx': lessonWith(audioField('tot.m4a')) }), undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual(
      ['dai.ogg', 'dut.m4a', 'khong-phai-am-thanh.mp3', 'ngan.m4a'].map(
        (name) => `content/audio/${name} — (tệp) — tệp ghi âm chưa gắn vào bài nào, nên không lên trang — Thêm trường audio: vào bài mà tệp này đọc (CONTRIBUTING.md, mục 10), hoặc xoá tệp nếu tải nhầm.`,
      ),
    );
  });

  it('a missing file, with where to put it', async () => {
    expect(await problemsOf({ 'lessons/bai-mau.mdx': lessonWith(audioField('khong-co.m4a')) })).toEqual([
      'content/lessons/bai-mau.mdx:16 — audio.file — không tìm thấy tệp ghi âm "content/audio/khong-co.m4a" — Tải tệp lên thư mục content/audio/ và kiểm tra tên tệp (chữ thường, không dấu, đúng đuôi).',
    ]);
  });

  it('a file that does not decode: not audio at all, or cut off halfway', async () => {
    for (const file of ['khong-phai-am-thanh.mp3', 'dut.m4a']) {
      expect(await problemsOf({ 'lessons/bai-mau.mdx': lessonWith(audioField(file)) })).toEqual([
        `content/lessons/bai-mau.mdx:16 — audio.file — không đọc được tệp ghi âm "${file}" (tệp hỏng, tải lên chưa hết, hoặc không phải âm thanh) — Mở tệp trên điện thoại hoặc máy tính xem có nghe được hết không, rồi tải lên lại (m4a, mp3, ogg, wav hoặc amr).`,
      ]);
    }
  });

  it('shorter than 5 s, longer than 20 min', async () => {
    expect(await problemsOf({ 'lessons/bai-mau.mdx': lessonWith(audioField('ngan.m4a')) })).toEqual([
      'content/lessons/bai-mau.mdx:16 — audio.file — ghi âm "ngan.m4a" chỉ dài 3 giây, ngắn hơn 5 giây — Kiểm tra lại tệp: có thể ghi nhầm hoặc bị cắt. Ghi lại cả bài.',
    ]);
    expect(await problemsOf({ 'lessons/bai-mau.mdx': lessonWith(audioField('dai.ogg')) })).toEqual([
      'content/lessons/bai-mau.mdx:16 — audio.file — ghi âm "dai.ogg" dài 20 phút 5 giây, quá 20 phút — Chia thành nhiều bản ngắn hơn 20 phút, hoặc cắt bớt phần không phải bài đọc.',
    ]);
  });

  it('a language not in the list, and a language that is not the page’s', async () => {
    const result = await validateContent(contentWith({ 'lessons/bai-mau.mdx': lessonWith(audioField('tot.m4a', 'daz')) }), undefined, NOW);
    // The field failed its schema, but the file is attached: no "unattached" warning for it.
    expect(result.warnings.map((warning) => warning.file)).not.toContain('content/audio/tot.m4a');
    const [notListed] = result.problems.map(formatProblem);
    expect(notListed).toBe(
      'content/lessons/bai-mau.mdx:19 — audio.lang — giá trị "daz" không có trong danh sách — "daz" là một tiếng ở Indonesia, không phải tiếng Dao: tiếng Dao viết ium (Dao Iu Mien) hoặc mji (Dao Kim Mun, Thanh Y). Giá trị được phép: vi, tyz, ium, mji, mlc.',
    );
    expect(await problemsOf({ 'lessons/bai-mau.mdx': lessonWith(audioField('tot.m4a', 'tyz')) })).toEqual([
      'content/lessons/bai-mau.mdx:19 — audio.lang — ghi âm bằng tiếng Tày, nhưng chữ trên trang là tiếng Việt — Chữ trên trang là lời của bản ghi: ghi âm người đọc đúng bài này. Bản bằng tiếng khác đặt ở bản dịch (content/translations/, xem CONTRIBUTING.md). Ngôn ngữ có mã: vi, tyz, ium, mji, mlc.',
    ]);
  });

  it('one recording attached twice', async () => {
    const twice = lessonWith(`${audioField('tot.m4a')}\nbroadcast:\n${audioField('tot.m4a', 'vi', '  ')}`);
    expect(await problemsOf({ 'lessons/bai-mau.mdx': twice })).toEqual([
      'content/lessons/bai-mau.mdx:22 — broadcast.audio.file — ghi âm "tot.m4a" đã gắn ở content/lessons/bai-mau.mdx (audio) — Mỗi bản ghi chỉ gắn vào một chỗ: xoá một trong hai, hoặc gắn bản ghi khác.',
    ]);
  });

  it('a file name a phone gives (spaces, capitals) is refused before it is looked for', async () => {
    const [problem] = await problemsOf({ 'lessons/bai-mau.mdx': lessonWith(audioField('Ghi âm 001.m4a')) });
    expect(problem).toContain('audio.file — "Ghi âm 001.m4a" không đúng dạng — Đặt tệp ghi âm trong content/audio/ và chỉ viết tên tệp, chữ thường không dấu');
  });
});

describe('recordings without ffmpeg', () => {
  it('says so in one line and still checks what needs no decoding', async () => {
    const root = contentWith({ 'lessons/bai-mau.mdx': lessonWith(audioField('khong-co.m4a')) });
    const entries = (await validateContent(root, undefined, NOW)).entries;
    const result = await checkRecordings(entries, path.join(root, 'content'), null);
    expect(result.notice).toBe(NO_FFMPEG);
    expect(result.problems.map((problem) => problem.field)).toEqual(['audio.file']);
  });
});

describe('translations an editor adds', () => {
  const withoutAudio = translationText.replace(/^audio:\n( {2}.*\n)+/m, '');

  it('the sample passes, with a warning that the lesson changed after it', async () => {
    const result = await validateContent(contentWith({ 'translations/bai-mau.tyz.mdx': withoutAudio }), undefined, NOW);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.warnings.filter((w) => w.file.startsWith('content/translations/')).map(formatProblem)).toEqual([
      'content/translations/bai-mau.tyz.mdx:13 — translated — bài tiếng Việt (content/lessons/bai-mau.mdx) đã sửa ngày 2025-11-10, sau ngày dịch 2025-11-01 — Nhờ người dịch xem phần mới của bài tiếng Việt, sửa bản dịch, rồi ghi ngày dịch mới ở translated.',
    ]);
    const fresh = await validateContent(contentWith({ 'translations/bai-mau.tyz.mdx': withoutAudio.replace('translated: 2025-11-01', 'translated: 2025-11-10') }), undefined, NOW);
    expect(fresh.warnings.filter((w) => w.file.startsWith('content/translations/'))).toEqual([]);
  });

  it('a file name that does not say its lesson and language', async () => {
    expect(await problemsOf({ 'translations/ban-dich.mdx': withoutAudio })).toEqual([
      'content/translations/ban-dich.mdx:2 — (tệp) — tên tệp không khớp với lesson "bai-mau" và lang "tyz" — Đổi tên tệp thành content/translations/bai-mau.tyz.mdx (tên bài, dấu chấm, mã ngôn ngữ).',
    ]);
  });

  it('the translator checking their own work, an unknown lesson, Vietnamese or "daz" as the language', async () => {
    const own = withoutAudio.replace('checkedBy: Người kiểm tra mẫu', 'checkedBy: người dịch mẫu');
    expect(await problemsOf({ 'translations/bai-mau.tyz.mdx': own })).toEqual([
      'content/translations/bai-mau.tyz.mdx:12 — checkedBy — người kiểm tra trùng với người dịch — Nhờ một người thứ hai biết tiếng này đọc lại bản dịch, rồi ghi tên người đó ở checkedBy.',
    ]);
    const [unknown] = await problemsOf({ 'translations/bai-khac.tyz.mdx': withoutAudio.replace('lesson: bai-mau', 'lesson: bai-khac') });
    expect(unknown).toMatch(/^content\/translations\/bai-khac\.tyz\.mdx:2 — lesson — không có "bai-khac" trong bài học/);
    for (const lang of ['vi', 'daz']) {
      const [problem] = await problemsOf({ [`translations/bai-mau.${lang}.mdx`]: withoutAudio.replace('lang: tyz', `lang: ${lang}`) });
      expect(problem, lang).toMatch(new RegExp(`^content/translations/bai-mau\\.${lang}\\.mdx:3 — lang — giá trị "${lang}" không có trong danh sách — .*Giá trị được phép: tyz, ium, mji, mlc\\.$`));
    }
  });

  it('a translation whose leaflet would not fit one A4 page', async () => {
    const point = (n: number) => `  - Ý mẫu số ${n} của bản dịch, viết thật dài cho đủ chín mươi chữ cái trên một dòng giấy.`;
    const long = withoutAudio
      .replace(/keyPoints:\n( {2}- .*\n)+/, `keyPoints:\n${[1, 2, 3, 4, 5].map(point).join('\n')}\n`)
      .replace(/^title: .*$/m, `title: "${'Tiêu đề mẫu của bản dịch rất dài, '.repeat(3)}hết."`)
      .replace(/^leafletTip: .*$/m, `leafletTip: ${'Lời khuyên mẫu rất dài của bản dịch. '.repeat(4).trim()}`);
    const problems = await problemsOf({ 'translations/bai-mau.tyz.mdx': long });
    expect(problems.filter((problem) => problem.includes('tờ rơi sẽ dài hơn một trang A4'))).toHaveLength(1);
  });
});

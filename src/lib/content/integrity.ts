import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { CollectionName } from '../../schemas/helpers.ts';
import { todayInVietnam } from '../dates.ts';
import { estimateLeaflet } from '../print/leaflet-fit.ts';
import { findCycles, type PlaceNode } from '../places/places.ts';
import { routes } from '../routes.ts';
import { imageOutsideContent, imageRefusal, sitePath } from '../reading/urls.ts';
import { closest, listValues } from '../reading/suggest.ts';
import { collect, isImage, isRef } from './node-helpers.ts';
import { fieldName } from './zod-messages.ts';
import type { Problem } from '../problems.ts';
import { unexpectedProblem, type RawEntry } from './load.ts';

/** An entry that passed its schema: `data` is the parsed output (refs as { collection, id }). */
export interface ValidEntry extends RawEntry {
  parsed: Record<string, unknown>;
}

/** Images larger than this are refused: sharp resizes the rest, but 10 MB slows every build. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|avif|gif|tiff?)$/i;

function nameOf(entry: ValidEntry | undefined): string | undefined {
  const data = entry?.parsed;
  return (data?.['name'] ?? data?.['title'] ?? data?.['term'] ?? data?.['label']) as string | undefined;
}

/**
 * Cross-entry rules Astro does not enforce (it only logs a dangling reference).
 * `partial` are entries that failed their schema, with only the fields that passed: their
 * references, images and body are checked too (every problem at once), but nothing may
 * point at them.
 */
export function checkIntegrity(entries: readonly ValidEntry[], all: readonly RawEntry[], now = new Date(), partial: readonly ValidEntry[] = []): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<CollectionName, Map<string, ValidEntry>>();
  for (const entry of entries) {
    const byId = ids.get(entry.collection) ?? new Map<string, ValidEntry>();
    ids.set(entry.collection, byId);
    byId.set(entry.id, entry);
  }

  // Two files that slugify to one URL: one page would silently replace the other.
  const seen = new Map<string, RawEntry>();
  for (const entry of all) {
    if (entry.collection === 'indicators') continue;
    const key = `${entry.collection}/${entry.id}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: entry.file,
        line: first.file === entry.file ? entry.lineOf([]) : undefined,
        field: '(tệp)',
        message: `trùng địa chỉ "${entry.id}" với ${first.file}`,
        fix: 'Đổi tên một trong hai tệp để mỗi bài có một địa chỉ riêng.',
      } as Problem);
    } else seen.set(key, entry);
  }
  const indicatorKeys = new Map<string, RawEntry>();
  for (const entry of all.filter((e) => e.collection === 'indicators')) {
    const first = indicatorKeys.get(entry.id);
    if (first) {
      problems.push({
        file: entry.file,
        line: entry.lineOf(['place']),
        field: 'place',
        message: `số liệu trùng (cùng địa phương, chỉ số và ngày) với dòng ${first.lineOf(['place']) ?? '?'}`,
        fix: 'Xoá một dòng, hoặc sửa ngày nếu là hai lần đo khác nhau.',
      });
    } else indicatorKeys.set(entry.id, entry);
  }

  let sitePaths: Set<string> | undefined;
  for (const entry of [...entries, ...partial]) {
    // Never a stack trace: whatever goes wrong with one entry is a problem of its file (issue 23).
    try {
      for (const { value, path: fieldPath } of collect(entry.parsed, isRef)) {
        const targets = ids.get(value.collection) ?? new Map<string, ValidEntry>();
        if (targets.has(value.id)) continue;
        const candidates = [...targets.keys()].sort();
        const guess = closest(value.id, [...candidates, ...candidates.map((id) => nameOf(targets.get(id)) ?? id)]);
        const guessId = guess && (targets.has(guess) ? guess : candidates.find((id) => nameOf(targets.get(id)) === guess));
        problems.push({
          file: entry.file,
          line: entry.lineOf(fieldPath),
          field: fieldName(fieldPath),
          message: `không có "${value.id}" trong ${COLLECTION_LABELS[value.collection]}`,
          fix: `${guessId ? `Có phải bạn muốn viết "${guessId}"? ` : ''}Giá trị được phép: ${listValues(candidates)}.`,
        });
      }
      for (const { value, path: fieldPath } of collect(entry.parsed, isImage)) {
        problems.push(...checkImage(entry, value.imagePath, fieldName(fieldPath), entry.lineOf(fieldPath)));
      }
      if (entry.collection === 'news') {
        const date = entry.parsed['date'];
        if (date instanceof Date && date > todayInVietnam(now)) {
          problems.push({
            file: entry.file,
            line: entry.lineOf(['date']),
            field: 'date',
            message: `ngày ${date.toISOString().slice(0, 10)} ở tương lai`,
            fix: 'Tin chỉ đăng khi sự việc đã diễn ra: sửa lại ngày.',
          });
        }
      }
      if (entry.body !== undefined) {
        sitePaths ??= knownSitePaths(ids);
        problems.push(...checkBody(entry, ids.get('glossary'), sitePaths));
      }
      if (entry.collection === 'lessons') problems.push(...checkLeafletFit(entry));
      // A translation prints its own leaflet, with the help phone of its lesson.
      if (entry.collection === 'translations') problems.push(...checkLeafletFit(entry, ids.get('lessons')?.get((entry.parsed['lesson'] as { id?: string } | undefined)?.id ?? '')?.parsed['helpPhone'] as string | undefined));
    } catch (error) {
      problems.push(unexpectedProblem(entry.file, error));
    }
  }

  const places: PlaceNode[] = entries
    .filter((entry) => entry.collection === 'places')
    .map((entry) => ({
      id: entry.id,
      name: String(entry.parsed['name']),
      kind: String(entry.parsed['kind']),
      parent: (entry.parsed['parent'] as { id: string } | undefined)?.id,
      successors: ((entry.parsed['successors'] as Array<{ id: string }> | undefined) ?? []).map((ref) => ref.id),
    }));
  const placeFiles = ids.get('places');
  for (const cycle of findCycles(places)) {
    const first = placeFiles?.get(cycle[0] ?? '');
    problems.push({
      file: first?.file ?? 'content/places',
      line: first?.lineOf(['successors']),
      field: 'successors',
      message: `vòng lặp: ${cycle.join(' → ')}`,
      fix: 'Một đơn vị không thể kế thừa chính nó hay trực thuộc chính nó: sửa successors hoặc parent.',
    });
  }
  return problems;
}

/** The printed leaflet must stay one A4 page (src/lib/print/leaflet-fit.ts; the PDF step checks it too). */
function checkLeafletFit(entry: ValidEntry, helpPhone = entry.parsed['helpPhone'] as string | undefined): Problem[] {
  const data = entry.parsed;
  const fit = estimateLeaflet({
    title: String(data['title']),
    keyPoints: (data['keyPoints'] as string[] | undefined) ?? [],
    tip: String(data['leafletTip'] ?? ''),
    helpPhone,
  });
  if (fit.fits) return [];
  return [
    {
      file: entry.file,
      line: entry.lineOf(['keyPoints']),
      field: 'keyPoints',
      message: `tờ rơi sẽ dài hơn một trang A4 (ước tính ${fit.heightMm} mm, một trang chứa ${fit.availableMm} mm)`,
      fix: `Rút gọn các ý chính (bớt chữ hoặc bớt một ý), tiêu đề hay lời khuyên (leafletTip) khoảng ${fit.heightMm - fit.availableMm} mm, tức vài dòng.`,
    },
  ];
}

const COLLECTION_LABELS: Record<CollectionName, string> = {
  lessons: 'bài học (content/lessons/)',
  translations: 'bản dịch (content/translations/)',
  news: 'tin tức (content/news/)',
  stories: 'câu chuyện (content/stories/)',
  campaigns: 'chiến dịch (content/campaigns/)',
  places: 'địa phương (content/places/)',
  topics: 'chủ đề (content/topics.yaml)',
  metrics: 'chỉ số (content/metrics.yaml)',
  indicators: 'số liệu (content/indicators.yaml)',
  glossary: 'từ điển (content/glossary/)',
};

/** The folder content/ the entry was read from (images must stay inside it). */
function contentDirOf(entry: RawEntry): string {
  if (entry.contentDir) return entry.contentDir;
  // Entries made by hand (tests): the nearest folder named content/ above the file.
  let dir = path.dirname(entry.absolutePath);
  while (path.basename(dir) !== 'content' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.basename(dir) === 'content' ? dir : path.dirname(path.dirname(entry.absolutePath));
}

function checkImage(entry: RawEntry, imagePath: string, field: string, line: number | undefined): Problem[] {
  const absolute = path.resolve(path.dirname(entry.absolutePath), imagePath);
  const where = { file: entry.file, line, field };
  // One set of URL rules for the check and the renderer (src/lib/reading/urls.ts).
  const refused = imageRefusal(imagePath) ?? imageOutsideContent(entry.absolutePath, imagePath, contentDirOf(entry));
  if (refused) return [{ ...where, message: refused.message, fix: refused.fix }];
  if (!IMAGE_EXTENSIONS.test(imagePath)) {
    return [{ ...where, message: `"${imagePath}" không phải ảnh PNG, JPEG, WebP hoặc AVIF`, fix: 'Dùng ảnh .jpg, .png, .webp hoặc .avif.' }];
  }
  if (!existsSync(absolute)) {
    return [{ ...where, message: `không tìm thấy ảnh "${imagePath}"`, fix: 'Kiểm tra tên ảnh (chữ hoa, chữ thường) và đường dẫn tính từ tệp bài viết.' }];
  }
  const size = statSync(absolute).size;
  if (size > MAX_IMAGE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return [{ ...where, message: `ảnh nặng ${mb} MB, quá giới hạn 10 MB`, fix: 'Chụp lại ở chất lượng thấp hơn hoặc thu nhỏ ảnh trước khi tải lên (trang tự nén ảnh dưới 10 MB).' }];
  }
  return [];
}

const safeDecode = (text: string): string => {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
};

/**
 * Every page of the site an editor can link to, from the entries the check has (src/lib/routes.ts
 * builds each address, as the pages do). Numbered list pages (/tin-tuc/2/) are left out: they
 * move as lessons are added.
 */
export function knownSitePaths(ids: ReadonlyMap<CollectionName, ReadonlyMap<string, ValidEntry>>): Set<string> {
  const paths = new Set<string>([
    routes.home(),
    routes.lessons(),
    routes.newsList(),
    routes.stories(),
    routes.places(),
    routes.campaigns(),
    routes.search(),
    routes.lessonsAz(),
    routes.printCentre(),
    routes.glossary(),
    routes.offline(),
    routes.rss(),
  ]);
  const keys = (collection: CollectionName) => [...(ids.get(collection)?.keys() ?? [])];
  const lessonPages = (id: string) => [routes.lesson(id), routes.leaflet(id), routes.leafletA5(id), routes.broadcast(id), routes.leafletPdf(id), routes.leafletA5Pdf(id)];
  for (const id of keys('lessons')) for (const page of lessonPages(id)) paths.add(page);
  for (const entry of ids.get('translations')?.values() ?? []) {
    const lesson = (entry.parsed['lesson'] as { id?: string } | undefined)?.id;
    if (lesson && typeof entry.parsed['lang'] === 'string') for (const page of lessonPages(`${lesson}/${entry.parsed['lang']}`)) paths.add(page);
  }
  for (const id of keys('news')) paths.add(routes.news(id));
  for (const id of keys('stories')) paths.add(routes.story(id));
  for (const id of keys('places')) paths.add(routes.place(id));
  for (const id of keys('campaigns')) for (const page of [routes.campaign(id), routes.meetingPack(id), routes.meetingPackPdf(id), routes.campaignBroadcast(id)]) paths.add(page);
  for (const id of keys('topics')) for (const page of [routes.topic(id), routes.printTopic(id)]) paths.add(page);
  return paths;
}

/**
 * Body rules, on what the renderer writes (entry.uses, from src/lib/article/render.ts): pictures
 * need alt text and must be files of content/; <Term id> and glossary links must name a glossary
 * entry; a link to a page of the site must name a page that exists.
 */
function checkBody(entry: ValidEntry, glossary: Map<string, ValidEntry> | undefined, sitePaths: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const where = (line: number | undefined) => ({ file: entry.file, line, field: 'nội dung' });
  for (const use of entry.uses ?? []) {
    if (use.kind === 'image') {
      const src = safeDecode(use.url);
      if ((use.alt ?? '').trim().length < 5) {
        problems.push({ ...where(use.line), message: `ảnh "${src}" thiếu mô tả (alt)`, fix: 'Viết mô tả ảnh trong ngoặc vuông: ![Mô tả ảnh](đường-dẫn).' });
      }
      // A refused src was reported by the renderer's pass (load.ts); the rest must be a real picture.
      if (!imageRefusal(src)) problems.push(...checkImage(entry, src, 'nội dung', use.line));
      continue;
    }
    if (use.kind === 'term') {
      // <Term id="x"> and a Markdown link into the glossary, [chữ](/tu-dien/#x), are the same thing.
      if (glossary?.has(use.url)) continue;
      const candidates = [...(glossary?.keys() ?? [])].sort();
      const guess = closest(use.url, candidates);
      problems.push({
        ...where(use.line),
        message: `${entry.body?.includes(`<Term id="${use.url}"`) ? `<Term id="${use.url}">` : `liên kết ${routes.glossaryTerm(use.url)}`} không có trong từ điển`,
        fix: `${guess ? `Có phải bạn muốn viết "${guess}"? ` : ''}Từ có trong từ điển: ${listValues(candidates)}.`,
      });
      continue;
    }
    const site = sitePath(use.url);
    if (site === undefined) continue;
    const page = safeDecode(site.replace(/[?#].*$/, ''));
    if (sitePaths.has(page)) continue;
    const guess = closest(page, [...sitePaths]);
    problems.push({
      ...where(use.line),
      message: `liên kết tới "${page}": trang này không có trên Bản Số`,
      fix: `${guess ? `Có phải bạn muốn viết "${guess}"? ` : ''}Chép địa chỉ từ thanh địa chỉ khi mở trang đó (địa chỉ luôn kết thúc bằng "/").`,
    });
  }
  return problems;
}

/** An image an entry uses (cover or a picture in the body), for the decoding check. */
export interface ImageUse {
  file: string;
  line: number | undefined;
  field: string;
  imagePath: string;
  absolute: string;
}

/** Every local image that exists and passed the other checks, from entries' fields and bodies. */
export function imageUses(entries: readonly ValidEntry[]): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const entry of entries) {
    const add = (imagePath: string, field: string, line: number | undefined) => {
      const absolute = path.resolve(path.dirname(entry.absolutePath), imagePath);
      if (checkImage(entry, imagePath, field, line).length === 0) uses.push({ file: entry.file, line, field, imagePath, absolute });
    };
    for (const { value, path: fieldPath } of collect(entry.parsed, isImage)) add(value.imagePath, fieldName(fieldPath), entry.lineOf(fieldPath));
    for (const use of entry.uses ?? []) if (use.kind === 'image') add(safeDecode(use.url), 'nội dung', use.line);
  }
  return uses;
}

/**
 * Images sharp cannot decode (a broken upload, a renamed document): the build would stop with a
 * stack trace deep in the image pipeline; editors get the article, the field and what to do.
 */
export async function checkImagesDecode(uses: readonly ImageUse[]): Promise<Problem[]> {
  const decoded = new Map<string, Promise<boolean>>();
  const decodes = (absolute: string) => {
    let result = decoded.get(absolute);
    if (!result) {
      result = sharp(absolute)
        .metadata()
        .then((meta) => Boolean(meta.width && meta.height))
        .catch(() => false);
      decoded.set(absolute, result);
    }
    return result;
  };
  const problems: Problem[] = [];
  for (const use of uses) {
    if (await decodes(use.absolute)) continue;
    problems.push({
      file: use.file,
      line: use.line,
      field: use.field,
      message: `không đọc được ảnh "${use.imagePath}" (tệp hỏng hoặc không phải ảnh thật)`,
      fix: 'Mở ảnh trên máy tính xem có hiện không, lưu lại thành .jpg hoặc .png rồi tải lên lại.',
    });
  }
  return problems;
}

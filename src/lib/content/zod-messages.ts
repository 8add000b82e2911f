import type { z } from 'astro/zod';
import { closest, listValues } from '../reading/suggest.ts';
import { BUILD_FIELDS } from '../../schemas/helpers.ts';

/** A schema issue in editor words: what is wrong and what to do. */
export interface EditorMessage {
  field: string;
  path: PropertyKey[];
  message: string;
  fix: string;
}

/** Field path as editors see it in the file: "cover.alt", "keyPoints[2]". */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

const CUSTOM: Record<string, { message: string; fix: string }> = {
  checker_is_translator: {
    message: 'người kiểm tra trùng với người dịch',
    fix: 'Nhờ một người thứ hai biết tiếng này đọc lại bản dịch, rồi ghi tên người đó ở checkedBy.',
  },
  invalid_day: {
    message: 'ngày không đúng dạng hoặc không có thật',
    fix: 'Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01.',
  },
  successors_need_valid_until: {
    message: 'đơn vị đã có đơn vị kế thừa nhưng chưa có ngày thôi tồn tại',
    fix: 'Thêm "validUntil: 2025-07-01" (ngày đơn vị thôi tồn tại).',
  },
  valid_until_before_from: {
    message: 'ngày thôi tồn tại đứng trước ngày bắt đầu',
    fix: 'Kiểm tra lại validFrom và validUntil.',
  },
  source_needs_address: {
    message: 'nguồn chưa có địa chỉ',
    fix: 'Thêm "url: https://…" là địa chỉ bài. Chỉ khi đã tìm mà không thấy bài trên mạng, viết "noAddress:" một câu nói vì sao (ví dụ: Chưa tìm được địa chỉ bài trên baoquangninh.vn).',
  },
  source_address_and_no_address: {
    message: 'nguồn vừa có địa chỉ vừa ghi "không có địa chỉ"',
    fix: 'Đã có "url:" thì xoá dòng "noAddress:".',
  },
  unverified_not_a_successor: {
    message: 'đơn vị "chưa đối chiếu" không có trong successors',
    fix: 'Mỗi mã trong "unverifiedSuccessors:" phải có trong "successors:". Thêm vào successors, hoặc xoá khỏi unverifiedSuccessors.',
  },
  end_before_start: {
    message: 'ngày kết thúc đứng trước ngày bắt đầu',
    fix: 'Kiểm tra lại start và end.',
  },
};

function lookup(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

/** What to write for a missing field, by its name: the fix line editors read most. */
const MISSING_HINTS: Record<string, string> = {
  title: 'Thêm "title:" và tên bài ngắn gọn, ví dụ: title: Trả tiền điện bằng mã QR',
  summary: 'Thêm "summary:" với một hai câu tóm tắt (tối đa 160 ký tự).',
  topic: 'Thêm "topic:" với mã chủ đề trong content/topics.yaml, ví dụ: topic: thanh-toan',
  level: 'Thêm "level: co-ban" (người mới dùng) hoặc "level: nang-cao".',
  updated: 'Thêm "updated:" với ngày kiểm tra bài, dạng NĂM-THÁNG-NGÀY, ví dụ 2025-11-10.',
  date: 'Thêm "date:" với ngày, dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01.',
  alt: 'Thêm "alt:" với một câu tả ảnh cho người không xem được ảnh, ví dụ: alt: Điện thoại đang quét mã QR trên hoá đơn.',
  keyPoints: 'Thêm "keyPoints:" với 3 đến 5 dòng ngắn, mỗi dòng bắt đầu bằng "  - ".',
  leafletTip: 'Thêm "leafletTip:" với một lời khuyên ngắn để in trên tờ rơi.',
  source: 'Thêm "source: { name: Tên nguồn, url: https://… }" để ghi nguồn.',
  sources: 'Thêm "sources:" với ít nhất một nguồn chính thức bạn đã đọc: mỗi nguồn một mục "- name: …", "publisher: …", "url: https://…", "read: NĂM-THÁNG-NGÀY" (xem CONTRIBUTING.md).',
  reviewed: 'Thêm "reviewed:" với ngày bạn làm thử lại các bước trên ứng dụng hay ở cơ quan thật, dạng NĂM-THÁNG-NGÀY.',
  publisher: 'Thêm "publisher:" với tên cơ quan hay tờ báo đăng trang đó, ví dụ: publisher: Báo Quảng Ninh',
  read: 'Thêm "read:" với ngày bạn đọc trang đó, dạng NĂM-THÁNG-NGÀY.',
  checked: 'Thêm "checked:" với ngày bạn đối chiếu số điện thoại với nguồn, dạng NĂM-THÁNG-NGÀY.',
  who: 'Thêm "who:" với tên nơi nghe máy, ví dụ: who: Công an xã Bình Liêu',
  what: 'Thêm "what:" với việc bà con gọi để hỏi, ví dụ: what: Hỏi cách đăng ký tài khoản định danh mức 2',
  phone: 'Thêm "phone:" với số điện thoại, chỉ chữ số, trong ngoặc kép, ví dụ: phone: "19000368"',
  place: 'Thêm "place:" với mã địa phương trong content/places/, ví dụ: place: xa-dai-duc',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'một dòng chữ',
  number: 'một con số',
  array: 'một danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
  object: 'một nhóm trường con',
  boolean: 'true hoặc false',
  date: 'một ngày',
};

/**
 * Turn zod issues into editor messages. `data` is the raw input, used to tell a missing
 * field from a wrong one; `schema` gives the allowed field names for "did you mean".
 */
export function editorMessages(error: z.ZodError, data: unknown, schema?: z.ZodType): EditorMessage[] {
  const messages: EditorMessage[] = [];
  for (const issue of error.issues) {
    const path = [...issue.path];
    const field = fieldName(path) || '(frontmatter)';
    const got = lookup(data, path);
    switch (issue.code) {
      case 'invalid_type': {
        if ((got === undefined || got === null) && path.at(-1) === 'sources' && path.includes('contacts')) {
          // Issue 25: a number without its source is refused, never shown.
          messages.push({
            field,
            path,
            message: 'số điện thoại chưa có nguồn',
            fix: 'Thêm "sources:" dưới số này: trang chính thức (cơ quan, nhà cung cấp dịch vụ, Báo Quảng Ninh) có ghi đúng số này, mỗi nguồn "- name: …", "publisher: …", "url: https://…", "read: NĂM-THÁNG-NGÀY". Không tìm được nguồn thì xoá số: số sai đưa cuộc gọi của bà con đến người lạ.',
          });
        } else if ((got === undefined || got === null) && path.at(-1) === 'source' && path.includes('quotes')) {
          // Issue 24: a quotation names where it was printed, or it is not shown as one.
          messages.push({
            field,
            path,
            message: 'lời trích chưa có nguồn',
            fix: 'Thêm "source:" là bài in đúng lời này: "name: …", "publisher: …", "url: https://…", "read: NĂM-THÁNG-NGÀY". Không có bài để dẫn thì xoá lời trích và viết lại ý đó bằng lời của mình trong bài.',
          });
        } else if (got === undefined || got === null) {
          const name = String(path.at(-1));
          const fix = MISSING_HINTS[name] ?? `Thêm "${name}:" và điền ${TYPE_NAMES[issue.expected] ?? 'giá trị'}.`;
          messages.push({ field, path, message: 'thiếu trường bắt buộc', fix });
        } else {
          messages.push({ field, path, message: `cần ${TYPE_NAMES[issue.expected] ?? issue.expected}`, fix: `Sửa giá trị "${short(got)}" thành ${TYPE_NAMES[issue.expected] ?? issue.expected}.` });
        }
        break;
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') {
          messages.push({ field, path, message: `quá ngắn (ít nhất ${min} ký tự)`, fix: 'Viết đầy đủ hơn.' });
        } else if (issue.origin === 'array') {
          messages.push({ field, path, message: `cần ít nhất ${min} mục`, fix: `Thêm mục cho đủ ${min}.` });
        } else {
          messages.push({ field, path, message: `nhỏ hơn mức cho phép (ít nhất ${min})`, fix: 'Sửa lại con số.' });
        }
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (path.includes('followUp')) {
          // Issue 27: the follow-up sheet prints on one A4 page beside name, village and phone.
          const what = issue.origin === 'array' ? `quá nhiều cột (tối đa ${max})` : `tên cột quá dài (${typeof got === 'string' ? got.length : 0} ký tự, tối đa ${max})`;
          messages.push({
            field,
            path,
            message: `${what}: tờ theo dõi không còn vừa một trang A4`,
            fix: issue.origin === 'array' ? `Giữ ${max} việc chương trình họp cần theo dõi nhất, bỏ các cột khác.` : `Viết tên cột ngắn hơn, ${max} ký tự trở xuống, ví dụ "Đã có mức 2".`,
          });
        } else if (issue.origin === 'string') {
          const length = typeof got === 'string' ? got.length : 0;
          messages.push({ field, path, message: `quá dài (${length} ký tự, tối đa ${max})`, fix: `Rút gọn còn ${max} ký tự trở xuống.` });
        } else if (issue.origin === 'array') {
          messages.push({ field, path, message: `quá nhiều mục (tối đa ${max})`, fix: `Bớt còn ${max} mục.` });
        } else {
          messages.push({ field, path, message: `lớn hơn mức cho phép (tối đa ${max})`, fix: 'Sửa lại con số.' });
        }
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        // "daz" is a language of Indonesia that happens to be called Dao (FACTS.md): never guess from it.
        const guess = got === 'daz' ? undefined : typeof got === 'string' ? closest(got, allowed) : undefined;
        const dao = got === 'daz' ? '"daz" là một tiếng ở Indonesia, không phải tiếng Dao: tiếng Dao viết ium (Dao Iu Mien) hoặc mji (Dao Kim Mun, Thanh Y). ' : '';
        messages.push({
          field,
          path,
          message: `giá trị "${short(got)}" không có trong danh sách`,
          fix: `${dao}${guess ? `Có phải bạn muốn viết "${guess}"? ` : ''}Giá trị được phép: ${listValues(allowed)}.`,
        });
        break;
      }
      case 'unrecognized_keys': {
        for (const key of issue.keys) {
          const keyPath = [...path, key];
          const parent = lookup(data, path);
          const siblings = parent && typeof parent === 'object' ? Object.keys(parent) : [];
          // Never "did you mean" a field the build fills (the body's pictures): editors do not write it.
          const allowed = (schema ? keysAt(schema, path) : []).filter((k) => !siblings.includes(k) && !(path.length === 0 && BUILD_FIELDS.includes(k)));
          const guess = closest(key, allowed);
          const fix =
            key === 'slug'
              ? 'Xoá dòng "slug:". Địa chỉ trang lấy từ tên tệp; muốn đổi địa chỉ thì đổi tên tệp.'
              : guess
                ? `Có phải bạn muốn viết "${guess}"? Sửa tên trường hoặc xoá dòng này.`
                : 'Xoá dòng này hoặc sửa tên trường (xem CONTRIBUTING.md).';
          messages.push({ field: fieldName(keyPath), path: keyPath, message: `trường "${key}" không được dùng ở đây`, fix });
        }
        break;
      }
      case 'invalid_format': {
        const known = issue.message === 'invalid_day' ? dayMessage(got) : CUSTOM[issue.message];
        if (known) {
          messages.push({ field, path, message: known.message, fix: known.fix });
        } else if (issue.format === 'url' && typeof got === 'string' && /^http:\/\//i.test(got.trim())) {
          messages.push({ field, path, message: 'đường dẫn bắt đầu bằng http://, không an toàn', fix: 'Mở trang nguồn, dùng địa chỉ bắt đầu bằng https:// (hầu hết trang chính thức đều có); không có bản https thì chọn nguồn khác.' });
        } else if (issue.format === 'url') {
          messages.push({ field, path, message: 'đường dẫn không hợp lệ', fix: 'Dán đường dẫn đầy đủ bắt đầu bằng https://' });
        } else {
          messages.push({ field, path, message: `"${short(got)}" không đúng dạng`, fix: formatHint(path) });
        }
        break;
      }
      case 'custom': {
        const known = issue.message === 'invalid_day' ? dayMessage(got) : CUSTOM[issue.message];
        messages.push({ field, path, message: known?.message ?? issue.message, fix: known?.fix ?? 'Xem CONTRIBUTING.md.' });
        break;
      }
      default:
        messages.push({ field, path, message: issue.message, fix: 'Xem CONTRIBUTING.md.' });
    }
  }
  return messages;
}

/** A date editors wrote the Vietnamese way (10/11/2025 = 10 November) gets its ISO form. */
function dayMessage(got: unknown): { message: string; fix: string } {
  const generic = CUSTOM['invalid_day']!;
  if (typeof got !== 'string') return generic;
  const message = `ngày "${short(got)}" không đúng dạng NĂM-THÁNG-NGÀY hoặc không có thật`;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(got.trim());
  if (!match) return { message, fix: generic.fix };
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return { message, fix: `Viết năm trước, rồi tháng, rồi ngày: nếu là ngày ${Number(day)} tháng ${Number(month)} năm ${year} thì viết ${iso}.` };
}

function formatHint(path: readonly PropertyKey[]): string {
  const last = String(path.at(-1));
  if (last === 'phone' && path.includes('contacts')) return 'Chỉ viết chữ số như khi bấm máy, 3 đến 11 số, trong ngoặc kép, ví dụ "19000368" hoặc "113".';
  if (last === 'helpPhone') return 'Chỉ viết chữ số, có thể cách nhau bằng dấu cách, ví dụ 1900 0368.';
  if (last === 'file' && path.includes('audio')) return 'Đặt tệp ghi âm trong content/audio/ và chỉ viết tên tệp, chữ thường không dấu, ví dụ cai-vneid-chi-lan.m4a (đuôi m4a, mp3, ogg, opus, wav, amr hoặc aac).';
  return 'Xem ví dụ trong CONTRIBUTING.md.';
}

/** Field names a schema allows at a path (for "did you mean"), read from zod's definitions. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const steps = [...path];
  for (let guard = 0; guard < 50 && current; guard++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def['type'] === 'optional' || def['type'] === 'default' || def['type'] === 'nullable') current = def['innerType'];
    else if (def['type'] === 'pipe') current = def['in'];
    else if (def['type'] === 'array') {
      if (typeof steps[0] === 'number') steps.shift();
      current = def['element'];
    } else if (def['type'] === 'object') {
      const shape = def['shape'] as Record<string, unknown>;
      const next = steps.shift();
      if (next === undefined) return Object.keys(shape);
      current = shape[String(next)];
    } else return [];
  }
  return [];
}

function short(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

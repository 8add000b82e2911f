import { describe, expect, it } from 'vitest';
import { buildScript, variantSentences } from '../../src/lib/print/broadcast.ts';
import { contactView, helpLine, mergeContacts, phoneDigits, type Contact } from '../../src/lib/contact/contacts.ts';
import { nodeHelpers } from '../../src/schemas/helpers.ts';
import { LessonSchema } from '../../src/schemas/content.ts';
import { PlaceSchema } from '../../src/schemas/places.ts';
import { editorMessages } from '../../src/lib/content/zod-messages.ts';

const SOURCE = { name: 'Trang có ghi số', publisher: 'Báo Quảng Nam', url: 'https://baoquangnam.vn/x', read: new Date('2026-12-07') };
const contact = (who: string, phone: string): Contact => ({ who, what: 'Hỏi khi cần', phone, sources: [SOURCE], checked: new Date('2026-12-07') });

const LESSON = {
  title: 'Bài có số để gọi',
  summary: 'Bài học mẫu dùng để kiểm tra số điện thoại.',
  topic: 'dinh-danh-dien-tu',
  level: 'co-ban',
  updated: '2026-12-07',
  reviewed: '2026-12-07',
  sources: [{ name: 'Trang mẫu của bộ thử', publisher: 'Bộ thử Bản Số', url: 'https://ban-so.example.org/nguon-mau', read: '2026-12-07' }],
  keyPoints: ['Một ý.', 'Hai ý.', 'Ba ý.'],
  leafletTip: 'Không đưa mã cho ai.',
};

describe('a number to call is content with its source', () => {
  it('is refused without sources, with a message that says why', () => {
    const schema = LessonSchema(nodeHelpers);
    const data = { ...LESSON, contacts: [{ who: 'Tổng đài', what: 'Hỏi khi cần giúp', phone: '19000368', checked: '2026-12-07' }] };
    const result = schema.safeParse(data);
    expect(result.success).toBe(false);
    const messages = editorMessages(result.error!, data, schema);
    expect(messages).toEqual([expect.objectContaining({ field: 'contacts[0].sources', message: 'số điện thoại chưa có nguồn' })]);
    expect(messages[0]!.fix).toMatch(/^Thêm "sources:"/);
  });

  it('keeps the number as digits, whatever spaces, dots or YAML number it was written with', () => {
    const place = PlaceSchema(nodeHelpers);
    const base = { name: 'Bình Liêu', kind: 'commune' };
    const src = [{ name: 'Trang có ghi số', publisher: 'Báo Quảng Ninh', url: 'https://baoquangninh.vn/x', read: '2026-12-07' }];
    const parse = (phone: unknown) => place.parse({ ...base, contacts: [{ who: 'Công an xã', what: 'Đăng ký mức 2', phone, sources: src, checked: '2026-12-07' }] }).contacts[0]!.phone;
    expect(parse('0203 3878 123')).toBe('02033878123');
    expect(parse('1900.9068')).toBe('19009068');
    expect(parse(113)).toBe('113');
    expect(() => parse('gọi tổng đài')).toThrow();
    expect(() => parse('12')).toThrow();
  });

  it('shows as a tel: button with the number grouped for reading, and says where it comes from', () => {
    const view = contactView(contact('Tổng đài Bảo hiểm xã hội Việt Nam', '19009068'));
    expect(view.href).toBe('tel:19009068');
    expect(view.printed).toBe('1900 9068');
    expect(view.spoken).toBe('một chín không không, chín không sáu tám');
    expect(view.source).toEqual({ name: SOURCE.name, publisher: SOURCE.publisher, url: SOURCE.url });
    expect(contactView(contact('Di động', '0912345678')).printed).toBe('0912 345 678');
  });

  it('joins lists in order of preference, each number once', () => {
    const lesson = [contact('Tổng đài Bộ Công an', '1900 0368')];
    const commune = [contact('Công an xã', '02033878123')];
    const province = [contact('Báo lừa đảo', '156'), contact('Bộ Công an (trùng)', '19000368')];
    const merged = mergeContacts(lesson, commune, undefined, province);
    expect(merged.map((c) => c.who)).toEqual(['Tổng đài Bộ Công an', 'Công an xã', 'Báo lừa đảo']);
    expect(phoneDigits(merged[0]!.phone)).toBe('19000368');
  });

  it('gives the leaflet and the script the first number, with who answers', () => {
    expect(helpLine([contact('Báo lừa đảo', '156'), contact('Cảnh sát', '113')])).toEqual({ who: 'Báo lừa đảo', phone: '156', printed: '156' });
    expect(helpLine([])).toBeUndefined();
  });
});

describe('the loudspeaker reads the number digit by digit, in groups, twice', () => {
  it('says who answers without brackets', () => {
    const script = buildScript({ title: 'VNeID', message: ['Bà con cài VNeID.'], action: 'Cài VNeID.', phone: '113', phoneWho: 'Cảnh sát phản ứng nhanh (khẩn cấp)' });
    expect(script.sections.find((s) => s.role === 'action')!.sentences.join(' ')).toContain('bà con gọi Cảnh sát phản ứng nhanh, khẩn cấp, số một một ba.');
  });

  it('names who answers, then the digits', () => {
    const script = buildScript({ title: 'VNeID', message: ['Bà con cài VNeID.'], action: 'Cài VNeID.', phone: '19000368', phoneWho: 'Tổng đài Bộ Công an' });
    const action = script.sections.find((s) => s.role === 'action')!.sentences.join(' ');
    expect(action).toContain('Khi cần giúp, bà con gọi Tổng đài Bộ Công an, số một chín không không, không ba sáu tám.');
    expect(action).toContain('Xin nhắc lại: một chín không không, không ba sáu tám.');
    expect(script.phonePrinted).toBe('1900 0368');
  });
});

describe("a campaign's own way of doing a lesson's steps", () => {
  it('is said in plain sentences, and the loudspeaker reads it with every number in words', () => {
    const lines = variantSentences({ lesson: { title: 'Cài đặt và kích hoạt VNeID mức 2' }, goTo: 'buổi họp thôn', bring: ['căn cước', 'điện thoại'], why: 'Công an xã về làm tại buổi họp thôn ngày 12/10' });
    expect(lines).toEqual(['Về bài Cài đặt và kích hoạt VNeID mức 2: trong chiến dịch này, cách làm có thay đổi.', 'Bà con đến buổi họp thôn.', 'Mang theo: căn cước, điện thoại.', 'Công an xã về làm tại buổi họp thôn ngày 12/10.']);
    const script = buildScript({ title: 'Cách làm riêng', message: lines, action: lines[1]! });
    expect(script.sections.find((s) => s.role === 'message')!.sentences.join(' ')).toContain('ngày mười hai tháng mười');
  });
});

import { describe, expect, it } from 'vitest';
import { forTheEar } from '../../src/lib/print/for-the-ear.ts';
import { checkSpokenMenus, type SpokenEntry } from '../../src/lib/content/spoken.ts';

describe('scripts read by ear (issue 27): menu names a listener cannot act on', () => {
  it('leaves out a part that only names a menu, keeping what to do', () => {
    expect(forTheEar('Trả trong ứng dụng ngân hàng, mục trả hoá đơn tiền điện.')).toEqual({ text: 'Trả trong ứng dụng ngân hàng.', left: ['mục trả hoá đơn tiền điện'], unheard: [] });
    expect(forTheEar('Trên VNeID, vào mục Thủ tục hành chính, chọn thủ tục khai sinh.').text).toBe('Trên VNeID, chọn thủ tục khai sinh.');
    expect(forTheEar('Xem thẻ: vào "Ví giấy tờ", chọn thẻ bảo hiểm y tế.').text).toBe('Xem thẻ: chọn thẻ bảo hiểm y tế.');
    expect(forTheEar('Chưa có thẻ: chọn "Tích hợp thông tin", nhập số thẻ, gửi yêu cầu.').text).toBe('Chưa có thẻ: nhập số thẻ, gửi yêu cầu.');
    // A first part left out: the sentence still starts with a capital.
    expect(forTheEar('Mục Dịch vụ công, chọn nhận lương qua tài khoản.').text).toBe('Chọn nhận lương qua tài khoản.');
  });

  it('keeps a menu read with what it does, quoted speech, and plain instructions', () => {
    for (const sentence of ['Vào "Quyền riêng tư" để chọn ai được nhắn tin, gọi điện cho mình.', 'Ai gọi bảo "cập nhật VNeID", gửi link là kẻ lừa đảo.', 'Mở ứng dụng ngân hàng, chọn trả hoá đơn, rồi chọn tiền nước.']) {
      expect(forTheEar(sentence)).toEqual({ text: sentence, left: [], unheard: [] });
    }
  });

  it('reads "mục tiêu" and "mục đích" as the words they are, not as menus', () => {
    for (const sentence of ['Mục tiêu năm nay là 90 phần trăm, cả thôn cùng làm.', 'Huyện tiếp nối mục tiêu đó ở các xã mới.', 'Mục đích là giữ tiền an toàn, không mất tiền.']) {
      expect(forTheEar(sentence)).toEqual({ text: sentence, left: [], unheard: [] });
    }
  });

  it('reports a menu name it cannot leave out, and adds no word of its own', () => {
    expect(forTheEar('Vào mục Tiện ích.')).toEqual({ text: 'Vào mục Tiện ích.', left: [], unheard: ['mục Tiện ích'] });
    expect(forTheEar('Mở VNeID rồi bấm "Ví giấy tờ" xem thẻ.').unheard).toEqual(['bấm "Ví giấy tờ"']);
    const sentence = 'Trên VNeID, vào mục Thủ tục hành chính, chọn thủ tục khai sinh.';
    const words = new Set(sentence.toLowerCase().split(/[\s,.:]+/));
    for (const word of forTheEar(sentence)
      .text.toLowerCase()
      .split(/[\s,.:]+/))
      expect(words.has(word), word).toBe(true);
  });

  it('the content check warns, with file, line, field and fix, about a menu name a script would read', () => {
    const entry = (collection: string, parsed: Record<string, unknown>): SpokenEntry => ({ collection, file: `content/${collection}/x.mdx`, parsed, lineOf: (path) => (path[0] === 'keyPoints' ? 12 + Number(path[1]) : 5) });
    const lesson = entry('lessons', { summary: 'Xem thẻ trên điện thoại.', keyPoints: ['Mở VNeID.', 'Vào mục Ví giấy tờ.', 'Vào "Ví giấy tờ" để xem thẻ.', 'Chọn thẻ, mục Thẻ bảo hiểm.'], leafletTip: 'Không bấm link lạ.' });
    const [warning, ...rest] = checkSpokenMenus([lesson]);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ file: 'content/lessons/x.mdx', line: 13, field: 'keyPoints[1]' });
    expect(warning!.message).toContain('"mục Ví giấy tờ"');
    expect(warning!.fix).toMatch(/để làm gì/);
    // A lesson with its own script text is read as written; a campaign's announcements are checked too.
    expect(checkSpokenMenus([entry('lessons', { ...lesson.parsed, broadcast: { text: 'Lời đọc riêng.' } })])).toEqual([]);
    expect(checkSpokenMenus([entry('campaigns', { announcements: [{ title: 'T', text: 'Kính thưa bà con. Bà con bấm "Kích hoạt" trên VNeID.' }] })]).map((w) => w.field)).toEqual(['announcements[0].text']);
  });
});

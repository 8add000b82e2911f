import { describe, expect, it } from 'vitest';
import { foldForMatch, markKey, matchesOnlyByFolding, phraseScore, rerank } from '../../src/lib/search/rank.ts';

const SCHOOL = { title: 'Đóng tiền học cho con bằng điện thoại', summary: 'Trả học phí qua ứng dụng ngân hàng, không phải lên trường.' };
const POWER = { title: 'Thanh toán tiền điện bằng mã QR', summary: 'Quét mã trên hoá đơn để trả tiền điện ngay tại nhà.' };
const OTHER = { title: 'Nhận biết cuộc gọi lừa đảo', summary: 'Kẻ gian giả làm điện lực đòi tiền.' };

describe('search re-rank of the first page', () => {
  it('folds marks and đ, so typed-without-diacritics text compares equal', () => {
    expect(foldForMatch('Thanh toán TIỀN ĐIỆN!')).toBe('thanh toan tien dien');
    expect(foldForMatch('tiền điện'.normalize('NFD'))).toBe('tien dien');
  });

  it('puts the lesson whose title has the words in the order typed first, whatever the diacritics', () => {
    for (const query of ['tien dien', 'tiền điện', 'TIEN DIEN', 'thanh toan tien dien', 'thanh toán tiền điện']) {
      expect(rerank(query, [SCHOOL, OTHER, POWER], (r) => r)[0], query).toBe(POWER);
    }
  });

  it('a summary match ranks above none, a title match above a summary match; ties keep Pagefind order', () => {
    expect(phraseScore('hoc phi', SCHOOL.title, SCHOOL.summary)).toBe(1);
    expect(phraseScore('tien dien', POWER.title)).toBe(3);
    expect(phraseScore('tien dien', SCHOOL.title, SCHOOL.summary)).toBe(0);
    expect(rerank('hoc phi', [OTHER, POWER, SCHOOL], (r) => r)).toEqual([SCHOOL, OTHER, POWER]);
    expect(rerank('zalo an toan', [OTHER, POWER, SCHOOL], (r) => r)).toEqual([OTHER, POWER, SCHOOL]);
  });

  it('leaves one-word queries and partial words to Pagefind', () => {
    expect(rerank('dien', [SCHOOL, POWER], (r) => r)).toEqual([SCHOOL, POWER]);
    expect(phraseScore('tien die', POWER.title)).toBe(0);
  });

  it('ranks a page by the words residents use for its task (searchTerms), one word or several, with or without diacritics (issue 25)', () => {
    const power = { ...POWER, terms: 'nộp tiền điện; đóng tiền điện; EVN' };
    const vneid = { title: 'Cài đặt và kích hoạt VNeID', summary: 'Tài khoản định danh điện tử mức 2.', terms: 'CCCD; căn cước; thẻ chip' };
    for (const query of ['nộp tiền điện', 'nop tien dien', 'dong tien dien', 'EVN']) {
      expect(rerank(query, [SCHOOL, OTHER, power], (r) => r)[0], query).toBe(power);
    }
    for (const query of ['cccd', 'CCCD', 'can cuoc', 'căn cước']) {
      expect(rerank(query, [SCHOOL, power, vneid], (r) => r)[0], query).toBe(vneid);
    }
    expect(phraseScore('tien', power.title, power.summary, power.terms)).toBe(0);
    expect(phraseScore('tien dien', power.title, power.summary, power.terms)).toBe(3);
  });
});

describe("search re-rank: residents' words and diacritics (issue 25)", () => {
  const POWER = { title: 'Thanh toán tiền điện bằng ứng dụng ngân hàng', summary: 'Trả tiền điện bằng ứng dụng ngân hàng.', terms: 'tiền điện; nộp tiền điện; EVN' };
  const GLOSSARY = { title: 'Căn cước gắn chip', summary: 'Thẻ căn cước có gắn chip điện tử.' };
  const VNEID = { title: 'Cài đặt và kích hoạt VNeID mức 2', summary: 'Đăng ký ở công an xã.', terms: 'CCCD; căn cước; thẻ chip' };
  const CHILDREN = { title: 'VNeID cho người cao tuổi và trẻ em', summary: 'Làm căn cước cho con.', terms: 'căn cước cho con' };
  const TIEN_YEN = { title: 'Xã Tiên Yên', summary: 'Xã mới từ ngày 1/7/2025.' };
  const DIEN_XA = { title: 'Xã Điền Xá', summary: 'Xã mới từ ngày 1/7/2025.' };
  const SCAM = { title: 'Nhận biết và báo cuộc gọi, tin nhắn lừa đảo', summary: 'Kẻ gian giả danh điện lực.' };

  it('a search term that is the query beats a title that merely holds it, and a term that holds it', () => {
    expect(phraseScore('can cuoc', VNEID.title, VNEID.summary, VNEID.terms)).toBe(4);
    expect(phraseScore('can cuoc', GLOSSARY.title, GLOSSARY.summary)).toBe(3);
    expect(phraseScore('can cuoc', CHILDREN.title, CHILDREN.summary, CHILDREN.terms)).toBe(2);
    for (const query of ['can cuoc', 'căn cước', 'CCCD', 'cccd']) expect(rerank(query, [GLOSSARY, CHILDREN, VNEID], (r) => r)[0], query).toBe(VNEID);
  });

  it('keys a word by its letters and tone, wherever the tone mark sits', () => {
    expect(markKey('hoá')).toBe(markKey('hóa'));
    expect(markKey('Thuỷ')).toBe(markKey('thủy'));
    expect(markKey('tiền')).not.toBe(markKey('tiên'));
    expect(markKey('điện')).toBe(markKey('diện'));
    expect(markKey('Điền')).not.toBe(markKey('điện'));
  });

  it('a title that holds a word typed with marks only with other marks matches only by folding; typed without marks, never', () => {
    expect(matchesOnlyByFolding('tiền điện', TIEN_YEN.title)).toBe(true);
    expect(matchesOnlyByFolding('tiền điện', DIEN_XA.title)).toBe(true);
    expect(matchesOnlyByFolding('tiền điện', POWER.title)).toBe(false);
    expect(matchesOnlyByFolding('tiền điện', SCAM.title)).toBe(false);
    expect(matchesOnlyByFolding('tien dien', TIEN_YEN.title)).toBe(false);
    expect(matchesOnlyByFolding('hóa đơn', 'Hoá đơn tiền nước')).toBe(false);
    expect(matchesOnlyByFolding('Tiên Yên', TIEN_YEN.title)).toBe(false);
    // Mixed: only the word typed with marks counts.
    expect(matchesOnlyByFolding('cài vneid', VNEID.title)).toBe(false);
    expect(matchesOnlyByFolding('cái vneid', VNEID.title)).toBe(true);
  });

  it('"tiền điện" with marks puts Tiên Yên and Điền Xá below every other result; "tien dien" leaves them where Pagefind put them', () => {
    expect(rerank('tiền điện', [TIEN_YEN, DIEN_XA, SCAM, POWER], (r) => r)).toEqual([POWER, SCAM, TIEN_YEN, DIEN_XA]);
    expect(rerank('tien dien', [TIEN_YEN, DIEN_XA, SCAM, POWER], (r) => r)).toEqual([POWER, TIEN_YEN, DIEN_XA, SCAM]);
  });
});

import { describe, expect, it } from 'vitest';
import { foldForMatch, phraseScore, rerank } from '../../src/lib/search/rank.ts';

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

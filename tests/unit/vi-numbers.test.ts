import { describe, expect, it } from 'vitest';
import { formatPhone, hasDigits, readDate, readDigits, readMoney, readNumber, readPercent, readPhone, speakNumbers } from '../../src/lib/print/vi-numbers.ts';

// Northern forms: linh (not lẻ), nghìn (not ngàn), mốt/tư/lăm after "mươi", mùng for days 1–10.
const NUMBERS: Array<[string, string]> = [
  ['0', 'không'],
  ['1', 'một'],
  ['4', 'bốn'],
  ['5', 'năm'],
  ['10', 'mười'],
  ['11', 'mười một'],
  ['14', 'mười bốn'],
  ['15', 'mười lăm'],
  ['20', 'hai mươi'],
  ['21', 'hai mươi mốt'],
  ['24', 'hai mươi tư'],
  ['25', 'hai mươi lăm'],
  ['31', 'ba mươi mốt'],
  ['40', 'bốn mươi'],
  ['44', 'bốn mươi tư'],
  ['54', 'năm mươi tư'],
  ['75', 'bảy mươi lăm'],
  ['92', 'chín mươi hai'],
  ['100', 'một trăm'],
  ['101', 'một trăm linh một'],
  ['104', 'một trăm linh bốn'],
  ['105', 'một trăm linh năm'],
  ['110', 'một trăm mười'],
  ['115', 'một trăm mười lăm'],
  ['121', 'một trăm hai mươi mốt'],
  ['1.000', 'một nghìn'],
  ['1005', 'một nghìn không trăm linh năm'],
  ['1.015', 'một nghìn không trăm mười lăm'],
  ['2026', 'hai nghìn không trăm hai mươi sáu'],
  ['2025', 'hai nghìn không trăm hai mươi lăm'],
  ['10.000', 'mười nghìn'],
  ['24.000', 'hai mươi tư nghìn'],
  ['32.064', 'ba mươi hai nghìn không trăm sáu mươi tư'],
  ['250.000', 'hai trăm năm mươi nghìn'],
  ['1.000.000', 'một triệu'],
  ['1.250.000', 'một triệu hai trăm năm mươi nghìn'],
  ['3.321', 'ba nghìn ba trăm hai mươi mốt'],
  ['24.000.000.000', 'hai mươi tư tỷ'],
  ['92,5', 'chín mươi hai phẩy năm'],
  ['470,76', 'bốn trăm bảy mươi phẩy bảy mươi sáu'],
];

describe('readNumber (northern forms)', () => {
  it.each(NUMBERS)('%s → %s', (input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });

  it('never uses the southern or colloquial forms', () => {
    const all = NUMBERS.map(([input]) => readNumber(input)).join(' ');
    expect(all).not.toMatch(/\blẻ\b|\bngàn\b|\bnhăm\b/u);
  });

  it('rejects what is not a number', () => {
    expect(() => readNumber('12a')).toThrow(/not a number/);
  });
});

describe('dates, money, percentages, phones', () => {
  it.each([
    [readDate(5, 7), 'mùng năm tháng bảy'],
    [readDate(10, 10), 'mùng mười tháng mười'],
    [readDate(11, 4), 'mười một tháng tư'],
    [readDate(1, 7, 2025), 'mùng một tháng bảy năm hai nghìn không trăm hai mươi lăm'],
    [readDate(31, 12, 2026), 'ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi sáu'],
    [readPercent('75'), 'bảy mươi lăm phần trăm'],
    [readPercent('100'), 'một trăm phần trăm'],
    [readMoney('1.250.000'), 'một triệu hai trăm năm mươi nghìn đồng'],
    [readDigits('113'), 'một một ba'],
    [readPhone('0912345678'), 'không chín một hai, ba bốn năm, sáu bảy tám'],
    [formatPhone('0912345678'), '0912 345 678'],
    [formatPhone('02033878123'), '0203 387 812 3'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('speakNumbers: a whole text for the ear', () => {
  it.each([
    ['Họp ngày 5/7 lúc 7h30.', 'Họp ngày mùng năm tháng bảy lúc bảy giờ ba mươi phút.'],
    ['Từ 1/9 đến 31/12/2026.', 'Từ mùng một tháng chín đến ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi sáu.'],
    ['Hơn 24.000 thuê bao, trên 75% dân số.', 'Hơn hai mươi tư nghìn thuê bao, trên bảy mươi lăm phần trăm dân số.'],
    ['Lệ phí 1.250.000 đồng.', 'Lệ phí một triệu hai trăm năm mươi nghìn đồng.'],
    ['Giao dịch hơn 24 tỷ đồng.', 'Giao dịch hơn hai mươi tư tỷ đồng.'],
    ['Mất tiền, gọi 113 ngay.', 'Mất tiền, gọi một một ba ngay.'],
    ['Số điện thoại 0912 345 678.', 'Số điện thoại không chín một hai, ba bốn năm, sáu bảy tám.'],
    ['Hỏi 0912345678 nhé.', 'Hỏi không chín một hai, ba bốn năm, sáu bảy tám nhé.'],
    ['Mạng 3G, 4G.', 'Mạng ba G, bốn G.'],
    ['Mã khách hàng bắt đầu bằng PA03.', 'Mã khách hàng bắt đầu bằng PA không ba.'],
    ['Nhập mã 0123 rồi bấm gửi.', 'Nhập mã không một hai ba rồi bấm gửi.'],
    ['Đọc 3–4 câu.', 'Đọc ba đến bốn câu.'],
    ['Mã bảo vệ 6 số, tài khoản mức 2.', 'Mã bảo vệ sáu số, tài khoản mức hai.'],
    ['Soạn tin gửi 5656.', 'Soạn tin gửi năm sáu năm sáu.'],
    ['Cách báo số lừa đảo đến 5656.', 'Cách báo số lừa đảo đến năm sáu năm sáu.'],
    ['Từ 2025 đến 2026.', 'Từ hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu.'],
    ['Có 86 thôn, 105 hộ.', 'Có tám mươi sáu thôn, một trăm linh năm hộ.'],
  ])('%s', (input, expected) => {
    const spoken = speakNumbers(input);
    expect(spoken).toBe(expected);
    expect(hasDigits(spoken)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { idFromPath, slugify } from '../../src/lib/slug.ts';
import { foldVietnamese } from '../../src/lib/text.ts';

describe('slugify', () => {
  it.each([
    ['Đại Dực', 'dai-duc'],
    ['Thanh toán tiền điện', 'thanh-toan-tien-dien'],
    ['Bình Liêu', 'binh-lieu'],
    ['Cài đặt VNeID mức 2', 'cai-dat-vneid-muc-2'],
    ['  Hỏi & đáp: OTP là gì?  ', 'hoi-dap-otp-la-gi'],
    ['ĐOÀN THANH NIÊN', 'doan-thanh-nien'],
    ['Tổ công nghệ số cộng đồng', 'to-cong-nghe-so-cong-dong'],
    ['Sán Chỉ – Sán Dìu', 'san-chi-san-diu'],
    ['Hoành Mô', 'hoanh-mo'],
    ['Lục Hồn', 'luc-hon'],
    ['Quảng Ninh 2025', 'quang-ninh-2025'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('gives the same slug for decomposed (NFD) and precomposed (NFC) text', () => {
    const nfc = 'Thanh toán tiền điện ở Đại Dực';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(slugify(nfd)).toBe(slugify(nfc));
    expect(slugify(nfd)).toBe('thanh-toan-tien-dien-o-dai-duc');
  });

  it('returns an empty slug for text with no letters or digits', () => {
    expect(slugify('—?!')).toBe('');
  });
});

describe('foldVietnamese', () => {
  it('folds đ and Đ, which have no Unicode decomposition', () => {
    expect(foldVietnamese('Đường điện')).toBe('Duong dien');
  });
});

describe('idFromPath', () => {
  it('uses the file name only, without extension or folders', () => {
    expect(idFromPath('2025/Cài VNeID.mdx')).toBe('cai-vneid');
    expect(idFromPath('xa-dai-duc.yaml')).toBe('xa-dai-duc');
  });
});

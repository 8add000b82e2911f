/**
 * Vietnamese numbers read aloud, for loudspeaker scripts (bài phát thanh).
 *
 * Wraps `read-vietnamese-number` (checked against our table in tests/unit/vi-numbers.test.ts)
 * with the northern forms our readers speak:
 * - "linh", not "lẻ": 105 → "một trăm linh năm";
 * - "nghìn", not "ngàn"; "tỷ" as in our content ("24 tỷ đồng");
 * - after "mươi": 1 → "mốt", 5 → "lăm" (never "nhăm"), 4 → "tư": 24 → "hai mươi tư".
 *   We chose "tư" over "bốn" because it is what a northern commune reader says
 *   ("hai mươi tư nghìn"); "mười bốn" keeps "bốn" (14), as everyone says it.
 * - dates: days 1–10 take "mùng" (5/7 → "mùng năm tháng bảy"); month 4 is "tháng tư".
 * - phone numbers are read digit by digit with "không" for 0, grouped as printed (4-3-3).
 */
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function config(): ReadingConfig {
  const c = new ReadingConfig();
  c.unit = [];
  c.oddText = 'linh';
  c.fourToneText = 'tư';
  c.fiveToneText = 'lăm';
  c.oneToneText = 'mốt';
  c.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
  c.pointSign = ',';
  // The library builds a RegExp from thousandSign, so '.' would match every digit: we strip
  // the dots ourselves and give it a sign that never occurs.
  c.thousandSign = '_';
  c.pointText = 'phẩy';
  return c;
}
const CONFIG = config();

/** A whole or decimal number written the Vietnamese way ("1.250.000", "92,5", "2026") in words. */
export function readNumber(value: number | bigint | string): string {
  const text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  const clean = text.trim();
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(clean)) throw new Error(`readNumber: not a number: "${value}"`);
  return doReadNumber(clean.replace(/\./g, ''), CONFIG);
}

/** Digits one by one, "không" for 0: "113" → "một một ba". */
export function readDigits(digits: string): string {
  return [...digits.replace(/\D/g, '')].map((d) => DIGITS[Number(d)]).join(' ');
}

/** Phone digits grouped as printed on paper: 10 digits 4-3-3 ("0912 345 678"); short numbers stay whole. */
export function phoneGroups(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 5) return [digits];
  if (digits.length === 10) return [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)];
  if (digits.length === 8) return [digits.slice(0, 4), digits.slice(4)];
  const groups: string[] = [digits.slice(0, 4)];
  for (let i = 4; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups;
}

/** A phone number for paper: "0912345678" → "0912 345 678". */
export function formatPhone(phone: string): string {
  return phoneGroups(phone).join(' ');
}

/** A phone number for the ear: digit by digit, a comma between printed groups. */
export function readPhone(phone: string): string {
  return phoneGroups(phone).map(readDigits).join(', ');
}

/** Day of the month: "mùng" for 1–10. */
export function readDay(day: number): string {
  return day <= 10 ? `mùng ${readNumber(day)}` : readNumber(day);
}

/** Month name: 4 → "tư"; the others are plain numbers ("tháng một", "tháng mười hai"). */
export function readMonth(month: number): string {
  return month === 4 ? 'tư' : readNumber(month);
}

/** A date: (5, 7) → "mùng năm tháng bảy"; with a year, "… năm hai nghìn không trăm hai mươi sáu". */
export function readDate(day: number, month: number, year?: number): string {
  const base = `${readDay(day)} tháng ${readMonth(month)}`;
  return year === undefined ? base : `${base} năm ${readNumber(year)}`;
}

export function readPercent(value: string): string {
  return `${readNumber(value)} phần trăm`;
}

/** An amount of money in VND: "1.250.000" → "một triệu hai trăm năm mươi nghìn đồng". */
export function readMoney(value: string): string {
  return `${readNumber(value)} đồng`;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
// Cue words before a number dialled or texted ("gửi 5656", "báo số lừa đảo đến 5656").
const PHONE_WORDS = String.raw`(?:gọi(?: ngay)?(?: cho)?(?: số)?|số điện thoại|điện thoại|đường dây nóng|tổng đài|đầu số|hotline|số máy|gửi(?: đến| tới)?|(?:nhắn|báo)[^.\d]{0,40}? (?:đến|tới))`;

function validDate(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/**
 * Turns every number in a text into words for the ear: phone numbers (after "gọi", "số điện
 * thoại"…, or any 8–11 digit number starting with 0), dates (d/m, d/m/yyyy, d-m-yyyy),
 * times (7h30, 7:30), percentages, money (đồng, đ, VND), ranges (3–4), numbers glued to
 * letters (4G → "bốn G") and plain numbers. What is left has no digit.
 */
export function speakNumbers(text: string): string {
  let out = text.normalize('NFC');
  // Phone numbers after a cue word; then long numbers starting with 0 (mobile, landline).
  out = out.replace(new RegExp(String.raw`(${PHONE_WORDS})\s+(\d[\d .]{1,16}\d|\d)(?!\d)`, 'giu'), (_, cue: string, phone: string) => {
    const trimmed = phone.replace(/[ .]+$/, '');
    return `${cue} ${readPhone(trimmed)}`;
  });
  out = out.replace(/(?<![\d.,])0\d{2,3}[ .]?\d{3,4}[ .]?\d{3,4}(?![\d])/g, (phone) => readPhone(phone));
  // Dates.
  out = out.replace(/(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/])/g, (match, d: string, m: string, y: string) => (validDate(Number(d), Number(m)) ? readDate(Number(d), Number(m), Number(y)) : match));
  out = out.replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, (match, d: string, m: string) => (validDate(Number(d), Number(m)) ? readDate(Number(d), Number(m)) : match));
  // Times of day.
  out = out.replace(/(?<![\d])(\d{1,2})(?:h|:|giờ\s?)(\d{2})(?![\d])/g, (_, h: string, m: string) => (Number(m) === 0 ? `${readNumber(h)} giờ` : `${readNumber(h)} giờ ${readNumber(m)} phút`));
  out = out.replace(/(?<![\d\p{L}])(\d{1,2})h(?![\p{L}\d])/gu, (_, h: string) => `${readNumber(h)} giờ`);
  // Percentages and money.
  out = out.replace(new RegExp(String.raw`(${NUMBER})\s?%`, 'g'), (_, n: string) => readPercent(n));
  out = out.replace(new RegExp(String.raw`(${NUMBER})\s?(?:đồng|VNĐ|VND|đ)(?![\p{L}])`, 'gu'), (_, n: string) => readMoney(n));
  // Ranges: "3–4 câu" → "ba đến bốn câu".
  out = out.replace(new RegExp(String.raw`(${NUMBER})\s?[–-]\s?(${NUMBER})(?![\d])`, 'g'), (_, a: string, b: string) => `${readNumber(a)} đến ${readNumber(b)}`);
  // Numbers glued to letters ("4G", "mức2", a code "PA03"): keep the letters, read the number.
  out = out.replace(/(\d+)(\p{L}+)/gu, (_, n: string, letters: string) => `${readNumberOrCode(n)} ${letters}`);
  out = out.replace(/(\p{L})(\d+)/gu, (_, letter: string, n: string) => `${letter} ${readNumberOrCode(n)}`);
  // Everything else.
  return out.replace(new RegExp(NUMBER, 'g'), (n) => readNumberOrCode(n));
}

/**
 * A number, or a code when it starts with 0 ("03" in "PA03", "0123"): a code is read digit by
 * digit, because "ba" for "03" would lose the zero a listener must type.
 */
function readNumberOrCode(n: string): string {
  return /^0\d+$/.test(n) ? readDigits(n) : readNumber(n);
}

/** True when a text still holds a digit a reader would have to convert. */
export function hasDigits(text: string): boolean {
  return /\d/.test(text);
}

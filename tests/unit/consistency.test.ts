import { describe, expect, it } from 'vitest';
import { canonicalPlace, contradictions, placesIn, sentencesOf } from '../../src/lib/content/consistency.ts';

const VNEID = { place: 'công an xã', for: ['mức 2'], bring: ['căn cước', 'điện thoại'] };

describe('where a campaign sentence sends residents', () => {
  it('finds known places after đến, tới, tại, ở, whatever the accents', () => {
    expect(placesIn('Bà con tự mang căn cước đến công an xã để đăng ký.')).toEqual(['công an xã']);
    expect(placesIn('Ở buổi họp thôn, tổ giúp cài ứng dụng.')).toEqual(['họp thôn']);
    expect(placesIn('ba con den nha van hoa thon de dang ky')).toEqual(['họp thôn']);
    expect(placesIn('Cán bộ nói cách đăng ký tại trụ sở công an xã.')).toEqual(['công an xã']);
  });

  it('does not take a subject or an app for a place', () => {
    expect(placesIn('Công an xã nói cách đăng ký mức 2.')).toEqual([]);
    expect(placesIn('Trả tiền trong ứng dụng ngân hàng.')).toEqual([]);
  });

  it('names places the same way however they are written', () => {
    expect(canonicalPlace('Trụ sở công an xã')).toBe('công an xã');
    expect(canonicalPlace('buổi họp thôn')).toBe('họp thôn');
    expect(canonicalPlace('Nhà bà con')).toBe('nha ba con');
  });
});

describe('a campaign that contradicts a lesson it links', () => {
  it('warns when it sends residents elsewhere for the lesson task', () => {
    const found = contradictions(['Bà con mang căn cước và điện thoại đến buổi họp thôn để đăng ký mức 2.'], VNEID);
    expect(found).toEqual([expect.objectContaining({ kind: 'where', found: ['họp thôn'], expected: 'công an xã' })]);
  });

  it('does not warn when the place is the lesson one, even if another place is named too', () => {
    expect(contradictions(['Tại buổi họp thôn, công an xã hướng dẫn đăng ký mức 2 tại trụ sở công an xã.'], VNEID)).toEqual([]);
    expect(contradictions(['Muốn có tài khoản mức 2, bà con mang căn cước và điện thoại đến công an xã.'], VNEID)).toEqual([]);
  });

  it('does not warn about sentences on other tasks', () => {
    expect(contradictions(['Ở buổi họp thôn, tổ công nghệ số giúp cài ứng dụng.'], VNEID)).toEqual([]);
  });

  it('warns when it tells residents to bring less than the lesson says', () => {
    const found = contradictions(['Muốn có tài khoản mức 2, bà con mang căn cước đến công an xã để đăng ký.'], VNEID);
    expect(found).toEqual([expect.objectContaining({ kind: 'bring', found: ['điện thoại'] })]);
  });

  it('follows the campaign variant when it states one', () => {
    const variant = { ...VNEID, place: 'họp thôn' };
    expect(contradictions(['Bà con mang căn cước và điện thoại đến buổi họp thôn để đăng ký mức 2.'], variant)).toEqual([]);
    expect(contradictions(['Bà con đến công an xã để đăng ký mức 2.'], variant)).toEqual([expect.objectContaining({ kind: 'where', found: ['công an xã'] })]);
  });

  it('reads sentences out of Markdown lines and editor components', () => {
    expect(sentencesOf('- Bà con tự đến <Term id="x">công an xã</Term>. Cán bộ chụp ảnh.')).toEqual(['Bà con tự đến công an xã.', 'Cán bộ chụp ảnh.']);
  });
});

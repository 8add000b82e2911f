// Issue 25 on the built site: every lesson and commune page offers a number to call, as a large
// tel: button with where the number comes from; leaflets print a number; scripts read it out.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { routes } from '../../src/lib/routes.ts';
import { formatPhone, readPhone } from '../../src/lib/print/vi-numbers.ts';
import { readPage } from '../support/dist.ts';

let entries: ValidEntry[] = [];

beforeAll(async () => {
  entries = (await validateContent(process.cwd())).entries;
});

/** The "Gọi khi cần giúp" buttons of a page, each with the source link under it. */
function calls(sitePath: string): Array<{ href: string; text: string; source: string | undefined }> {
  const section = readPage(sitePath).querySelector('section.contacts');
  if (!section) return [];
  return section.querySelectorAll('li').map((li) => ({
    href: li.querySelector('.call a')?.getAttribute('href') ?? '',
    text: (li.querySelector('.call')?.text ?? '').replace(/\u00a0/g, ' '),
    source: li.querySelector('p.meta a')?.getAttribute('href'),
  }));
}

describe('numbers to call', () => {
  it('every lesson page shows at least one tel: button with its source', () => {
    const lessons = entries.filter((entry) => entry.collection === 'lessons');
    expect(lessons.length).toBeGreaterThan(3);
    for (const lesson of lessons) {
      const found = calls(routes.lesson(lesson.id));
      expect(found.length, lesson.id).toBeGreaterThan(0);
      for (const call of found) {
        expect(call.href, lesson.id).toMatch(/^tel:\d{3,11}$/);
        expect(call.source, lesson.id).toMatch(/^https:\/\//);
      }
    }
  });

  it('every commune page, old or new, shows at least one tel: button with its source', () => {
    const communes = entries.filter((entry) => entry.collection === 'places' && entry.parsed['kind'] === 'commune');
    expect(communes.length).toBeGreaterThan(5);
    for (const commune of communes) {
      const found = calls(routes.place(commune.id));
      expect(found.length, commune.id).toBeGreaterThan(0);
      expect(
        found.every((call) => /^tel:\d+$/.test(call.href) && call.source?.startsWith('https://')),
        commune.id,
      ).toBe(true);
    }
  });

  it('a lesson shows its own hotline first, as dialled and as printed', () => {
    const [first] = calls(routes.lesson('cai-dat-va-kich-hoat-vneid'));
    expect(first?.href).toBe('tel:19000368');
    expect(first?.text).toContain('1900 0368');
  });

  it('a campaign page shows its numbers too', () => {
    for (const campaign of entries.filter((entry) => entry.collection === 'campaigns')) {
      expect(calls(routes.campaign(campaign.id)).length, campaign.id).toBeGreaterThan(0);
    }
  });

  it('the leaflet prints the lesson number and the loudspeaker script reads it digit by digit', () => {
    const leaflet = readPage(routes.leaflet('nhan-luong-huu-tro-cap-qua-tai-khoan-va-dung-vssid'));
    expect(leaflet.querySelector('.lf-help')?.text).toContain(`Tổng đài Bảo hiểm xã hội Việt Nam: ${formatPhone('19009068')}`);
    const script = readPage(routes.broadcast('cai-dat-va-kich-hoat-vneid')).text;
    expect(script).toContain(readPhone('19000368'));
  });

  it('leaflets of lessons without a hotline of their own print the province number when it fits', () => {
    const leaflet = readPage(routes.leaflet('dung-zalo-an-toan-va-tham-gia-nhom-zalo-cua-thon'));
    expect(leaflet.querySelector('.lf-help')?.text).toMatch(/: \d/);
  });
});

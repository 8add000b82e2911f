/**
 * One page of every template (issue 8), for the quality gate on our Node server
 * (tests/browser/quality.test.ts) and on Debian's nginx (tests/browser/nginx.test.ts).
 */
import type { Page } from 'playwright-core';
import { routes } from '../../src/lib/routes.ts';

export const LESSON = 'cai-dat-va-kich-hoat-vneid';
export const CAMPAIGN = 'vneid-cho-moi-nguoi-dan';
/** One page of every template. */
export const TEMPLATES: Array<[name: string, url: string]> = [
  ['home', routes.home()],
  ['lesson list', routes.lessons()],
  ['lesson', routes.lesson(LESSON)],
  ['leaflet', routes.leaflet(LESSON)],
  ['leaflet A5', routes.leafletA5(LESSON)],
  ['loudspeaker script', routes.broadcast(LESSON)],
  ['campaign script', routes.campaignBroadcast(CAMPAIGN)],
  ['news list', routes.newsList()],
  ['news item', routes.news('tu-1-7-2025-binh-lieu-va-tien-yen-sap-xep-lai-xa')],
  ['story list', routes.stories()],
  ['story', routes.story('dai-duc-hop-thon-loa-xa-va-thanh-nien-tinh-nguyen')],
  ['places overview', routes.places()],
  ['place (abolished commune)', routes.place('xa-dai-duc')],
  ['place (new commune)', routes.place('xa-tien-yen')],
  ['place (former district)', routes.place('huyen-binh-lieu')],
  ['topic', routes.topic('thanh-toan')],
  ['campaign list', routes.campaigns()],
  ['campaign', routes.campaign(CAMPAIGN)],
  ['meeting pack', routes.meetingPack(CAMPAIGN)],
  ['search', routes.search()],
  ['search with a query', `${routes.search()}?q=vneid`],
  ['glossary', routes.glossary()],
  ['print centre', routes.printCentre()],
  ['404', '/khong-co-trang-nay/'],
];

/** Waits until the search page has finished (results or "nothing found"). */
export async function settle(page: Page, url: string): Promise<void> {
  if (url.includes('?q=')) {
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('Đang');
    });
  }
}

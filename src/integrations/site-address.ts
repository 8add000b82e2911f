import type { AstroIntegration } from 'astro';
import { draftNotice, siteSetting } from '../lib/site.ts';

/**
 * Issue 28: a build without a real SITE_URL says so in one line, at the start, so nobody prints
 * leaflets whose QR codes lead nowhere (the pages themselves carry the draft mark). An invalid
 * SITE_URL never gets here: astro.config.mjs reads it first and the build stops with the reason.
 */
export function siteAddress(): AstroIntegration {
  return {
    name: 'ban-so:site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const notice = draftNotice(siteSetting());
        if (notice) logger.warn(notice);
      },
    },
  };
}

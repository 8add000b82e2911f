/**
 * Sveltia CMS ignores the configuration's `locale:` and takes its interface language from the
 * browser, then from its saved preferences. A phone set to English would show our Vietnamese
 * forms inside an English interface, so the first visit saves Vietnamese as the preference; an
 * editor who picks another language in the CMS's settings keeps it.
 */
export const SVELTIA_PREFS_KEY = 'sveltia-cms.prefs';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function preferVietnamese(storage: Storage | undefined): void {
  if (!storage) return;
  let prefs: Record<string, unknown> = {};
  try {
    const saved: unknown = JSON.parse(storage.getItem(SVELTIA_PREFS_KEY) ?? '{}');
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) prefs = saved as Record<string, unknown>;
  } catch {
    // Unreadable preferences: start again from Vietnamese rather than fail to open the CMS.
  }
  if (typeof prefs['locale'] === 'string' && prefs['locale'] !== '') return;
  storage.setItem(SVELTIA_PREFS_KEY, JSON.stringify({ ...prefs, locale: 'vi' }));
}

import { t } from '../i18n/vi.ts';

/** The result types readers can filter by, in the order the filter shows them. */
export function searchTypes(): string[] {
  return [t('search.type.lesson'), t('search.type.news'), t('search.type.story'), t('search.type.campaign'), t('search.type.place'), t('search.type.glossary')];
}

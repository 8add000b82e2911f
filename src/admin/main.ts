// /admin/: Sveltia CMS, bundled from its npm package by src/lib/cms/admin-bundle.ts (never a CDN).
// It reads /admin/config.yml (generated from the schemas) and gets our editor components, so an
// editor inserts <Steps>, <Tip>, <Warning> and <Figure> from the toolbar instead of typing tags.
import CMS from '@sveltia/cms';
import { EDITOR_COMPONENTS_CMS } from '../lib/cms/components.ts';
import { preferVietnamese } from '../lib/cms/ui-language.ts';

preferVietnamese(globalThis.localStorage);
for (const component of EDITOR_COMPONENTS_CMS) {
  CMS.registerEditorComponent({ ...component, fields: component.fields as never });
}
void CMS.init();

import { foldVietnamese } from './text.ts';

/**
 * ASCII URL slug for Vietnamese text: "Đại Dực" → "dai-duc".
 * NFC and NFD input give the same slug; anything that is not a letter or digit becomes one hyphen.
 */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Entry id from a content file path relative to its collection folder:
 * "lessons/Cài VNeID.mdx" → "cai-vneid". Folders are not part of the id, so URLs stay flat.
 */
export function idFromPath(relativePath: string): string {
  const base = relativePath.split(/[\\/]/).pop() ?? relativePath;
  return slugify(base.replace(/\.[^.]+$/, ''));
}

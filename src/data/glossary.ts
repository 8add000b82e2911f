import { getCollection, type CollectionEntry } from 'astro:content';
import { routes } from '../lib/routes.ts';
import { compareVietnamese } from '../lib/text.ts';

export interface TermView {
  id: string;
  url: string;
  term: string;
  aliases: string[];
  summary: string;
  editPath: string;
  entry: CollectionEntry<'glossary'>;
}

/** Glossary terms A–Z. */
export async function getGlossary(): Promise<TermView[]> {
  const entries = await getCollection('glossary');
  return entries
    .map((entry) => ({
      id: entry.id,
      url: routes.glossaryTerm(entry.id),
      term: entry.data.term,
      aliases: entry.data.aliases,
      summary: entry.data.summary,
      editPath: entry.filePath ?? `content/glossary/${entry.id}.md`,
      entry,
    }))
    .sort((a, b) => compareVietnamese(a.term, b.term));
}

import { getCollection } from 'astro:content';
import { routes } from '../lib/routes.ts';

export interface TopicView {
  id: string;
  url: string;
  name: string;
  description: string;
  order: number;
}

let cache: Promise<TopicView[]> | undefined;

/** Topics in their editorial order. */
export function getTopics(): Promise<TopicView[]> {
  cache ??= getCollection('topics').then((entries) => entries.map((entry) => ({ id: entry.id, url: routes.topic(entry.id), ...entry.data })).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'vi')));
  return cache;
}

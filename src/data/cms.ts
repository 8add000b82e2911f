import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cmsConfig } from '../lib/cms/config.ts';
import type { Choices } from '../lib/cms/fields.ts';
import { repoUrl, siteUrl } from '../lib/site.ts';
import { getMetrics } from './indicators.ts';
import { getLessons } from './lessons.ts';
import { getPlaces } from './places.ts';
import { getTopics } from './topics.ts';

const TEMPLATES = ['lesson', 'news', 'story', 'campaign'];

/** "owner/name" from the repository URL (REPO_URL). */
export function repoName(url: string): string {
  return new URL(url).pathname.replace(/^\/|\/$/g, '').replace(/\.git$/, '');
}

/** The CMS configuration of this site, with the selects filled from content/ (src/lib/cms/). */
export async function siteCmsConfig(): Promise<Record<string, unknown>> {
  const [topics, places, lessons, metrics] = await Promise.all([getTopics(), getPlaces(), getLessons(), getMetrics()]);
  const current = [...places.values()].filter((place) => !place.historical);
  const choices: Choices = {
    topics: topics.map((topic) => ({ value: topic.id, label: topic.name })),
    // Historical units stay selectable: a story is told with the place's name at the time.
    places: [...places.values()].map((place) => ({ value: place.id, label: place.historical ? `${place.heading} (cũ)` : place.heading })),
    lessons: lessons.map((lesson) => ({ value: lesson.id, label: lesson.title })),
    metrics: [...metrics.values()].map((metric) => ({ value: metric.id, label: metric.label })),
  };
  const templates = Object.fromEntries(TEMPLATES.map((name) => [name, readFileSync(path.resolve('scripts/templates', `${name}.mdx`), 'utf8')]));
  return cmsConfig({
    repo: repoName(repoUrl()),
    branch: 'main',
    siteUrl: siteUrl(),
    logoUrl: '/favicon.svg',
    choices,
    templates,
    scaffold: { topics: topics.map((t) => t.id), places: current.map((p) => p.id), lessons: lessons.map((l) => l.id) },
  });
}

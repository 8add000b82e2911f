import { TOP_TASKS } from '../lib/top-tasks.ts';
import { getLessons } from './lessons.ts';

export interface TopTask {
  label: string;
  url: string;
}

/**
 * The home page's top tasks with their lessons' URLs. A task whose lesson is not in content/ is
 * left out: the test fixtures and the bench corpus hold none of the real lessons. For the real
 * content, tests/build/pages.test.ts fails unless the home page offers every task of TOP_TASKS.
 */
export async function getTopTasks(): Promise<TopTask[]> {
  const lessons = new Map((await getLessons()).filter((lesson) => lesson.lang === 'vi').map((lesson) => [lesson.lessonId, lesson]));
  return TOP_TASKS.flatMap(({ lesson, label }) => {
    const found = lessons.get(lesson);
    return found ? [{ label, url: found.url }] : [];
  });
}

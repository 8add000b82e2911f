import { TOP_TASKS } from '../lib/top-tasks.ts';
import { getLessons } from './lessons.ts';

export interface TopTask {
  label: string;
  url: string;
}

/** The home page's top tasks with their lessons' URLs; the build fails if a lesson is gone. */
export async function getTopTasks(): Promise<TopTask[]> {
  const lessons = new Map((await getLessons()).filter((lesson) => lesson.lang === 'vi').map((lesson) => [lesson.lessonId, lesson]));
  return TOP_TASKS.map(({ lesson, label }) => {
    const found = lessons.get(lesson);
    if (!found) throw new Error(`src/lib/top-tasks.ts — TOP_TASKS — không có bài học "${lesson}" trong content/lessons/ — Sửa mã bài hoặc bỏ dòng này.`);
    return { label, url: found.url };
  });
}

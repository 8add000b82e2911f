import { getLessons } from './lessons.ts';

export interface TopTask {
  label: string;
  url: string;
}

/**
 * The home page's top tasks (issue 25): every Vietnamese lesson with a `homeTask:` label, in
 * the order of its topic (content/topics.yaml), then by label. Editors choose them in content,
 * so no id in code can point at a lesson that is gone.
 */
export async function getTopTasks(): Promise<TopTask[]> {
  return (await getLessons())
    .filter((lesson) => lesson.lang === 'vi' && lesson.homeTask)
    .sort((a, b) => a.topic.order - b.topic.order || a.homeTask!.localeCompare(b.homeTask!, 'vi'))
    .map((lesson) => ({ label: lesson.homeTask!, url: lesson.url }));
}

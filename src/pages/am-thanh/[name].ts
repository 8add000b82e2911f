// The converted recordings (Opus and MP3) written into dist/am-thanh/; the raw uploads never are.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getRecordingList } from '../../data/listening.ts';
import type { AudioFile } from '../../data/recordings.ts';

export const getStaticPaths = (async () => {
  const files = (await getRecordingList()).flatMap(({ recording }) => [recording.opus, recording.mp3]);
  return files.map((file) => ({ params: { name: file.url.split('/').pop()! }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const file = props['file'] as AudioFile;
  return new Response(await readFile(file.path), { headers: { 'Content-Type': file.type } });
};

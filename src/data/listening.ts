import { t } from '../i18n/vi.ts';
import { routes } from '../lib/routes.ts';
import { getCampaigns } from './campaigns.ts';
import { getLessonVersions } from './lessons.ts';
import { languageLabel } from '../i18n/vi.ts';
import { recordingView, type RecordingField, type RecordingView } from './recordings.ts';

/** One recording of the site and the page it reads. */
export interface ListedRecording {
  /** What is read: the lesson, script or announcement title. */
  title: string;
  /** "Bài học", "Bài phát thanh". */
  kind: string;
  /** The page it plays on. */
  url: string;
  lang: string;
  language: string;
  recording: RecordingView;
}

let cache: Promise<ListedRecording[]> | undefined;

async function build(): Promise<ListedRecording[]> {
  const [lessons, campaigns] = await Promise.all([getLessonVersions(), getCampaigns()]);
  const uses: Array<Omit<ListedRecording, 'recording' | 'language'> & { field: RecordingField | undefined }> = [];
  for (const lesson of lessons) {
    uses.push({ title: lesson.title, kind: t('search.type.lesson'), url: lesson.url, lang: lesson.lang, field: lesson.recordings.reading });
    uses.push({ title: lesson.title, kind: t('printCentre.script'), url: routes.broadcast(lesson.id), lang: lesson.recordings.script?.lang ?? lesson.lang, field: lesson.recordings.script });
  }
  for (const campaign of campaigns) {
    for (const announcement of campaign.announcements) {
      uses.push({ title: announcement.title, kind: t('printCentre.announcements'), url: routes.campaignBroadcast(campaign.id), lang: announcement.audio?.lang ?? 'vi', field: announcement.audio });
    }
  }
  const listed = await Promise.all(
    uses
      .filter((use) => use.field)
      .map(async ({ field, ...use }) => {
        const recording = await recordingView(field);
        return recording && { ...use, lang: recording.lang, language: languageLabel(recording.lang), recording };
      }),
  );
  return listed.filter((item) => item !== undefined);
}

/** Every recording the site publishes (none without ffmpeg), in content order. */
export function getRecordingList(): Promise<ListedRecording[]> {
  cache ??= build();
  return cache;
}

import { languageLabel, t } from '../i18n/vi.ts';
import { buildScript, readingTimeLabel, sentences, translationParagraphs, variantSentences, type Script } from '../lib/print/broadcast.ts';
import { pdfEnabled } from '../lib/print/chromium.ts';
import { formatDate } from '../lib/dates.ts';
import { qrPayload, qrSvg, shortUrl } from '../lib/print/qr.ts';
import { routes } from '../lib/routes.ts';
import { siteSetting, siteUrl } from '../lib/site.ts';
import { helpLine } from '../lib/contact/contacts.ts';
import { estimateLeaflet } from '../lib/print/leaflet-fit.ts';
import { forTheEar } from '../lib/print/for-the-ear.ts';
import { getCampaigns, type CampaignView } from './campaigns.ts';
import { getRecordingList, type ListedRecording } from './listening.ts';
import { dueForReview, reviewAsOf } from '../lib/content/review.ts';
import { leafletStep } from '../lib/print/leaflet-fit.ts';
import { picturesEnabled } from '../lib/print/leaflet-picture.ts';
import { getLessons, getLessonsByTopic, getTranslations, hasScript, type LessonView } from './lessons.ts';

/** Everything a printed leaflet shows. */
export interface LeafletView {
  id: string;
  /** Language of the leaflet's text when it is not Vietnamese (a translation). */
  lang?: string | undefined;
  /** "Bản tiếng Tày: A dịch, B kiểm tra." on a translation's leaflet. */
  credit?: string | undefined;
  title: string;
  keyPoints: string[];
  tip: string;
  /** The first number of the lesson's list (issue 25), as printed: "1900 0368". */
  helpPhone?: string | undefined;
  /** Who answers it: "Tổng đài Bộ Công an (VNeID, căn cước)". */
  helpLabel?: string | undefined;
  qrSvg: string;
  qrUrl: string;
  shortUrl: string;
  updated: string;
  /** "Đúng đến ngày <reviewed>", small at the bottom: a stale leaflet on a noticeboard shows its age. */
  asOf?: string | undefined;
  source: string;
  lessonUrl: string;
  pdfA4?: string | undefined;
  pdfA5?: string | undefined;
  /** The leaflet as a picture for phones, when this build makes pictures. */
  picture?: string | undefined;
  editPath: string;
  /** No real SITE_URL: the QR area carries "BẢN THỬ — chưa có địa chỉ trang" (issue 28). */
  draft: boolean;
  /** Type step of the text (src/lib/print/leaflet-fit.ts LEAFLET_STEPS): the largest that fills one page; 0 is the smallest. */
  step: number;
}

export async function leafletView(lesson: LessonView): Promise<LeafletView> {
  const url = qrPayload(routes.lesson(lesson.id), siteUrl());
  const pdf = pdfEnabled();
  const help = leafletHelp(lesson);
  const credit = lesson.translation && t('leaflet.credit', { label: languageLabel(lesson.lang), translator: lesson.translation.translatedBy, checker: lesson.translation.checkedBy });
  const updated = t('leaflet.updated', { date: formatDate(lesson.updated) });
  // The first source names where the steps come from; the page lists them all.
  const source = lesson.citations[0] ? t('leaflet.source', { name: lesson.citations[0].publisher }) : t('leaflet.sourceSite');
  const short = shortUrl(url);
  return {
    id: lesson.id,
    lang: lesson.lang === 'vi' ? undefined : lesson.lang,
    credit,
    title: lesson.title,
    keyPoints: lesson.keyPoints,
    tip: lesson.leafletTip,
    helpPhone: help?.printed,
    helpLabel: help?.who,
    qrSvg: await qrSvg(url, t('leaflet.qrLabel')),
    qrUrl: url,
    shortUrl: short,
    updated,
    asOf: lesson.reviewed ? t('leaflet.asOf', { date: formatDate(lesson.reviewed) }) : undefined,
    source,
    lessonUrl: routes.lesson(lesson.id),
    pdfA4: pdf ? routes.leafletPdf(lesson.id) : undefined,
    pdfA5: pdf ? routes.leafletA5Pdf(lesson.id) : undefined,
    picture: picturesEnabled() ? routes.leafletPicture(lesson.id) : undefined,
    editPath: lesson.editPath,
    draft: siteSetting().draft,
    step: leafletStep({ title: lesson.title, keyPoints: lesson.keyPoints, tip: lesson.leafletTip, helpPhone: help?.printed, helpLabel: help?.who, credit, foot: `${updated} · ${source} · ${short.split('/')[0]}` }),
  };
}

/**
 * The number a leaflet prints: the lesson's first. One it only inherits (its communes', the
 * province's) is left off when the line would push the leaflet onto a second page; the content
 * check warns about that, and refuses it for the lesson's own numbers.
 */
function leafletHelp(lesson: LessonView): ReturnType<typeof helpLine> {
  const help = helpLine(lesson.contacts);
  if (!help || lesson.ownContacts.length > 0 || lesson.helpPhone) return help;
  const fits = estimateLeaflet({ title: lesson.title, keyPoints: lesson.keyPoints, tip: lesson.leafletTip, helpPhone: help.printed, helpLabel: help.who }).fits;
  return fits ? help : undefined;
}

export interface ScriptView {
  script: Script;
  /** "1 phút 10 giây" for one reading and for two. */
  once: string;
  twice: string;
}

function timeText(seconds: number): string {
  const { minutes, seconds: rest } = readingTimeLabel(seconds);
  if (minutes && rest) return t('script.minutesSeconds', { m: minutes, s: rest });
  return minutes ? t('script.minutes', { m: minutes }) : t('script.seconds', { s: rest });
}

function scriptView(script: Script): ScriptView {
  return { script, once: timeText(script.seconds), twice: timeText(script.seconds * 2 + 5) };
}

/** A sentence as the loudspeaker reads it: without menu names a listener cannot act on. */
const heard = (sentence: string): string => forTheEar(sentence).text;

const NUMBER_WORDS = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm'];

/**
 * The loudspeaker script of a lesson: summary, the key points as "Một là…", the tip, the action.
 * Built from the frontmatter an editor wrote for the ear, never from the body: the "Khi gặp lỗi"
 * box (<WhenStuck>) is not read aloud on purpose. A list of failures and fixes, heard once from a
 * loudspeaker, is hard to follow and buries the one action; the lesson page (and its printout)
 * carries the box for whoever helps a resident through the steps.
 */
export function lessonScript(lesson: LessonView): ScriptView {
  const help = helpLine(lesson.contacts);
  // Menu names a listener cannot act on are left out (src/lib/print/for-the-ear.ts); the leaflet keeps them.
  const keyPoints = lesson.keyPoints.map(heard);
  const points = keyPoints.map((point, index) => `${NUMBER_WORDS[index]} là, ${point.charAt(0).toLowerCase()}${point.slice(1)}`);
  return scriptView(
    buildScript({
      title: lesson.title,
      message: [...sentences(lesson.summary).map(heard), 'Bà con nhớ mấy việc sau.', ...points, ...sentences(lesson.leafletTip).map(heard)],
      action: keyPoints[0] ?? lesson.summary,
      phone: help?.phone,
      phoneWho: help?.who,
      source: lesson.sourceWords,
      pace: lesson.pace,
    }),
  );
}

/**
 * One script per campaign announcement; its last sentence is the action repeated, then the
 * campaign's first number. A campaign that changes a lesson's steps (`variants:`) gets one more
 * script saying so, so the loudspeaker never contradicts the leaflet handed out at the meeting.
 */
export function campaignScripts(campaign: CampaignView): Array<{ title: string } & ScriptView> {
  const help = helpLine(campaign.contacts);
  const pace = campaign.entry.data.broadcast?.pace;
  const scripts = campaign.announcements.map((announcement) => {
    const parts = sentences(announcement.text)
      .filter((s) => !/^kính thưa bà con/i.test(s))
      .map(heard);
    return {
      title: announcement.title,
      ...scriptView(buildScript({ title: announcement.title, message: parts, action: parts.at(-1) ?? announcement.text, phone: help?.phone, phoneWho: help?.who, pace })),
    };
  });
  const variantLines = campaign.variants.flatMap((variant) => variantSentences(variant));
  if (variantLines.length > 0) {
    const title = t('campaign.variantsTitle');
    scripts.push({ title, ...scriptView(buildScript({ title, message: variantLines, action: variantLines[0]!, phone: help?.phone, phoneWho: help?.who, pace })) });
  }
  return scripts;
}

export interface TranslationView {
  lang: string;
  label: string;
  paragraphs: string[];
}

/** Translations an editor supplied (lesson or campaign frontmatter `broadcast.translations`). */
export function translations(list: ReadonlyArray<{ lang: string; text: string }> | undefined): TranslationView[] {
  return (list ?? []).map((item) => ({
    lang: item.lang,
    label: languageLabel(item.lang),
    paragraphs: translationParagraphs(item.text),
  }));
}

/** Agenda rows with running minutes from the start ("+0", "+10"…), and the total. */
export function meetingAgenda(campaign: CampaignView): { rows: Array<{ offset: number; minutes: number; item: string }>; total: number } {
  let offset = 0;
  const rows = (campaign.meeting?.agenda ?? []).map((row) => {
    const entry = { offset, minutes: row.minutes, item: row.item };
    offset += row.minutes;
    return entry;
  });
  return { rows, total: offset };
}

/** The meeting pack (issue 27): agenda with durations for clock-time blanks, and a QR code to the campaign. */
export interface MeetingPackView {
  rows: Array<{ minutes: number; item: string }>;
  total: number;
  qrSvg: string;
  shortUrl: string;
}

export async function meetingPackView(campaign: CampaignView): Promise<MeetingPackView> {
  const url = qrPayload(routes.campaign(campaign.id), siteUrl());
  const agenda = meetingAgenda(campaign);
  return { rows: agenda.rows, total: agenda.total, qrSvg: await qrSvg(url, t('meeting.qrLabel')), shortUrl: shortUrl(url) };
}

/** One download or page offered to a village leader: what it is, its kind, and the file whose size to show. */
export interface PrintChoice {
  url: string;
  label: string;
  /** "PDF", "ảnh JPG", "trang để in". */
  kind: string;
  /** The file (site path) whose size is shown, when the link downloads one. */
  file?: string | undefined;
}

/**
 * The two things a leader wants from a lesson (issue 27): the A4 leaflet to print, and the
 * picture to send into the Zalo group. Without PDFs (SKIP_PDF, no Chromium) the leaflet's print
 * page and the A5 page stand in for them.
 */
export function lessonChoices(lessonId: string): [PrintChoice, PrintChoice] {
  const print: PrintChoice = pdfEnabled()
    ? { url: routes.leafletPdf(lessonId), label: t('choice.print'), kind: 'PDF', file: routes.leafletPdf(lessonId) }
    : { url: routes.leaflet(lessonId), label: t('choice.print'), kind: t('choice.page') };
  const send: PrintChoice = picturesEnabled()
    ? { url: routes.leafletPicture(lessonId), label: t('choice.zalo'), kind: t('choice.picture'), file: routes.leafletPicture(lessonId) }
    : { url: routes.leafletA5(lessonId), label: t('choice.a5'), kind: t('choice.page') };
  return [print, send];
}

/** The leaflet pictures of these lessons, when this build makes them (a saved campaign or topic may store them too). */
export function leafletPictures(lessonIds: readonly string[]): string[] {
  return picturesEnabled() ? lessonIds.map((id) => routes.leafletPicture(id)) : [];
}

/** The meeting pack as a choice: its PDF (with size) or its page. */
export function meetingChoice(campaignId: string): PrintChoice {
  return pdfEnabled()
    ? { url: routes.meetingPackPdf(campaignId), label: t('choice.meeting'), kind: 'PDF', file: routes.meetingPackPdf(campaignId) }
    : { url: routes.meetingPack(campaignId), label: t('choice.meeting'), kind: t('choice.page') };
}

/** A topic's printable lessons (all of them; pages show a slice). */
export interface PrintTopic {
  id: string;
  name: string;
  url: string;
  lessons: PrintLesson[];
}

/** One printable version of a lesson; a translation follows its Vietnamese lesson. */
export interface PrintLesson {
  id: string;
  title: string;
  /** For a translation: its language tag and name. */
  lang?: string | undefined;
  language?: string | undefined;
  script: boolean;
  /** Print the leaflet, send its picture (lessonChoices). */
  choices: [PrintChoice, PrintChoice];
}

/** A lesson whose steps were last followed more than six months ago (for editors). */
export interface ReviewItem {
  id: string;
  title: string;
  url: string;
  editPath: string;
  reviewed: Date;
}

/** Lessons due for review at the build's date, oldest check first. */
export async function lessonsDueForReview(): Promise<ReviewItem[]> {
  return dueForReview(await getLessons(), reviewAsOf()).map((lesson) => ({ id: lesson.id, title: lesson.title, url: lesson.url, editPath: lesson.editPath, reviewed: lesson.reviewed }));
}

export interface PrintCentreView {
  pdf: boolean;
  /** Did this build make leaflet pictures? */
  picture: boolean;
  /** Lessons due for review, oldest first (issue 24). */
  review: ReviewItem[];
  topics: PrintTopic[];
  campaigns: CampaignView[];
  recordings: ListedRecording[];
}

export async function printCentre(): Promise<PrintCentreView> {
  const [groups, campaigns, translations, recordings, review] = await Promise.all([getLessonsByTopic(), getCampaigns(), getTranslations(), getRecordingList(), lessonsDueForReview()]);
  const item = (lesson: LessonView): PrintLesson => ({
    id: lesson.id,
    title: lesson.title,
    lang: lesson.lang === 'vi' ? undefined : lesson.lang,
    language: lesson.lang === 'vi' ? undefined : languageLabel(lesson.lang),
    script: hasScript(lesson),
    choices: lessonChoices(lesson.id),
  });
  const byLesson = Map.groupBy(translations, (translation) => translation.lessonId);
  return {
    pdf: pdfEnabled(),
    picture: picturesEnabled(),
    review,
    topics: groups.map((group) => ({
      id: group.topic.id,
      name: group.topic.name,
      url: group.topic.url,
      lessons: group.lessons.flatMap((lesson) => [item(lesson), ...(byLesson.get(lesson.id) ?? []).map(item)]),
    })),
    campaigns,
    recordings,
  };
}

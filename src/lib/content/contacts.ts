/**
 * The content check's rules for numbers to call and for one instruction everywhere (issue 25).
 * The schema already refuses a contact without `sources:` (src/schemas/helpers.ts `contact`);
 * these are the rules across fields and files:
 * - a lesson's `helpPhone` must be one of its `contacts:` (that is where its source is);
 * - a contact's `checked:` day cannot be in the future;
 * - every leaflet now prints a number (the lesson's first contact, or its communes' or the
 *   province's): it must still fit one A4 page with that line;
 * - a campaign's `variants:` name lessons it links;
 * - a campaign whose text contradicts a lesson it links on where to go or what to bring gets a
 *   warning (src/lib/content/consistency.ts).
 */
import { todayInVietnam } from '../dates.ts';
import { estimateLeaflet } from '../print/leaflet-fit.ts';
import { contradictions, sentencesOf, type Instruction } from './consistency.ts';
import type { ValidEntry } from './integrity.ts';
import type { Problem } from '../problems.ts';

interface ParsedContact {
  phone: string;
  checked?: Date;
}

const digits = (phone: string): string => phone.replace(/\D/g, '');

function contactsOf(entry: ValidEntry): ParsedContact[] {
  return (entry.parsed['contacts'] as ParsedContact[] | undefined) ?? [];
}

export function checkContacts(entries: readonly ValidEntry[], now = new Date()): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const today = todayInVietnam(now);
  const lessons = new Map(entries.filter((entry) => entry.collection === 'lessons').map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    contactsOf(entry).forEach((contact, index) => {
      if (contact.checked instanceof Date && contact.checked > today) {
        problems.push({
          file: entry.file,
          line: entry.lineOf(['contacts', index, 'checked']),
          field: `contacts[${index}].checked`,
          message: `ngày kiểm tra ${contact.checked.toISOString().slice(0, 10)} ở tương lai`,
          fix: 'Ghi ngày bạn đã đối chiếu số này với nguồn (hôm nay hoặc trước đó).',
        });
      }
    });
    if (entry.collection === 'lessons') {
      const help = entry.parsed['helpPhone'] as string | undefined;
      if (help && !contactsOf(entry).some((contact) => digits(contact.phone) === digits(help))) {
        problems.push({
          file: entry.file,
          line: entry.lineOf(['helpPhone']),
          field: 'helpPhone',
          message: `số ${help} chưa có nguồn`,
          fix: 'Chuyển số này vào "contacts:" (ai nghe máy, gọi để làm gì, số, "sources:" là trang chính thức có ghi số này, "checked:" là ngày bạn đối chiếu), rồi xoá dòng helpPhone. Không tìm được nguồn thì xoá số.',
        });
      }
    }
    if (entry.collection === 'lessons' || entry.collection === 'translations') {
      const lesson = entry.collection === 'translations' ? lessons.get((entry.parsed['lesson'] as { id?: string } | undefined)?.id ?? '') : entry;
      // The lesson's own number must be printed; a number it only inherits (its communes', the
      // province's) is left off a leaflet it would push onto a second page (src/data/print.ts).
      const own = !!lesson && (contactsOf(lesson).length > 0 || !!lesson.parsed['helpPhone']);
      const overflow = checkLeafletWithNumber(entry, lesson);
      if (own) problems.push(...overflow);
      else warnings.push(...overflow.map((problem) => ({ ...problem, message: `${problem.message}, nên tờ rơi không in số để gọi` })));
    }
  }
  return { problems, warnings };
}

/**
 * Every leaflet prints a number now: one that fits only without its help line would overflow.
 * (A leaflet too long even without it is reported once, by the integrity check.)
 */
function checkLeafletWithNumber(entry: ValidEntry, lesson: ValidEntry | undefined): Problem[] {
  if (lesson?.parsed['helpPhone']) return [];
  const text = { title: String(entry.parsed['title'] ?? ''), keyPoints: (entry.parsed['keyPoints'] as string[] | undefined) ?? [], tip: String(entry.parsed['leafletTip'] ?? '') };
  const withNumber = estimateLeaflet({ ...text, helpPhone: '1900 0000' });
  if (withNumber.fits || !estimateLeaflet(text).fits) return [];
  return [
    {
      file: entry.file,
      line: entry.lineOf(['keyPoints']),
      field: 'keyPoints',
      message: `tờ rơi in thêm dòng số điện thoại sẽ dài hơn một trang A4 (ước tính ${withNumber.heightMm} mm, một trang chứa ${withNumber.availableMm} mm)`,
      fix: 'Rút gọn các ý chính, tiêu đề hay lời khuyên (leafletTip) một dòng.',
    },
  ];
}

/** Campaign variants must name lessons the campaign links; texts that contradict a linked lesson warn. */
export function checkCampaignSteps(entries: readonly ValidEntry[]): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lessons = new Map(entries.filter((entry) => entry.collection === 'lessons').map((entry) => [entry.id, entry]));
  for (const campaign of entries.filter((entry) => entry.collection === 'campaigns')) {
    const data = campaign.parsed;
    const linked = ((data['lessons'] as Array<{ id: string }> | undefined) ?? []).map((ref) => ref.id);
    const variants = (data['variants'] as Array<{ lesson: { id: string }; goTo?: string; bring?: string[] }> | undefined) ?? [];
    variants.forEach((variant, index) => {
      if (!linked.includes(variant.lesson.id)) {
        problems.push({
          file: campaign.file,
          line: campaign.lineOf(['variants', index, 'lesson']),
          field: `variants[${index}].lesson`,
          message: `bài "${variant.lesson.id}" không có trong "lessons:" của chiến dịch`,
          fix: `Chỉ ghi cách làm riêng cho bài chiến dịch có dùng: ${linked.join(', ')}.`,
        });
      }
    });
    const sentences = campaignSentences(campaign);
    for (const id of linked) {
      const lesson = lessons.get(id);
      const goTo = lesson?.parsed['goTo'] as { place: string; for: string[] } | undefined;
      if (!lesson || !goTo) continue;
      const variant = variants.find((v) => v.lesson.id === id);
      const instruction: Instruction = { place: variant?.goTo ?? goTo.place, for: goTo.for, bring: variant?.bring ?? (lesson.parsed['bring'] as string[] | undefined) };
      const said = variant ? 'cách làm riêng (variants:) của chiến dịch' : `bài ${id}`;
      for (const found of contradictions(
        sentences.map((s) => s.text),
        instruction,
      )) {
        const where = sentences.find((s) => s.text === found.sentence)!;
        warnings.push({
          file: campaign.file,
          line: where.line,
          field: where.field,
          message:
            found.kind === 'where'
              ? `câu "${short(found.sentence)}" đưa bà con đến ${found.found.join(', ')}, nhưng ${said} nói đến ${found.expected}`
              : `câu "${short(found.sentence)}" dặn mang đồ nhưng thiếu: ${found.found.join(', ')} (${said} dặn mang ${found.expected})`,
          fix: 'Sửa câu cho khớp bài học. Nếu chiến dịch cố ý làm khác, ghi rõ ở "variants:" (lesson, goTo, bring, why) để trang, tờ in và bài phát thanh nói cùng một cách.',
        });
      }
    }
  }
  return { problems, warnings };
}

/** Every sentence residents may read or hear from a campaign, with where it is written. */
function campaignSentences(campaign: ValidEntry): Array<{ text: string; field: string; line: number | undefined }> {
  const data = campaign.parsed;
  const out: Array<{ text: string; field: string; line: number | undefined }> = [];
  const add = (text: string | undefined, path: Array<string | number>, field: string) => {
    for (const sentence of sentencesOf(text ?? '')) out.push({ text: sentence, field, line: campaign.lineOf(path) });
  };
  for (const [i, a] of ((data['announcements'] as Array<{ text: string }> | undefined) ?? []).entries()) add(a.text, ['announcements', i, 'text'], `announcements[${i}].text`);
  const meeting = data['meeting'] as { agenda?: Array<{ item: string }>; faq?: Array<{ question: string; answer: string }> } | undefined;
  for (const [i, row] of (meeting?.agenda ?? []).entries()) add(row.item, ['meeting', 'agenda', i, 'item'], `meeting.agenda[${i}].item`);
  (meeting?.faq ?? []).forEach((qa, i) => {
    add(qa.question, ['meeting', 'faq', i, 'question'], `meeting.faq[${i}].question`);
    add(qa.answer, ['meeting', 'faq', i, 'answer'], `meeting.faq[${i}].answer`);
  });
  (campaign.body ?? '').split('\n').forEach((line, index) => {
    for (const sentence of sentencesOf(line)) out.push({ text: sentence, field: 'nội dung', line: (campaign.bodyLine ?? 1) + index });
  });
  return out;
}

function short(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/** Everything issue 25 adds to `npm run check`, in one call. */
export function checkCallsAndSteps(entries: readonly ValidEntry[], now = new Date()): { problems: Problem[]; warnings: Problem[] } {
  const steps = checkCampaignSteps(entries);
  const contacts = checkContacts(entries, now);
  return { problems: [...contacts.problems, ...steps.problems], warnings: [...contacts.warnings, ...steps.warnings] };
}

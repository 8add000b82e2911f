/** The meeting pack's follow-up columns (issue 27): few and short, so the sheet stays one A4 page; the check says why and what to do. */
import { describe, expect, it } from 'vitest';
import { checkHelpers } from '../../src/lib/content/node-helpers.ts';
import { editorMessages } from '../../src/lib/content/zod-messages.ts';
import { CampaignSchema, FOLLOW_UP_COLUMNS_MAX, FOLLOW_UP_LABEL_MAX } from '../../src/schemas/content.ts';

const campaign = (followUp: unknown) => ({
  title: 'Chiến dịch thử',
  summary: 'Một chiến dịch để thử tờ theo dõi.',
  start: '2026-09-01',
  end: '2026-10-01',
  goal: 'Mọi người dân cài đặt VNeID.',
  lessons: ['bai-mau'],
  places: ['xa-tien-yen'],
  meeting: { agenda: [{ minutes: 10, item: 'Giới thiệu' }], bring: ['Thẻ căn cước'], followUp },
});

function messages(followUp: unknown) {
  const schema = CampaignSchema(checkHelpers);
  const data = campaign(followUp);
  const result = schema.safeParse(data);
  return result.success ? [] : editorMessages(result.error, data, schema);
}

describe('meeting.followUp', () => {
  it('accepts up to three short columns, and leaving it out', () => {
    expect(messages(['Đã cài VNeID', 'Đã có mức 2', 'Hẹn ngày giúp'])).toEqual([]);
    expect(messages(undefined)).toEqual([]);
    expect([FOLLOW_UP_COLUMNS_MAX, FOLLOW_UP_LABEL_MAX]).toEqual([3, 20]);
  });

  it('refuses too many columns and a label too long, naming the field, why and the fix', () => {
    const [many] = messages(['Một', 'Hai', 'Ba', 'Bốn']);
    expect(many).toMatchObject({ field: 'meeting.followUp', message: 'quá nhiều cột (tối đa 3): tờ theo dõi không còn vừa một trang A4' });
    expect(many!.fix).toContain('Giữ 3 việc');
    const [long] = messages(['Đã cài xong ứng dụng VNeID trên điện thoại']);
    expect(long).toMatchObject({ field: 'meeting.followUp[0]', message: 'tên cột quá dài (42 ký tự, tối đa 20): tờ theo dõi không còn vừa một trang A4' });
    expect(long!.fix).toContain('20 ký tự trở xuống');
    expect(messages([])[0]).toMatchObject({ field: 'meeting.followUp' });
  });
});

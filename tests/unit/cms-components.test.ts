import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDITOR_COMPONENTS_CMS } from '../../src/lib/cms/components.ts';
import { checkMdxSafety } from '../../src/lib/reading/mdx-safety.ts';

const byId = (id: string) => EDITOR_COMPONENTS_CMS.find((component) => component.id === id)!;
const SAMPLES: Record<string, Record<string, unknown>> = {
  steps: { steps: ['Mở ứng dụng VNeID.', 'Chọn "Đăng nhập", nhập số căn cước.', 'Nhập mã 6 số.'] },
  tip: { text: 'Không có điện thoại thông minh? Nhờ Tổ công nghệ số cộng đồng giúp.' },
  warning: { text: 'Không đưa mã OTP cho bất kỳ ai, kể cả người tự xưng là công an.' },
  'when-stuck': {
    items: [
      { problem: 'Không nhận được mã OTP', fix: 'Xem lại số điện thoại đã nhập, phải là số đã đọc cho công an.' },
      { problem: 'Quên mật khẩu', fix: 'Bấm "Quên mật khẩu" rồi làm theo hướng dẫn.' },
    ],
    more: 'Lần đầu làm, nhờ <Term id="to-cong-nghe-so-cong-dong">Tổ công nghệ số cộng đồng</Term> ngồi làm cùng.',
  },
  figure: { src: '../images/vneid-tren-dien-thoai.png', alt: 'Điện thoại mở ứng dụng VNeID', caption: 'Thẻ bảo hiểm y tế nằm trong VNeID.' },
};

describe.each(Object.entries(SAMPLES))('the %s editor component', (id, data) => {
  const component = byId(id);

  it('writes MDX that the safety check accepts', () => {
    const body = `Đoạn mở đầu.\n\n${component.toBlock(data)}\n\nĐoạn kết.\n`;
    expect(checkMdxSafety(body)).toEqual([]);
  });

  it('reads back what it wrote, found by its pattern inside a longer text', () => {
    const body = `Đoạn mở đầu.\n\n${component.toBlock(data)}\n\nĐoạn kết.\n`;
    const match = body.match(component.pattern);
    expect(match).not.toBeNull();
    expect(component.fromBlock(match!)).toEqual(data);
  });
});

describe('editor components', () => {
  it('read the blocks our lessons already have', () => {
    const lesson = '<Steps>\n\n1. Đến công an xã.\n2. Cài ứng dụng.\n\n</Steps>\n\n<Tip>\nNhờ tổ công nghệ số giúp.\n</Tip>';
    expect(byId('steps').fromBlock(lesson.match(byId('steps').pattern)!)).toEqual({ steps: ['Đến công an xã.', 'Cài ứng dụng.'] });
    expect(byId('tip').fromBlock(lesson.match(byId('tip').pattern)!)).toEqual({ text: 'Nhờ tổ công nghệ số giúp.' });
  });

  it('read a lesson\'s "Khi gặp lỗi" box: each item as problem and what to do, the lines after the list kept as they are', () => {
    const lesson = [
      '</Steps>',
      '',
      '<WhenStuck>',
      '',
      '- **Quên mật khẩu:** bấm "Quên mật khẩu".',
      '- **Tên hay số tiền lạ**: đừng trả.',
      '- Không tự làm được thì hỏi công an xã.',
      '',
      'Lần đầu làm, nhờ Tổ công nghệ số.',
      'Xem thêm bài [Lừa đảo](/bai-hoc/nhan-biet-va-bao-cuoc-goi-tin-nhan-lua-dao/).',
      '',
      '</WhenStuck>',
    ].join('\n');
    const component = byId('when-stuck');
    const data = component.fromBlock(lesson.match(component.pattern)!);
    expect(data).toEqual({
      items: [
        { problem: 'Quên mật khẩu', fix: 'bấm "Quên mật khẩu".' },
        { problem: 'Tên hay số tiền lạ', fix: 'đừng trả.' },
        { problem: 'Không tự làm được thì hỏi công an xã.', fix: '' },
      ],
      more: 'Lần đầu làm, nhờ Tổ công nghệ số.\nXem thêm bài [Lừa đảo](/bai-hoc/nhan-biet-va-bao-cuoc-goi-tin-nhan-lua-dao/).',
    });
    // Written back in the one shape CONTRIBUTING.md shows, which the renderer draws.
    expect(component.toBlock(data)).toBe(
      '<WhenStuck>\n\n- **Quên mật khẩu:** bấm "Quên mật khẩu".\n- **Tên hay số tiền lạ:** đừng trả.\n- Không tự làm được thì hỏi công an xã.\n\nLần đầu làm, nhờ Tổ công nghệ số.\nXem thêm bài [Lừa đảo](/bai-hoc/nhan-biet-va-bao-cuoc-goi-tin-nhan-lua-dao/).\n\n</WhenStuck>',
    );
    expect(component.toPreview(data)).toContain('<h2>Khi gặp lỗi</h2><ul><li><strong>Quên mật khẩu</strong> bấm &quot;Quên mật khẩu&quot;.</li>');
  });

  it('open every lesson\'s "Khi gặp lỗi" box and write it back unchanged, so saving from the CMS rewrites nothing', () => {
    const component = byId('when-stuck');
    const lessons = readdirSync('content/lessons').filter((name) => name.endsWith('.mdx'));
    const boxes = lessons.flatMap((name) => {
      const match = readFileSync(`content/lessons/${name}`, 'utf8').match(component.pattern);
      return match ? [{ name, match }] : [];
    });
    expect(boxes.length).toBeGreaterThan(10);
    for (const { name, match } of boxes) expect(component.toBlock(component.fromBlock(match)), name).toBe(match[0]);
  });

  it('keep a caption with quotes inside its attribute, and an alt with brackets inside its image', () => {
    const block = byId('figure').toBlock({ src: '../images/a.png', alt: 'Nút [Đăng nhập]', caption: 'Bấm "Đăng nhập"' });
    expect(block).toBe('<Figure caption="Bấm “Đăng nhập”">![Nút Đăng nhập](../images/a.png)</Figure>');
    expect(checkMdxSafety(block)).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMdxSafety } from '../../src/lib/reading/mdx-safety.ts';

const messages = (text: string) => checkMdxSafety(text).map((issue) => `${issue.line}: ${issue.message}`);

describe('MDX that editors may write', () => {
  it('accepts Markdown and the editor components with literal attributes', () => {
    const text = [
      '---',
      'title: "Có dấu {ngoặc} và <thẻ> trong frontmatter"',
      '---',
      '',
      '## Các bước',
      '',
      '<Steps>',
      '',
      '1. Mở [Cổng dịch vụ công](https://dichvucong.gov.vn/) và bấm **Đăng nhập**.',
      '2. Nhập mã <Term id="otp">OTP</Term> trong tin nhắn.',
      '',
      '</Steps>',
      '',
      '<Figure caption="Màn hình đăng nhập">',
      '![Màn hình có nút Đăng nhập màu xanh](../images/anh.png)',
      '</Figure>',
      '',
      '<Tip>Gọi [tổng đài](tel:19000368) hay viết [thư](mailto:hotro@example.org).</Tip>',
      '',
      '<WhenStuck>',
      '',
      '- **Không nhận được <Term id="otp">mã OTP</Term>:** xem lại số điện thoại.',
      '',
      'Nhờ [Tổ công nghệ số](/tu-dien/#to-cong-nghe-so-cong-dong) giúp.',
      '',
      '</WhenStuck>',
      '',
      '{/* ghi chú cho người sửa bài: không hiện trên trang */}',
      '',
      'Giá 5 \\< 10 nghìn đồng, dấu \\{ngoặc\\} viết được.',
    ].join('\n');
    expect(checkMdxSafety(text)).toEqual([]);
  });

  it('accepts every real article in content/', () => {
    for (const folder of ['lessons', 'news', 'stories', 'campaigns']) {
      for (const name of readdirSync(path.join('content', folder))) {
        const issues = checkMdxSafety(readFileSync(path.join('content', folder, name), 'utf8'));
        expect(issues, `${folder}/${name}`).toEqual([]);
      }
    }
  });
});

describe('MDX that could run code is reported, with its line', () => {
  it.each([
    ['import', "import x from 'y'\n\nChữ.", '1: có dòng "import" (mã lệnh JavaScript, thường chép từ bài hướng dẫn trên mạng)'],
    ['export', 'Chữ.\n\nexport const a = 1', '3: có dòng "export" (mã lệnh JavaScript, thường chép từ bài hướng dẫn trên mạng)'],
    ['flow expression', '{process.exit(1)}', '1: có biểu thức trong ngoặc nhọn {process.exit(1)} (mã lệnh)'],
    ['text expression', 'Hai cộng hai là {2 + 2}.', '1: có biểu thức trong ngoặc nhọn {2 + 2} (mã lệnh)'],
    ['comment hiding code', '{/* a */ fetch("x") /* b */}', '1: có biểu thức trong ngoặc nhọn {/* a */ fetch("x") /* b */} (mã lệnh)'],
    ['expression attribute', '<Term id={x}>a</Term>', '1: thuộc tính id của <Term> là mã lệnh {x}'],
    ['spread attribute', '<Tip {...p}>a</Tip>', '1: thẻ <Tip> có thuộc tính dạng mã lệnh {...p}'],
    ['event handler', '<Warning onMouseOver="x()">a</Warning>', '1: thẻ <Warning> có thuộc tính "onMouseOver" (chạy mã lệnh khi người đọc bấm hay di chuột)'],
    ['script', '<script>alert(1)</script>', '1: có thẻ <script> (mã lệnh chạy trên máy người đọc), không được phép'],
    ['iframe', '<iframe src="https://example.com"></iframe>', '1: có thẻ <iframe> (nhúng trang của nơi khác), không được phép'],
    ['style with CSS', '<style>{`p { color: red }`}</style>', '1: có thẻ <style> (thay đổi giao diện cả trang), không được phép'],
    ['javascript link', '[a](javascript:alert(1))', '1: đường dẫn "javascript:alert(1)" chạy mã lệnh hoặc chứa dữ liệu nhúng'],
    ['javascript with an encoded tab', '[a](java&#x09;script:alert(1))', '1: đường dẫn "java script:alert(1)" chạy mã lệnh hoặc chứa dữ liệu nhúng'],
    ['data image', '![ảnh có mô tả](data:image/svg+xml;base64,PHN2Zz4=)', '1: đường dẫn "data:image/svg+xml;base64,PHN2Zz4=" chạy mã lệnh hoặc chứa dữ liệu nhúng'],
    ['javascript definition', '[a][b]\n\n[b]: javascript:alert(1)', '3: đường dẫn "javascript:alert(1)" chạy mã lệnh hoặc chứa dữ liệu nhúng'],
    ['unknown component', '<Callout>a</Callout>', '1: thành phần <Callout> không có'],
    ['member component', '<Foo.Bar>a</Foo.Bar>', '1: thành phần <Foo.Bar> không có'],
    ['fragment', '<>a</>', '1: có thẻ rỗng <> … </>'],
    ['html tag', 'Chữ <b>đậm</b>.', '1: thẻ HTML <b> không được dùng'],
    ['unknown attribute', '<Tip title="Mẹo">a</Tip>', '1: thuộc tính "title" không dùng được với <Tip>'],
    ['missing required attribute', '<Term>OTP</Term>', '1: <Term> thiếu thuộc tính id'],
    ['steps without a numbered list', '<Steps>\nMở ứng dụng rồi bấm Đăng nhập.\n</Steps>', '1: <Steps> không có danh sách đánh số bên trong'],
    ['when-stuck without a list', '<WhenStuck>\nKhông nhận được mã thì hỏi công an xã.\n</WhenStuck>', '1: <WhenStuck> không có danh sách bên trong'],
    ['when-stuck with a numbered list', '<WhenStuck>\n\n1. **Quên mật khẩu:** bấm Quên mật khẩu.\n\n</WhenStuck>', '1: <WhenStuck> không có danh sách bên trong'],
    ['when-stuck with an attribute', '<WhenStuck title="Lỗi">\n\n- **Quên mật khẩu:** hỏi công an xã.\n\n</WhenStuck>', '1: thuộc tính "title" không dùng được với <WhenStuck>'],
  ])('%s', (_, text, expected) => {
    expect(messages(text)).toContain(expected);
  });

  it('names a dangerous tag even when the parser stops before it', () => {
    expect(messages('Chữ.\n\n<style>p { color: red }</style>')).toEqual(['3: có thẻ <style> (thay đổi giao diện cả trang), không được phép']);
  });

  it('explains an HTML comment, which MDX cannot read', () => {
    const [issue] = checkMdxSafety('Chữ.\n\n<!-- ghi chú -->');
    expect(issue?.line).toBe(3);
    expect(issue?.fix).toBe('Xoá chú thích <!-- … --> (MDX không dùng kiểu chú thích này).');
  });

  it('suggests the component an editor probably meant', () => {
    expect(checkMdxSafety('<Warnning>a</Warnning>')[0]?.fix).toMatch(/^Có phải bạn muốn viết <Warning>\?/);
  });

  it('adds the line offset of a body read after its frontmatter', () => {
    expect(checkMdxSafety('{x}', 10)[0]?.line).toBe(11);
  });
});

describe('plain Markdown (the glossary)', () => {
  const md = (text: string) => checkMdxSafety(text, 0, 'md').map((issue) => `${issue.line}: ${issue.message}`);

  it('accepts text, links and braces, which are not code in Markdown', () => {
    expect(md('Mã OTP {chỉ dùng một lần}. Xem [trang](https://example.org/).')).toEqual([]);
  });

  it('reports raw HTML and javascript: links, which would reach the reader unchanged', () => {
    expect(md('Chữ <b onclick="x()">đậm</b>.\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1))')).toEqual([
      '1: có mã HTML <b onclick="x()">',
      '3: có thẻ <script> (mã lệnh chạy trên máy người đọc), không được phép',
      '5: đường dẫn "javascript:alert(1)" chạy mã lệnh hoặc chứa dữ liệu nhúng',
    ]);
  });
});

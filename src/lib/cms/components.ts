/**
 * The MDX components an editor inserts from the CMS toolbar instead of typing tags: each is a
 * form (fields), a pattern that finds it in the body, and the two directions between the form's
 * data and the MDX text. What toBlock writes is plain MDX that src/lib/reading/mdx-safety.ts
 * accepts (no expressions, only the attributes our components take), and fromBlock(toBlock(x))
 * gives x back. <Term> is inline (inside a sentence) and has no block form here: see
 * docs/editors.md.
 */
import type { CmsField } from './fields.ts';
import { escapeHtml } from '../text.ts';

export interface EditorComponent<T extends Record<string, unknown> = Record<string, unknown>> {
  id: 'steps' | 'tip' | 'warning' | 'when-stuck' | 'figure';
  label: string;
  fields: CmsField[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => T;
  toBlock: (data: T) => string;
  /** What the CMS's preview pane shows (HTML, which the CMS sanitises). */
  toPreview: (data: T) => string;
}

/** Text inside an attribute: straight double quotes would end it, so they become typographic ones. */
export function attributeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/"([^"]*)"/g, '“$1”')
    .replace(/"/g, '”');
}

/** Text of a Markdown image's alt: brackets would end it. */
const altText = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/[[\]]/g, '');

const steps: EditorComponent<{ steps: string[] }> = {
  id: 'steps',
  label: 'Các bước',
  fields: [{ name: 'steps', label: 'Các bước (mỗi bước một dòng)', widget: 'list', field: { name: 'step', label: 'Bước', widget: 'text' }, min: 1 }],
  pattern: /^<Steps>\s*\n([\s\S]*?)\n\s*<\/Steps>/m,
  fromBlock: (match) => ({
    steps: (match[1] ?? '')
      .split('\n')
      .map((line) => /^\s*\d+\.\s+(.*)$/.exec(line)?.[1]?.trim())
      .filter((step): step is string => !!step),
  }),
  toBlock: ({ steps: list }) => `<Steps>\n\n${(list ?? []).map((step, index) => `${index + 1}. ${step.replace(/\s+/g, ' ').trim()}`).join('\n')}\n\n</Steps>`,
  toPreview: ({ steps: list }) => `<ol>${(list ?? []).map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>`,
};

function callout(id: 'tip' | 'warning', tag: 'Tip' | 'Warning', label: string): EditorComponent<{ text: string }> {
  return {
    id,
    label,
    fields: [{ name: 'text', label: 'Lời nhắn', widget: 'text' }],
    pattern: new RegExp(`^<${tag}>\\s*\\n([\\s\\S]*?)\\n\\s*</${tag}>`, 'm'),
    fromBlock: (match) => ({ text: (match[1] ?? '').trim() }),
    toBlock: ({ text }) => `<${tag}>\n${(text ?? '').trim()}\n</${tag}>`,
    toPreview: ({ text }) => `<aside><p><strong>${label}:</strong> ${escapeHtml(text ?? '')}</p></aside>`,
  };
}

/** One failure of a <WhenStuck> box: what the reader sees go wrong, and what to do. */
export interface StuckItem {
  problem: string;
  fix: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "- **Không nhận được mã OTP:** xem lại số điện thoại." ↔ { problem, fix }; an item without the bold part is all problem. */
function stuckItem(line: string): StuckItem {
  const match = /^\*\*(.+?)\*\*\s*:?\s*([\s\S]*)$/.exec(line);
  if (!match) return { problem: line, fix: '' };
  return { problem: (match[1] ?? '').replace(/\s*:\s*$/, ''), fix: (match[2] ?? '').trim() };
}

/**
 * "Khi gặp lỗi" (issue 25): the failures as a list of problem → what to do, then, if the editor
 * wants, a few lines after the list (who to ask, a lesson to read next).
 */
const whenStuck: EditorComponent<{ items: StuckItem[]; more: string }> = {
  id: 'when-stuck',
  label: 'Khi gặp lỗi',
  fields: [
    {
      name: 'items',
      label: 'Lỗi bà con hay gặp (mỗi lỗi một mục, viết từ nguồn của bài)',
      widget: 'list',
      summary: '{{fields.problem}}',
      min: 1,
      fields: [
        { name: 'problem', label: 'Lỗi gặp phải, ví dụ: Không nhận được mã OTP', widget: 'string' },
        { name: 'fix', label: 'Cách làm', widget: 'text' },
      ],
    },
    { name: 'more', label: 'Lời nhắn thêm sau danh sách (không bắt buộc), ví dụ: hỏi ai, đọc bài nào', widget: 'text', required: false },
  ],
  pattern: /^<WhenStuck>\s*\n([\s\S]*?)\n\s*<\/WhenStuck>/m,
  fromBlock: (match) => {
    const items: StuckItem[] = [];
    const more: string[] = [];
    for (const line of (match[1] ?? '').split('\n')) {
      const item = /^\s*[-*+]\s+(.*)$/.exec(line)?.[1];
      if (item !== undefined && !more.some(Boolean)) items.push(stuckItem(item.trim()));
      else if (/^\s+\S/.test(line) && items.length && !more.some(Boolean)) {
        const last = items.at(-1)!;
        if (last.fix) last.fix = `${last.fix} ${line.trim()}`;
        else last.problem = `${last.problem} ${line.trim()}`;
      } else more.push(line.trim());
    }
    return {
      items,
      more: more
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    };
  },
  toBlock: ({ items, more }) => {
    const list = (items ?? []).map(({ problem, fix }) => (oneLine(fix ?? '') ? `- **${oneLine(problem ?? '').replace(/\s*:$/, '')}:** ${oneLine(fix ?? '')}` : `- ${oneLine(problem ?? '')}`));
    const after = (more ?? '').trim();
    return `<WhenStuck>\n\n${list.join('\n')}${after ? `\n\n${after}` : ''}\n\n</WhenStuck>`;
  },
  toPreview: ({ items, more }) =>
    `<section><h2>Khi gặp lỗi</h2><ul>${(items ?? []).map(({ problem, fix }) => `<li><strong>${escapeHtml(problem ?? '')}</strong> ${escapeHtml(fix ?? '')}</li>`).join('')}</ul>${(more ?? '').trim() ? `<p>${escapeHtml(more.trim())}</p>` : ''}</section>`,
};

const figure: EditorComponent<{ src: string; alt: string; caption: string }> = {
  id: 'figure',
  label: 'Ảnh có chú thích',
  fields: [
    { name: 'src', label: 'Ảnh', widget: 'image', choose_url: false },
    { name: 'alt', label: 'Mô tả ảnh (cho người không xem được ảnh)', widget: 'string', pattern: ['^\\s*[\\s\\S]{5,200}\\s*$', 'Từ 5 đến 200 ký tự.'] },
    { name: 'caption', label: 'Chú thích dưới ảnh', widget: 'string', pattern: ['^\\s*[\\s\\S]{3,200}\\s*$', 'Từ 3 đến 200 ký tự.'] },
  ],
  pattern: /^<Figure caption="([^"]*)">!\[([^\]]*)\]\(([^)\s]+)\)<\/Figure>/m,
  fromBlock: (match) => ({ caption: match[1] ?? '', alt: match[2] ?? '', src: match[3] ?? '' }),
  toBlock: ({ src, alt, caption }) => `<Figure caption="${attributeText(caption ?? '')}">![${altText(alt ?? '')}](${(src ?? '').trim()})</Figure>`,
  toPreview: ({ src, alt, caption }) => `<figure><img src="${escapeHtml(src ?? '')}" alt="${escapeHtml(alt ?? '')}"><figcaption>${escapeHtml(caption ?? '')}</figcaption></figure>`,
};

export const EDITOR_COMPONENTS_CMS: readonly EditorComponent[] = [
  steps as unknown as EditorComponent,
  callout('tip', 'Tip', 'Lời khuyên') as unknown as EditorComponent,
  callout('warning', 'Warning', 'Cảnh báo') as unknown as EditorComponent,
  whenStuck as unknown as EditorComponent,
  figure as unknown as EditorComponent,
];

/**
 * Editor components check their own input and explain mistakes in editor words
 * (the content check catches most of these earlier; this is the last line).
 */
export const EDITOR_COMPONENTS = ['Steps', 'Tip', 'Warning', 'WhenStuck', 'Figure', 'Term'] as const;
export type EditorComponentName = (typeof EDITOR_COMPONENTS)[number];

export function editorComponentError(component: EditorComponentName, props: Record<string, unknown>): string | undefined {
  switch (component) {
    case 'Steps': {
      const html = String(props['html'] ?? '');
      if (!/<ol[\s>]/.test(html)) {
        return '<Steps> cần một danh sách đánh số bên trong (mỗi bước một dòng "1. ..."), cách <Steps> một dòng trống.';
      }
      return undefined;
    }
    case 'WhenStuck': {
      if (props['nested']) return '<WhenStuck> là một mục riêng của bài, không đặt trong <Steps>, <Tip>, <Warning> hay thành phần khác; chuyển nó ra ngoài, sau </Steps>.';
      const html = String(props['html'] ?? '');
      if (!/<ul[\s>]/.test(html)) {
        return '<WhenStuck> cần một danh sách bên trong: mỗi lỗi một dòng "- **Lỗi gặp phải:** cách làm", cách <WhenStuck> một dòng trống.';
      }
      return undefined;
    }
    case 'Figure': {
      const caption = props['caption'];
      if (typeof caption !== 'string' || caption.trim().length < 3) {
        return `<Figure> cần chú thích: nhận được ${JSON.stringify(caption)}. Viết <Figure caption="Chú thích ảnh">.`;
      }
      return undefined;
    }
    case 'Term': {
      const id = props['id'];
      if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) {
        return `<Term> cần id của một mục trong từ điển (content/glossary/): nhận được ${JSON.stringify(id)}.`;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

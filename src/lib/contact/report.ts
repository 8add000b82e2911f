/**
 * "Báo nội dung sai" (issue 24): how a reader tells the editors a lesson is wrong, with no
 * JavaScript. Residents call or message the editors' team (tel: and a plain https://zalo.me/
 * link: nothing is loaded until tapped); editors open a prefilled issue on the repository.
 */
import { formatPhone } from '../print/vi-numbers.ts';

export interface ReportInput {
  /** The page's absolute address. */
  pageUrl: string;
  title: string;
  /** REPORT_PHONE: digits, maybe a leading +; undefined when not configured. */
  phone?: string | undefined;
  /** REPORT_ZALO (or REPORT_PHONE). */
  zalo?: string | undefined;
  /** REPO_URL, without a trailing slash. */
  repoUrl: string;
}

export interface ReportLinks {
  /** tel: link and the number as printed ("0912 345 678"), when a phone is configured. */
  phone?: { href: string; text: string } | undefined;
  /** https://zalo.me/<number>, when configured. */
  zalo?: string | undefined;
  /** A new issue on the repository, its title and body filled in. */
  issue: string;
}

/** The issue's title and body: the page's address and title, and what an editor needs to ask. */
export function issueText(pageUrl: string, title: string): { title: string; body: string } {
  return {
    title: `Nội dung sai: ${title}`,
    body: [`Trang: ${pageUrl}`, `Bài: ${title}`, '', 'Chỗ nào sai (bước, con số, tên, số điện thoại):', '', 'Đúng ra là gì, và bạn biết từ đâu (đường dẫn nguồn chính thức nếu có):', ''].join('\n'),
  };
}

export function reportLinks(input: ReportInput): ReportLinks {
  const { title, body } = issueText(input.pageUrl, input.title);
  const issue = `${input.repoUrl.replace(/\/$/, '')}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
  return {
    phone: input.phone ? { href: `tel:${input.phone}`, text: formatPhone(input.phone) } : undefined,
    zalo: input.zalo ? `https://zalo.me/${input.zalo.replace(/^\+/, '')}` : undefined,
    issue,
  };
}

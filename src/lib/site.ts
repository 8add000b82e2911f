/**
 * Deployment settings, read from the environment in one place.
 * SITE_URL: the public address (canonical links, sitemap, QR codes).
 * REPO_URL: the GitHub repository, for "Sửa trang này" links.
 * REPORT_PHONE / REPORT_ZALO: the editors' team, for "Báo nội dung sai" (no default: see reportPhone).
 */
export const DEFAULT_SITE_URL = 'https://ban-so.example.org';
export const DEFAULT_REPO_URL = 'https://github.com/ban-so/ban-so';

export class SiteUrlError extends Error {}

export interface SiteSetting {
  /** The public address, always ending in "/". */
  url: string;
  /**
   * No real address yet (SITE_URL unset, or the placeholder): every QR code and printed address
   * leads nowhere, so leaflets and the meeting pack are marked as a draft (issue 28).
   */
  draft: boolean;
}

const PLACEHOLDER_HOST = new URL(DEFAULT_SITE_URL).hostname;
const WHAT_TO_DO = 'đặt SITE_URL=https://tên-miền-của-trang (không có đường dẫn phía sau, xem docs/deploy.md) rồi chạy lại npm run build';

/**
 * SITE_URL read and checked. Refused: anything but https (a QR code on paper must not lead to
 * plain http), and any path, query or fragment (every route starts at "/" of the domain: a site
 * under "/ban-so/" would print QR codes to pages that do not exist). Errors in Vietnamese, in the
 * project's form: where — field — what is wrong — what to do.
 */
export function siteSetting(env: Record<string, string | undefined> = process.env): SiteSetting {
  const raw = env['SITE_URL']?.trim();
  if (!raw) return { url: `${DEFAULT_SITE_URL}/`, draft: true };
  const refuse = (problem: string) => new SiteUrlError(`biến môi trường SITE_URL — "${raw}" — ${problem} — ${WHAT_TO_DO}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('không phải một địa chỉ trang web');
  }
  if (url.protocol !== 'https:') throw refuse('địa chỉ phải bắt đầu bằng https://');
  if (url.username || url.password) throw refuse('địa chỉ không được chứa tên đăng nhập hay mật khẩu');
  if (url.pathname !== '/' || url.search || url.hash) {
    throw refuse(`có phần "${url.pathname}${url.search}${url.hash}" sau tên miền, nhưng các trang của Bản Số nằm ngay ở gốc tên miền (/bai-hoc/…), nên mã QR sẽ dẫn tới trang không có`);
  }
  return { url: url.href, draft: url.hostname === PLACEHOLDER_HOST };
}

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  return siteSetting(env).url;
}

/** The one line a build without a real address prints (src/integrations/site-address.ts). */
export function draftNotice(setting: SiteSetting): string | undefined {
  if (!setting.draft) return undefined;
  return `SITE_URL chưa đặt: mã QR và địa chỉ in trên tờ rơi dẫn tới ${PLACEHOLDER_HOST} (không có thật), nên tờ rơi, họp thôn và PDF mang dấu "BẢN THỬ — chưa có địa chỉ trang"; ${WHAT_TO_DO} trước khi in.`;
}

export function repoUrl(env: Record<string, string | undefined> = process.env): string {
  return (env['REPO_URL']?.trim() || DEFAULT_REPO_URL).replace(/\/$/, '');
}

/**
 * The day pages are built "as of": SOURCE_DATE_EPOCH when set (reproducible builds),
 * otherwise now. Decides which campaign is current and which places are historical.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = sourceDateEpoch(env);
  return epoch !== undefined ? new Date(epoch * 1000) : new Date();
}

/** SOURCE_DATE_EPOCH in seconds when set to a valid instant (it also dates the PDFs). */
export function sourceDateEpoch(env: Record<string, string | undefined> = process.env): number | undefined {
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  return Number.isFinite(epoch) && epoch > 0 ? Math.floor(epoch) : undefined;
}

/**
 * The editors' team phone number for "Báo nội dung sai" (issue 24): REPORT_PHONE, digits (spaces,
 * dots and dashes allowed; a leading + kept). There is deliberately no default: a made-up number
 * would send residents' calls to a stranger. Unset: undefined, and pages show no phone.
 * Set but not a phone number: an error, so a typo never reaches a printed page.
 */
export function reportPhone(env: Record<string, string | undefined> = process.env): string | undefined {
  return phoneSetting(env, 'REPORT_PHONE');
}

/** The team's Zalo number (https://zalo.me/<number>): REPORT_ZALO, else REPORT_PHONE. */
export function reportZalo(env: Record<string, string | undefined> = process.env): string | undefined {
  return phoneSetting(env, 'REPORT_ZALO') ?? reportPhone(env);
}

function phoneSetting(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const phone = value.replace(/[\s.-]/g, '');
  if (!/^\+?\d{8,12}$/.test(phone)) {
    throw new Error(`${name}="${value}" không phải số điện thoại: ghi số thật của tổ biên tập, chỉ gồm chữ số (8 đến 12 số, được cách bằng dấu cách), hoặc bỏ trống để không hiện số.`);
  }
  return phone;
}

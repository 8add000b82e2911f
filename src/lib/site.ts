/**
 * Deployment settings, read from the environment in one place.
 * SITE_URL: the public address (canonical links, sitemap, QR codes).
 * REPO_URL: the GitHub repository, for "Sửa trang này" links.
 * REPORT_PHONE / REPORT_ZALO: the editors' team, for "Báo nội dung sai" (no default: see reportPhone).
 */
export const DEFAULT_SITE_URL = 'https://ban-so.example.org';
export const DEFAULT_REPO_URL = 'https://github.com/ban-so/ban-so';

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env['SITE_URL']?.trim() || DEFAULT_SITE_URL;
  const url = new URL(value);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
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

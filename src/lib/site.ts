/**
 * Deployment settings, read from the environment in one place.
 * SITE_URL: the public address (canonical links, sitemap, QR codes).
 * REPO_URL: the GitHub repository, for "Sửa trang này" links.
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

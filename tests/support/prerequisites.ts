/**
 * What the browser and PDF tests need from the machine, and the Debian package that provides it
 * (issue 11: a test that cannot run says why and how to fix it, once, never silently).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../../src/lib/print/chromium.ts';

export interface Prerequisite {
  /** What is missing, in words. */
  name: string;
  /** The Debian package that installs it. */
  debianPackage: string;
  /** Which tests need it. */
  neededBy: string;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hasFontFamily(family: string): boolean {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })
      .split('\n')
      .some((line) => line.split(',').includes(family));
  } catch {
    return false;
  }
}

const CHECKS: Array<Prerequisite & { present: () => boolean }> = [
  { name: 'Chromium', debianPackage: 'chromium', neededBy: 'browser tests and PDF checks', present: () => chromiumPath() !== undefined },
  { name: 'poppler (pdfinfo, pdffonts, pdftoppm)', debianPackage: 'poppler-utils', neededBy: 'PDF checks', present: () => ['pdfinfo', 'pdffonts', 'pdftoppm'].every(onPath) },
  { name: 'ffmpeg (ffmpeg, ffprobe)', debianPackage: 'ffmpeg', neededBy: 'recording checks and conversions (issue 14)', present: () => ['ffmpeg', 'ffprobe'].every(onPath) },
  // Issue 28: the browser suite runs docs/nginx.conf in Debian's nginx with its brotli_static module.
  { name: 'nginx', debianPackage: 'nginx', neededBy: 'docs/nginx.conf run for real (tests/browser/nginx.test.ts)', present: () => existsSync('/usr/sbin/nginx') },
  {
    name: "nginx's brotli_static module",
    debianPackage: 'libnginx-mod-http-brotli-static',
    neededBy: 'docs/nginx.conf run for real (tests/browser/nginx.test.ts)',
    present: () => existsSync('/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'),
  },
  { name: 'the Noto Sans font', debianPackage: 'fonts-noto-core', neededBy: 'layout checks (touch targets, zoom) in the font phones use', present: () => hasFontFamily('Noto Sans') },
];

/** The prerequisites this machine lacks. */
export function missingPrerequisites(): Prerequisite[] {
  return CHECKS.filter((check) => !check.present()).map(({ present: _present, ...rest }) => rest);
}

/** The one command that installs what is missing. */
export function installCommand(missing: Prerequisite[]): string {
  return `apt-get update && apt-get install -y ${[...new Set(missing.map((item) => item.debianPackage))].join(' ')}`;
}

/**
 * Whether tests needing these prerequisites can run. Without REQUIRE_BROWSER they skip (and the
 * skip reporter says why at the end of `npm test`); with REQUIRE_BROWSER=1 (CI) a missing one
 * is a failure naming the package.
 */
export function canRun(names: string[], env: Record<string, string | undefined> = process.env): boolean {
  const missing = missingPrerequisites().filter((item) => names.includes(item.debianPackage));
  if (missing.length && env['REQUIRE_BROWSER'] === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but ${missing.map((item) => item.name).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: ${installCommand(missing)}`);
  }
  return missing.length === 0;
}

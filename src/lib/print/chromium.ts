import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = [env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

/** Flags that work on machines with no outside network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Whether this build prints PDFs. Pages link to PDFs only when this is true, and the PDF step
 * fails the build if a linked PDF was not written, so links never point at nothing.
 * SKIP_PDF=1 turns PDFs off on purpose (e.g. quick local builds).
 */
export function pdfEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env['SKIP_PDF'] && chromiumPath(env) !== undefined;
}

/** "Chromium 156.0.7561.0 built on Debian…": part of the PDF cache key (a new browser reprints every PDF). */
export function chromiumVersion(executablePath: string): string {
  try {
    // stderr ignored: Debian's launcher script prints a shell warning from its /dev/shm check.
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // No version to compare: a key nothing else matches, so the PDFs are printed again.
    return `unknown ${Date.now()}`;
  }
}

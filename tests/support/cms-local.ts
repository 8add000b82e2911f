/**
 * Sveltia CMS's local mode, driven in headless Chromium (issue 15). In local mode the CMS asks the
 * browser for a folder (showDirectoryPicker) and then reads and writes the entries through the
 * File System Access API. A test cannot click the browser's folder dialog, nor grant write access
 * to a real folder without a person there (Playwright cannot either), so the folder the CMS gets
 * is a browser-private (OPFS) folder holding a copy of the repository's content/: the same
 * FileSystemDirectoryHandle interface a real folder has, with writes allowed. Only the dialog is
 * replaced; every read and save goes through the CMS's own code. What it saved is then copied out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const FOLDER = 'ban-so-working-copy';

/** Make showDirectoryPicker() answer with the private folder (runs before the CMS loads). */
export async function stubFolderPicker(context: BrowserContext): Promise<void> {
  await context.addInitScript((folder: string) => {
    Object.defineProperty(window, 'showDirectoryPicker', {
      configurable: true,
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true }),
    });
  }, FOLDER);
}

/** Every file under `dir` as "relative/path" → base64, for seeding the folder. */
export function filesUnder(dir: string, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const absolute = path.join(dir, name);
    if (statSync(absolute).isFile()) files[`${prefix}/${name.split(path.sep).join('/')}`] = readFileSync(absolute).toString('base64');
  }
  return files;
}

/** Fill the private folder (emptied first) with `files` and an empty .git folder, which the CMS looks for. */
export async function seedFolder(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ({ folder, files }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(folder, { recursive: true }).catch(() => undefined);
      const repo = await root.getDirectoryHandle(folder, { create: true });
      await repo.getDirectoryHandle('.git', { create: true });
      for (const [file, base64] of Object.entries(files)) {
        const parts = file.split('/');
        let dir = repo;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { folder: FOLDER, files },
  );
}

/** Files of the private folder under `dir` ("content/lessons"), name → text (or base64). */
export async function folderFiles(page: Page, dir: string, as: 'text' | 'base64' = 'text'): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ folder, dir, as }) => {
      let handle = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
      for (const part of dir.split('/')) handle = await handle.getDirectoryHandle(part);
      const out: Record<string, string> = {};
      for await (const [name, entry] of handle.entries()) {
        if (entry.kind !== 'file') continue;
        const file = await (entry as FileSystemFileHandle).getFile();
        out[name] = as === 'text' ? await file.text() : btoa(Array.from(new Uint8Array(await file.arrayBuffer()), (byte) => String.fromCharCode(byte)).join(''));
      }
      return out;
    },
    { folder: FOLDER, dir, as },
  );
}

import path from 'node:path';

/** A file path with forward slashes, as site paths, git and editors' messages write it on every system. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `file` relative to `root`, with forward slashes. */
export function relativePosix(root: string, file: string): string {
  return toPosix(path.relative(root, file));
}

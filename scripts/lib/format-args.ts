/**
 * What `npm run format` asks Biome to do. Plain `npm run format` rewrites the files;
 * `npm run format -- --check` only reports the files that would change (Biome exits non-zero),
 * which is what CI runs. Any other argument (paths, Biome options) is passed on; without paths
 * the whole project is formatted (biome.jsonc says which files).
 */
export function biomeFormatArgs(argv: readonly string[]): string[] {
  const check = argv.includes('--check');
  const rest = argv.filter((arg) => arg !== '--check' && arg !== '--write');
  const paths = rest.some((arg) => !arg.startsWith('-')) ? [] : ['.'];
  return ['format', ...(check ? [] : ['--write']), ...rest, ...paths];
}

// npm run format: Biome formats the code (biome.jsonc). `npm run format -- --check` writes nothing
// and fails when a file is not formatted (CI and .ci/run run it that way).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { biomeFormatArgs } from './lib/format-args.ts';

const biome = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'biome');
const result = spawnSync(biome, biomeFormatArgs(process.argv.slice(2)), { stdio: 'inherit' });
if (result.error) console.error(`Không chạy được Biome (${result.error.message}): chạy "npm ci" trước.`);
process.exit(result.status ?? 1);

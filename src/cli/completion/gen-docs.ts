/**
 * `npm run gen:docs` (after `npm run build`): rewrites completions/tsmesos.bash, completions/_tsmesos,
 * completions/tsmesos.fish and man/tsmesos.1 from the live commander tree. Run it whenever a command
 * or option changes; `generated-files.test.ts` fails until you do. The tree is built with an empty
 * environment so that the developer's own MESOS_* variables can never leak into committed files.
 * Usage: node dist/src/cli/completion/gen-docs.js [repository root, default: the current directory]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildProgram } from '../main.js';
import { generatedFiles } from './generate.js';

const root = resolve(process.argv[2] ?? process.cwd());
const { program } = buildProgram({});
for (const [path, content] of generatedFiles(program)) {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  process.stdout.write(`wrote ${path}\n`);
}

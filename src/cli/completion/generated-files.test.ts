/**
 * Fails when a command or option changed but the committed completions and man page were not
 * regenerated: it renders all four files in memory from `buildProgram()` (the same call and the
 * same empty environment as gen-docs.ts) and compares them with the files in the repository.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { GENERATED_PATHS, generatedFiles } from './generate.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = 'run `npm run build && npm run gen:docs` and commit the result';

function committed(path: string): string {
  try {
    return readFileSync(`${REPO}${path}`, 'utf8');
  } catch {
    return `(${path} is missing)`;
  }
}

describe('committed completions and man page', () => {
  const files = generatedFiles(buildProgram({}).program);

  it('cover exactly the four generated files', () => {
    expect([...files.keys()].sort()).toEqual(Object.values(GENERATED_PATHS).sort());
  });

  it.each([...files.keys()])('%s matches the command tree', (path) => {
    expect(committed(path), `${path} is out of date with the commands in src/cli/registry.ts: ${FIX}`).toBe(files.get(path));
  });
});

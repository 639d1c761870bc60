/**
 * Where the launcher program is. Built, it is `main.js` beside this file (`dist/src/agent/launcher`).
 * Run from source (vitest, or any in-process test that imports `.ts` files) there is no `.js`
 * beside it and Node 20 cannot run TypeScript, so the launcher's sources are transpiled once into
 * a content-addressed cache (see `dev-transpile.ts`). That keeps tests honest about the current
 * sources: no stale `dist/`, no build step to remember, and the same code path as production.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function launcherScript(): Promise<string> {
  const js = fileURLToPath(new URL('./main.js', import.meta.url));
  if (existsSync(js)) return js;
  const ts = fileURLToPath(new URL('./main.ts', import.meta.url));
  if (!existsSync(ts)) throw new Error(`launcher program not found (looked for ${js})`);
  const { transpileEntry } = await import('./dev-transpile.js');
  return transpileEntry(ts);
}

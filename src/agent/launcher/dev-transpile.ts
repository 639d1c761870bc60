/**
 * Source-run support: turns a `.ts` entry and every module it reaches through relative imports into
 * runnable `.js`, for programs that must run as separate Node processes while the code under test
 * is TypeScript (the launcher; the "agent killed with -9" child of the recovery tests).
 *
 * Output goes to `<repo>/node_modules/.cache/tsmesos-dev/<hash of the sources>/`, mirroring the
 * repository layout so bare imports still resolve from the repository's `node_modules`. The hash
 * makes the cache safe for parallel test workers and never stale. Never used by the built program;
 * it needs the `typescript` dev dependency.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Relative specifiers in static/dynamic imports, re-exports and `new URL('./x.js', import.meta.url)`. */
const SPECIFIER =
  /(?:from\s*|import\s*\(\s*|import\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function repoRoot(start: string): string {
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** The source file a `.js` specifier names, when it is one of ours. */
function sourceOf(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  return ['.ts', '.tsx'].map((ext) => base + ext).find((p) => existsSync(p));
}

/** The entry plus everything reachable from it through relative specifiers: path → source. */
export function moduleGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    const src = readFileSync(file, 'utf8');
    files.set(file, src);
    for (const m of src.matchAll(SPECIFIER)) {
      const dep = sourceOf(file, m[1]!);
      if (dep && !files.has(dep)) todo.push(dep);
    }
  }
  return files;
}

/** Drops outputs of older sources after a day (a process started from one has long loaded it). */
function prune(cache: string, keep: string): void {
  for (const name of readdirSync(cache)) {
    const dir = join(cache, name);
    try {
      if (dir !== keep && Date.now() - statSync(dir).mtimeMs > 86_400_000) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* another worker pruned it */
    }
  }
}

/** Transpiles `entryTs`'s module graph (once per content) and returns the runnable entry `.js`. */
export async function transpileEntry(entryTs: string): Promise<string> {
  const ts = (await import('typescript')).default;
  const root = repoRoot(entryTs);
  const files = moduleGraph(entryTs);
  const hash = createHash('sha256').update(ts.version);
  for (const p of [...files.keys()].sort()) hash.update(relative(root, p)).update('\0').update(files.get(p)!);
  const out = join(root, 'node_modules', '.cache', 'tsmesos-dev', hash.digest('hex').slice(0, 20));
  const target = join(out, relative(root, entryTs).replace(/\.tsx?$/, '.js'));
  if (existsSync(target)) return target;
  const tmp = `${out}.tmp-${randomUUID()}`;
  for (const [abs, src] of files) {
    const js = ts.transpileModule(src, {
      fileName: abs,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX },
    }).outputText;
    const dest = join(tmp, relative(root, abs).replace(/\.tsx?$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  // Under node_modules Node stops looking for the repository's package.json, so say "ESM" here.
  writeFileSync(join(tmp, 'package.json'), '{"type":"module"}\n');
  try {
    renameSync(tmp, out);
    prune(dirname(out), out);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another worker produced the same content first
  }
  return target;
}

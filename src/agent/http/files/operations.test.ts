import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxFixture, STDOUT_TEXT, type SandboxFixture } from '../fixtures.test-helpers.js';
import { agentAttachmentTable } from './attachments.js';
import { ownerNames } from './file-info.js';
import { openContained, type OpenedPath } from './open-contained.js';
import { browse, debugMap, downloadType, openRequestPath, readWindow } from './operations.js';

let fx: SandboxFixture;
const names = ownerNames(new Map(), new Map());
const table = () => agentAttachmentTable(fx.view, fx.logFile);

async function withOpen<T>(path: string, use: (o: OpenedPath) => Promise<T>): Promise<T | undefined> {
  const o = await openRequestPath(path, table());
  if (o === undefined) return undefined;
  try {
    return await use(o);
  } finally {
    await o.handle.close();
  }
}

beforeAll(() => {
  fx = sandboxFixture();
  symlinkSync(fx.secret, join(fx.sandbox, 'leak'));
  symlinkSync(fx.root, join(fx.sandbox, 'up'));
  symlinkSync('stdout', join(fx.sandbox, 'stdout-link'));
  mkdirSync(`${fx.sandbox}-evil`);
  writeFileSync(`${fx.sandbox}-evil/stdout`, fx.secretText);
  execFileSync('mkfifo', [join(fx.sandbox, 'fifo')]);
});
afterAll(() => fx.cleanup());

describe('openContained', () => {
  it('opens files inside the sandbox, pinned to the opened inode', async () => {
    const data = await withOpen(`${fx.sandbox}/stdout`, async (o) => {
      if (process.platform === 'linux') expect(o.pinned).toMatch(/^\/proc\/self\/fd\/\d+$/);
      return readWindow(o, { offset: 0 });
    });
    expect(data).toEqual({ offset: 0, data: Buffer.from(STDOUT_TEXT) });
  });
  it('follows a symlink that stays inside', async () => {
    expect(await withOpen(`${fx.sandbox}/stdout-link`, (o) => readWindow(o, { offset: 0, length: 5 }))).toEqual({ offset: 0, data: Buffer.from('hello') });
  });
  it.each(['leak', 'up/secret.txt', 'up'])('refuses a symlink leading out: %s', async (rel) => {
    expect(await openRequestPath(`${fx.sandbox}/${rel}`, table())).toBeUndefined();
  });
  it('refuses a sibling that only shares a string prefix', async () => {
    expect(await openRequestPath(`${fx.sandbox}-evil/stdout`, table())).toBeUndefined();
    const a = { name: '/x', root: fx.sandbox, kind: 'dir' as const };
    expect(await openContained(`${fx.sandbox}-evil/stdout`, a)).toBeUndefined();
  });
  it('refuses FIFOs and missing files', async () => {
    expect(await openRequestPath(`${fx.sandbox}/fifo`, table())).toBeUndefined();
    expect(await openRequestPath(`${fx.sandbox}/nope`, table())).toBeUndefined();
  });
  it('serves a file attachment only as itself', async () => {
    expect(await withOpen('/slave/log', (o) => readWindow(o, { offset: 0 }))).toEqual({ offset: 0, data: Buffer.from('agent log line\n') });
    const a = { name: '/slave/log', root: fx.logFile, kind: 'file' as const };
    expect(await openContained(fx.secret, a)).toBeUndefined();
  });
});

describe('browse', () => {
  it('lists a directory under the requested (virtual) name, sorted', async () => {
    const listing = await withOpen('/frameworks/M1-0000/executors/web.1/runs/latest/', (o) =>
      browse(o, '/frameworks/M1-0000/executors/web.1/runs/latest/', names),
    );
    const paths = listing!.map((e) => e.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('/frameworks/M1-0000/executors/web.1/runs/latest/stdout');
    expect(listing!.find((e) => e.path.endsWith('/logs'))?.mode).toMatch(/^d/);
    expect(listing!.find((e) => e.path.endsWith('/stdout'))?.size).toBe(STDOUT_TEXT.length);
  });
  it('reports an escaping symlink as a link, never its target', async () => {
    const listing = await withOpen(fx.sandbox, (o) => browse(o, fx.sandbox, names));
    const leak = listing!.find((e) => e.path.endsWith('/leak'))!;
    expect(leak.mode).toMatch(/^l/);
    expect(leak.size).not.toBe(fx.secretText.length + 1);
    expect(listing!.find((e) => e.path.endsWith('/stdout-link'))?.mode).toMatch(/^-/);
  });
  it('answers a file with its own entry', async () => {
    const listing = await withOpen(`${fx.sandbox}/stdout`, (o) => browse(o, `${fx.sandbox}/stdout`, names));
    expect(listing).toHaveLength(1);
    expect(listing![0]).toMatchObject({ path: `${fx.sandbox}/stdout`, size: STDOUT_TEXT.length });
  });
});

describe('readWindow', () => {
  it('reads a window and reports the size for offset -1', async () => {
    expect(await withOpen(`${fx.sandbox}/stdout`, (o) => readWindow(o, { offset: 6, length: 4 }))).toEqual({ offset: 6, data: Buffer.from('from') });
    expect(await withOpen(`${fx.sandbox}/stdout`, (o) => readWindow(o, { offset: -1 }))).toEqual({ offset: STDOUT_TEXT.length, data: Buffer.alloc(0) });
  });
});

describe('debugMap and downloadType', () => {
  it('maps attached names to canonical paths', async () => {
    const map = await debugMap(table());
    expect(map['/frameworks/M1-0000/executors/web.1/runs/latest']).toBe(fx.sandbox);
    expect(map['/slave/log']).toBe(fx.logFile);
  });
  it('guesses content types by extension', () => {
    expect(downloadType('stdout')).toBe('application/octet-stream');
    expect(downloadType('app.LOG')).toBe('text/plain');
    expect(downloadType('a.json')).toBe('application/json');
  });
});

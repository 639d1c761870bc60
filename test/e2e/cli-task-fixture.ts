/**
 * A tiny cluster for the `tsmesos task …` end-to-end suites: one REAL node:http server playing the
 * master (`/master/state`, `/master/tasks`) and one playing agent S0 (`/state`, `/files/browse`,
 * `/files/read`, `/files/download`) over a REAL temporary sandbox tree, with upstream semantics
 * (mesos-api.md §4): `/files/read` caps at 16 pages, answers `{offset: size, data: ""}` for
 * `offset=-1` and at or past the end, writes the file's bytes into the JSON string unescaped
 * (so a chunk may end inside a UTF-8 character), 404s missing paths and 400s directories.
 * Agent S1's pid points at a dead port. Fixture JSON: test/fixtures/task-*.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, posix } from 'node:path';
import { execa } from 'execa';
import { BIN, REPO, deadPort, scratchHome } from './cli-harness.js';

export const M = '5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11';
export const MARATHON = `${M}-0000`;
export const CHRONOS = `${M}-0001`;
export const WEB1 = 'web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002';
export const WEB2 = 'web.77aa0b12-a8b4-11ef-9c1a-0242ac110002';
export const WORKER = 'worker.7d1e9b20-a8b4-11ef-9c1a-0242ac110002';
export const CACHE = 'cache.91aa0c44-a8b4-11ef-9c1a-0242ac110002';
export const BATCH = 'batch.5b5b7c3e-a8b4-11ef-9c1a-0242ac110002';
export const REPORT = 'web-report.0c0c1d1d-a8b5-11ef-9c1a-0242ac110002';
export const PAGE_CHUNK = 16 * 4096;

export interface TaskCluster {
  master: string;
  agentUrl: string;
  /** Real directory of each executor's sandbox, by task id. */
  sandboxOf: Record<string, string>;
  /** Every agent request, e.g. `GET /files/read?path=…`. */
  agentRequests: string[];
  /** Moves a task to a terminal state in the master's answers. */
  finishTask(id: string, state: string): void;
  close(): Promise<void>;
}

function load(name: string, root: string): any {
  return JSON.parse(readFileSync(join(REPO, 'test/fixtures', name), 'utf8').replaceAll('__SANDBOX__', root));
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startTaskCluster(): Promise<TaskCluster> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tsmesos-task-e2e-')));
  const master = load('task-master-state.json', root);
  const agent = load('task-agent-state.json', root);
  const sandboxOf: Record<string, string> = {};
  for (const fw of agent.frameworks) {
    for (const ex of [...fw.executors, ...fw.completed_executors]) {
      mkdirSync(ex.directory, { recursive: true });
      for (const t of [...ex.tasks, ...ex.completed_tasks]) sandboxOf[t.id] = ex.directory;
    }
  }
  const agentRequests: string[] = [];
  const agentServer = createServer((req, res) => serveAgent(req, res, agent, root, agentRequests));
  const agentPort = await listen(agentServer);
  master.slaves[0].pid = `slave(1)@127.0.0.1:${agentPort}`;
  master.slaves[1].pid = `slave(1)@127.0.0.1:${await deadPort()}`;
  agent.pid = master.slaves[0].pid;
  const masterServer = createServer((req, res) => serveMaster(req, res, master));
  const masterPort = await listen(masterServer);
  const close = (s: Server) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));
  return {
    master: `127.0.0.1:${masterPort}`,
    agentUrl: `http://127.0.0.1:${agentPort}`,
    sandboxOf,
    agentRequests,
    finishTask(id, state) {
      for (const fw of master.frameworks) {
        const t = fw.tasks.find((x: { id: string }) => x.id === id);
        if (!t) continue;
        t.state = state;
        t.statuses.push({ state, timestamp: Date.now() / 1000 });
        fw.tasks = fw.tasks.filter((x: { id: string }) => x !== t);
        fw.completed_tasks.push(t);
      }
    },
    async close() {
      await Promise.all([close(masterServer), close(agentServer)]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

function serveMaster(req: IncomingMessage, res: ServerResponse, state: any): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/master/state' || url.pathname === '/state') return json(res, state);
  if (url.pathname === '/master/tasks' || url.pathname === '/tasks') {
    const fw = url.searchParams.get('framework_id');
    const id = url.searchParams.get('task_id');
    const tasks = state.frameworks
      .flatMap((f: any) => [...f.tasks, ...f.unreachable_tasks, ...f.completed_tasks])
      .filter((t: any) => (!fw || t.framework_id === fw) && (!id || t.id === id));
    return json(res, { tasks });
  }
  res.writeHead(404).end();
}

function serveAgent(req: IncomingMessage, res: ServerResponse, state: any, root: string, log: string[]): void {
  const url = new URL(req.url ?? '/', 'http://x');
  log.push(`GET ${url.pathname}${url.search}`);
  if (url.pathname === '/state' || url.pathname === '/slave(1)/state') return json(res, state);
  if (!url.pathname.startsWith('/files/')) return void res.writeHead(404).end();
  const path = url.searchParams.get('path');
  if (!path) return void res.writeHead(400).end("Expecting 'path=value' in query.\n");
  const real = resolveInside(root, path);
  if (!real) return void res.writeHead(404).end();
  const st = statSync(real);
  if (url.pathname === '/files/browse') {
    if (!st.isDirectory()) return json(res, []);
    const names = readdirSync(real).sort();
    return json(res, names.map((n) => fileInfo(posix.join(path, n), statSync(join(real, n)))));
  }
  if (url.pathname === '/files/download') {
    if (st.isDirectory()) return void res.writeHead(400).end('Cannot download a directory.\n');
    return void res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(readFileSync(real));
  }
  if (url.pathname !== '/files/read') return void res.writeHead(404).end();
  const offsetText = url.searchParams.get('offset');
  const lengthText = url.searchParams.get('length');
  const offset = offsetText === null ? -1 : Number(offsetText);
  const length = lengthText === null || Number(lengthText) === -1 ? undefined : Number(lengthText);
  if (!Number.isInteger(offset) || offset < -1) return void res.writeHead(400).end(`Negative offset provided: ${offsetText}.\n`);
  if (length !== undefined && (!Number.isInteger(length) || length < 0)) return void res.writeHead(400).end(`Negative length provided: ${lengthText}.\n`);
  if (st.isDirectory()) return void res.writeHead(400).end('Cannot read a directory.\n');
  const size = st.size;
  if (offset === -1 || offset >= size) return readAnswer(res, size, Buffer.alloc(0));
  const n = Math.min(length ?? size - offset, PAGE_CHUNK);
  return readAnswer(res, offset, readFileSync(real).subarray(offset, offset + n));
}

/** Upstream's JSON for `{offset, data}`: the data bytes go in as they are, only `"`, `\` and controls escaped. */
function readAnswer(res: ServerResponse, offset: number, data: Buffer): void {
  const out: number[] = [];
  for (const b of data) {
    if (b === 0x22 || b === 0x5c) out.push(0x5c, b);
    else if (b === 0x0a) out.push(0x5c, 0x6e);
    else if (b < 0x20) out.push(...Buffer.from(`\\u${b.toString(16).padStart(4, '0')}`));
    else out.push(b);
  }
  const body = Buffer.concat([Buffer.from(`{"data":"`), Buffer.from(out), Buffer.from(`","offset":${offset}}`)]);
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
}

/** The real path for a requested one, or undefined when missing or outside the sandbox root. */
function resolveInside(root: string, path: string): string | undefined {
  try {
    const real = realpathSync(path);
    return real === root || real.startsWith(`${root}/`) ? real : undefined;
  } catch {
    return undefined;
  }
}

function fileInfo(path: string, s: Stats) {
  const type = s.isDirectory() ? 'd' : s.isSymbolicLink() ? 'l' : s.isFIFO() ? 'p' : '-';
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (s.mode & (0o400 >> i) ? c : '-')).join('');
  const me = userInfo();
  return {
    path,
    nlink: s.nlink,
    size: s.size,
    mtime: Math.floor(s.mtimeMs / 1000),
    mode: `${type}${bits}`,
    uid: s.uid === me.uid ? me.username : String(s.uid),
    gid: String(s.gid),
  };
}

/** Writes `content` to `<sandbox of task>/<rel>`, creating directories. */
export function putFile(cluster: TaskCluster, task: string, rel: string, content: string | Buffer): string {
  const path = join(cluster.sandboxOf[task]!, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Like `runCli`, with stdout as raw bytes (binary-safety checks). */
export async function runCliBytes(args: string[]): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const r = await execa(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: scratchHome, COLUMNS: '200' },
    extendEnv: false,
    reject: false,
    encoding: 'buffer',
    stripFinalNewline: false,
    timeout: 20_000,
  });
  return { exitCode: r.exitCode ?? -1, stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr).toString('utf8') };
}

/** A long-running CLI (`task tail -f`): its output so far, a way to wait for text, and Ctrl-C. */
export function spawnCli(args: string[]) {
  const child = execa(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: scratchHome, COLUMNS: '200' },
    extendEnv: false,
    reject: false,
    buffer: false,
    timeout: 30_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    /** Resolves once stdout contains `text`; rejects after `ms` with what arrived instead. */
    async waitFor(text: string, ms = 10_000, which: 'stdout' | 'stderr' = 'stdout'): Promise<void> {
      const deadline = Date.now() + ms;
      while (!(which === 'stdout' ? stdout : stderr).includes(text)) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} within ${ms} ms; stdout: ${stdout}\nstderr: ${stderr}`);
        if (child.exitCode !== null) throw new Error(`tsmesos exited ${child.exitCode} first; stdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/**
 * A cached snapshot of `/proc`, grouped by session, for posix isolation's usage numbers (upstream's
 * `posix/cpu` and `posix/mem` isolators sum the container's process tree the same way).
 *
 * Every task leads its own session (the launcher starts it with setsid), and unlike a process group
 * a session survives a shell's job control, so "the task's processes" = "its session". One scan
 * serves every container for `maxAgeMs`, so `/monitor/statistics` over N containers costs one walk
 * of `/proc`, not N.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { parseProcStat, type ProcStat } from './stats.js';

let sysconf: { clockTick: number; pageSize: number } | undefined;

/** `CLK_TCK` and the page size, asked once of `getconf` (Node exposes neither). */
export function systemConstants(): { clockTick: number; pageSize: number } {
  if (!sysconf) {
    const ask = (name: string, fallback: number) => {
      try {
        return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
      } catch {
        return fallback;
      }
    };
    sysconf = { clockTick: ask('CLK_TCK', 100), pageSize: ask('PAGESIZE', 4096) };
  }
  return sysconf;
}

export async function readProcStat(pid: number): Promise<ProcStat | undefined> {
  try {
    return parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

export class ProcTable {
  private cache: { at: number; bySession: Map<number, ProcStat[]> } | undefined;
  private inflight: Promise<Map<number, ProcStat[]>> | undefined;

  constructor(private readonly maxAgeMs = 1_000) {}

  /** Live (non-zombie) processes of the session led by `sid`. */
  async session(sid: number): Promise<ProcStat[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > this.maxAgeMs) {
      this.inflight ??= this.scan().finally(() => (this.inflight = undefined));
      this.cache = { at: now, bySession: await this.inflight };
    }
    return this.cache.bySession.get(sid) ?? [];
  }

  private async scan(): Promise<Map<number, ProcStat[]>> {
    const names = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
    const stats = await Promise.all(names.map((n) => readProcStat(Number(n))));
    const out = new Map<number, ProcStat[]>();
    for (const s of stats) {
      if (!s || s.state === 'Z') continue;
      const list = out.get(s.session) ?? [];
      list.push(s);
      out.set(s.session, list);
    }
    return out;
  }
}

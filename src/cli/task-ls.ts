/**
 * `tsmesos task ls <task> [name]`, after Mesosphere's `mesos ls <task> [path]` ("like ls -la",
 * mesos-api.md §8.2): the task's sandbox, or a directory inside it, from the agent's
 * `/files/browse`, which already carries what `ls -l` shows (mode string, link count, owner and
 * group names, size, mtime). `--json` prints those entries plus `name`, as the agent sent them.
 */
import { posix } from 'node:path';
import type { Command } from 'commander';
import type { FileInfo } from '../client/agent-types.js';
import type { CliContext } from './context.js';
import { MASTER_OPTION_HELP } from './master-address.js';
import { formatFileTime } from './output/file-time.js';
import { renderTable, terminalWidth } from './output/table.js';
import { FRAMEWORK_OPTION_HELP, type TaskSandbox, type TaskTargetOptions, locateTask, sandboxFileError, sandboxPath } from './task-sandbox.js';

interface LsOptions extends TaskTargetOptions {
  json?: boolean;
}

/** One `task ls` entry; `--json` prints an array of these. */
export interface LsRow {
  name: string;
  /** The path on the agent, usable with `/files/read` and `/files/download`. */
  path: string;
  mode: string;
  nlink: number;
  uid: string;
  gid: string;
  size: number;
  mtime: number;
}

export function registerTaskLs(task: Command, ctx: CliContext): void {
  task
    .command('ls')
    .description("List the task's sandbox, or a directory in it, like ls -l: MODE, NLINK, UID, GID, SIZE, MTIME, NAME.")
    .argument('<task>', 'task id, or a unique prefix or part of one')
    .argument('[name]', 'a directory or file relative to the sandbox (default: the sandbox itself)')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('--framework <id>', FRAMEWORK_OPTION_HELP)
    .option('--json', 'print the entries as a JSON array (sizes in bytes, mtime in epoch seconds)')
    .addHelpText(
      'after',
      `
SIZE is in bytes; MTIME is local time (set TZ to choose the zone).

Examples:
  $ tsmesos task ls web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002
  $ tsmesos task ls 3f6c logs
  $ tsmesos task ls web --framework=marathon --json | jq -r '.[] | select(.size > 1e6) | .name'`,
    )
    .action(async (query: string, name: string | undefined, opts: LsOptions) => {
      const rel = name ?? '';
      const sb = await locateTask(ctx, query, opts);
      const path = sandboxPath(sb.directory, rel);
      const rows = lsRows(await browse(sb, rel, path));
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const cells = rows.map((r) => [r.mode, String(r.nlink), r.uid, r.gid, String(r.size), formatFileTime(r.mtime), r.name]);
      const columns = [
        'MODE',
        { header: 'NLINK', align: 'right' as const },
        'UID',
        'GID',
        { header: 'SIZE', align: 'right' as const },
        'MTIME',
        'NAME',
      ];
      ctx.stdout.write(renderTable(columns, cells, terminalWidth(ctx.stdout, ctx.env)));
    });
}

/**
 * `/files/browse` of `path`. Upstream lists a FILE as an empty directory, so an empty answer for a
 * named path is checked against its parent's listing: `task ls <task> stdout` then shows that one
 * entry, as `ls -l stdout` would.
 */
async function browse(sb: TaskSandbox, rel: string, path: string): Promise<FileInfo[]> {
  const entries = await sb.files.browse(path).catch((e) => sandboxFileError(e, sb, rel, path));
  if (entries.length > 0 || path === sb.directory) return entries;
  const parent = await sb.files.browse(posix.dirname(path)).catch(() => []);
  const self = parent.filter((e) => e.path === path && !e.mode.startsWith('d'));
  return self.length > 0 ? self : entries;
}

/** Agent entries as rows, in the agent's order (sorted by path); `name` is the last path part. */
export function lsRows(entries: FileInfo[]): LsRow[] {
  return entries.map((e) => ({
    name: posix.basename(e.path),
    path: e.path,
    mode: e.mode,
    nlink: e.nlink,
    uid: e.uid,
    gid: e.gid,
    size: e.size,
    mtime: e.mtime,
  }));
}

/**
 * The agent's legacy JSON as the operator CLI reads it: `/state` (`/slave(1)/state`) and the
 * `/files/browse` entries (mesos-api.md §4). Same dialect as the master's (plain string ids,
 * "slave"). Only what clients read is typed, every field a real agent may omit is optional, and
 * unknown keys pass through, so an older or partial agent never crashes a client.
 */
import type { LegacyTask } from './legacy-types.js';

/** One executor of `frameworks[].executors[]` or `.completed_executors[]`. */
export interface AgentExecutor {
  id: string;
  name?: string;
  source?: string;
  /** Container id of the executor's run; its sandbox is `…/runs/<container>`. */
  container?: string;
  /** Absolute sandbox path on the agent; `/files/*` accepts it as is. */
  directory: string;
  /** `"DEFAULT"` for the default executor that runs task groups (absent on older agents). */
  type?: string;
  tasks?: LegacyTask[];
  queued_tasks?: LegacyTask[];
  completed_tasks?: LegacyTask[];
  [key: string]: unknown;
}

export interface AgentFramework {
  id: string;
  name?: string;
  user?: string;
  executors?: AgentExecutor[];
  completed_executors?: AgentExecutor[];
  [key: string]: unknown;
}

/** Agent `/state` (only the parts clients read). */
export interface AgentState {
  id?: string;
  pid?: string;
  hostname?: string;
  frameworks?: AgentFramework[];
  completed_frameworks?: AgentFramework[];
  [key: string]: unknown;
}

/**
 * One `/files/browse` entry: everything `ls -l` shows. `path` is the requested path joined with
 * the entry name (not the real path), `mode` is the ten-character `ls` string, `uid`/`gid` are
 * user and group NAMES, `mtime` is whole seconds since the epoch.
 */
export interface FileInfo {
  path: string;
  nlink: number;
  size: number;
  mtime: number;
  mode: string;
  uid: string;
  gid: string;
  [key: string]: unknown;
}

/** One `/files/read` answer with `data` as the file's raw bytes. */
export interface FileChunk {
  /** Where `data` starts; the file size when the read began at or past the end. */
  offset: number;
  data: Buffer;
}

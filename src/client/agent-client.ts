/**
 * Typed client for an agent's HTTP API: `/monitor/statistics` (per-executor ResourceStatistics,
 * mesos-api.md §4). Agents are found through the master's `slaves[].pid` (`slave(1)@ip:5051`),
 * which is where the agent really listens; `hostname` may not resolve from the operator's machine.
 * Also `/state`, for sandbox directories; the sandbox files themselves are in agent-files.ts.
 */
import { requestJson } from './http-request.js';
import type { AgentState } from './agent-types.js';
import type { ExecutorStatistics, LegacySlave } from './legacy-types.js';

export interface AgentClientOptions {
  /** Keep this short: callers fan out to many agents and one slow agent must not stall the rest. */
  timeoutMs?: number;
  /** What to tell the operator when the agent can not be reached (default: a generic question). */
  unreachableHint?: string;
}

export class AgentClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly opts: AgentClientOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async monitorStatistics(): Promise<ExecutorStatistics[]> {
    const out = await requestJson<ExecutorStatistics[] | undefined>(`${this.baseUrl}/monitor/statistics`, {
      role: 'agent',
      timeoutMs: this.opts.timeoutMs,
      unreachableHint: 'is the agent running and reachable from here?',
    });
    return Array.isArray(out) ? out : [];
  }

  /**
   * The agent's `/state`: its frameworks, executors and their sandbox `directory`, the one place
   * that says where a task's files live (the master does not know sandbox paths).
   */
  async state(): Promise<AgentState> {
    const out = await requestJson<AgentState | undefined>(`${this.baseUrl}/state`, {
      role: 'agent',
      timeoutMs: this.opts.timeoutMs,
      unreachableHint: this.opts.unreachableHint ?? 'is the agent running and reachable from here?',
    });
    return out ?? {};
  }
}

/**
 * `http://ip:port` of an agent, from its libprocess pid when present (`slave(1)@10.0.0.5:5051`),
 * else from `hostname` and `port` (default 5051).
 */
export function agentBaseUrl(slave: Pick<LegacySlave, 'pid' | 'hostname' | 'port'>): string {
  const at = slave.pid?.lastIndexOf('@') ?? -1;
  if (slave.pid && at >= 0) {
    const hostPort = slave.pid.slice(at + 1);
    if (/^(\[[^\]]+\]|[^:]+):\d+$/.test(hostPort)) return `http://${hostPort}`;
  }
  const host = slave.hostname.includes(':') && !slave.hostname.startsWith('[') ? `[${slave.hostname}]` : slave.hostname;
  return `http://${host}:${slave.port ?? 5051}`;
}

/**
 * The environment a task runs with (mesos-api.md §2 "Executor env", issue 3 item 2): the agent's
 * environment minus its own configuration, the upstream `MESOS_*` executor variables, `PORT`/`PORT0…`/
 * `PORTS` from the task's port resources, then the task's own `CommandInfo.environment`, which wins.
 */
import type { Resources } from '../protocol/resources/index.js';
import type { CommandInfoV1 } from '../protocol/v1/types.js';

export interface TaskEnvInput {
  /** The agent process's environment. */
  base: NodeJS.ProcessEnv;
  frameworkId: string;
  executorId: string;
  taskId: string;
  agentId: string;
  /** `ip:port` of the agent's HTTP API. */
  agentEndpoint: string;
  sandbox: string;
  checkpoint: boolean;
  resources: Resources;
  command?: CommandInfoV1;
}

/** Port numbers of the task's `ports` ranges, in order. */
export function portsOf(resources: Resources): number[] {
  const out: number[] = [];
  for (const [b, e] of resources.ranges('ports')) for (let p = b; p <= e && out.length < 1000; p++) out.push(p);
  return out;
}

export function taskEnvironment(i: TaskEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(i.base)) {
    // The agent's own flags (MESOS_*) and tsmesos settings are not the task's business.
    if (v !== undefined && !k.startsWith('MESOS_') && !k.startsWith('TSMESOS_')) env[k] = v;
  }
  Object.assign(env, {
    MESOS_FRAMEWORK_ID: i.frameworkId,
    MESOS_EXECUTOR_ID: i.executorId,
    MESOS_TASK_ID: i.taskId,
    MESOS_AGENT_ID: i.agentId,
    MESOS_SLAVE_ID: i.agentId,
    MESOS_AGENT_ENDPOINT: i.agentEndpoint,
    MESOS_SLAVE_PID: `slave(1)@${i.agentEndpoint}`,
    MESOS_DIRECTORY: i.sandbox,
    MESOS_SANDBOX: i.sandbox,
    MESOS_CHECKPOINT: i.checkpoint ? '1' : '0',
  });
  const ports = portsOf(i.resources);
  if (ports.length) {
    ports.forEach((p, n) => (env[`PORT${n}`] = String(p)));
    env.PORT = String(ports[0]);
    env.PORTS = ports.join(',');
  }
  for (const v of i.command?.environment?.variables ?? []) {
    if (v.type === undefined || v.type === 'VALUE') env[v.name] = v.value ?? '';
  }
  return env;
}

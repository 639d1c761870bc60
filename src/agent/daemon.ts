/** Starts an agent: resolves its config from flags, recovers, serves HTTP on :5051, registers with the master. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../cli/errors.js';
import type { Flags } from '../cli/flags/resolve-flags.js';
import { createServer } from '../http/server.js';
import type { Logger } from '../lib/logger.js';
import { AttributeError, parseAttributes } from '../protocol/attributes.js';
import { ResourceError, Resources } from '../protocol/resources/index.js';
import { Agent } from './agent.js';
import { containerizersFrom } from './containerizers.js';
import { agentResources, detectResources } from './detect-resources.js';
import { handleEvent } from './events.js';
import { registerAgentHttp } from './http/index.js';
import { forgetAgent, recoverAgent } from './recovery.js';
import { LeaderDetector } from '../zk/detector.js';
import { isZkUrl, parseZkUrl, type ZkUrl, ZkUrlError } from '../zk/zk-url.js';

export interface RunningAgent {
  agent: Agent;
  app: FastifyInstance;
  url: string;
  /** Set when `--recover=cleanup` finished its work: the daemon should exit. */
  cleanedUp: boolean;
  close(): Promise<void>;
}

/** `--master=zk://…/mesos` (or `file://` holding one): the ZooKeeper group to find the leader in. */
export function masterZkOf(master: string | undefined): ZkUrl | undefined {
  if (!master || !isZkUrl(master)) return undefined;
  try {
    return parseZkUrl(master);
  } catch (e) {
    if (e instanceof ZkUrlError) throw new UserError(`--master: ${e.message}`, 'e.g. --master=zk://10.0.0.1:2181,10.0.0.2:2181/mesos');
    throw e;
  }
}

/** `host:port` or `http://host:port` → base URL (ZooKeeper URLs go through `masterZkOf`). */
export function masterUrlOf(master: string | undefined): string {
  if (!master) throw new UserError('--master is required', 'e.g. tsmesos agent --master=127.0.0.1:5050 --work_dir=/var/lib/mesos');
  const url = /^https?:\/\//.test(master) ? master : `http://${master}`;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    throw new UserError(`--master: '${master}' is not host:port`, 'e.g. --master=127.0.0.1:5050');
  }
}

/**
 * Follows the leader through a ZooKeeper detector (upstream agents take `--master=zk://…` the
 * same way): the link asks it at each (re)connect and moves when a new leader is detected.
 */
function followLeader(agent: Agent, zk: ZkUrl, log: Logger): LeaderDetector {
  const detector = new LeaderDetector(zk, { sessionTimeoutMs: 10_000, onWarning: (message) => log.warn({ zk: zk.display }, message) });
  agent.link.follow({
    current: async () => (await detector.next()).url!,
    onChange: (fn) =>
      detector.on('leader', (leader) => {
        log.info({ leader: leader?.url ?? null }, leader?.url ? 'detected a new leading master' : 'no leading master is known');
        if (!leader?.url) return;
        agent.config.masterUrl = leader.url;
        fn(leader.url);
      }),
  });
  return detector.start();
}

export async function startAgent(flags: Flags, log: Logger): Promise<RunningAgent> {
  const zk = masterZkOf(flags.str('master'));
  const masterUrl = zk ? zk.display : masterUrlOf(flags.str('master'));
  const workDirFlag = flags.str('work_dir');
  if (!workDirFlag) throw new UserError('--work_dir is required', 'e.g. --work_dir=/var/lib/mesos (sandboxes and checkpoints live there)');
  const workDir = resolve(workDirFlag);
  mkdirSync(workDir, { recursive: true });
  let resources: Resources;
  let attributes;
  try {
    resources = agentResources(flags.str('resources'), detectResources(workDir), flags.str('default_role') ?? '*');
    attributes = parseAttributes(flags.str('attributes'));
  } catch (e) {
    if (e instanceof ResourceError) throw new UserError(`--resources: ${e.message}`, 'e.g. --resources="cpus:4;mem:4096;ports:[31000-32000]"');
    if (e instanceof AttributeError) throw new UserError(`--attributes: ${e.message}`, 'e.g. --attributes="rack:r1;zone:2"');
    throw e;
  }
  const ip = flags.str('ip') ?? '127.0.0.1';
  const containerizers = containerizersFrom(flags, workDir, log);
  const logDir = flags.str('log_dir');
  const agent = new Agent(
    {
      masterUrl,
      ip,
      port: flags.int('port') ?? 5051,
      hostname: flags.str('hostname') ?? ip,
      workDir,
      resources,
      attributes,
      flags: flags.all(),
      switchUser: flags.bool('switch_user'),
      executorRegistrationTimeoutMs: flags.duration('executor_registration_timeout') ?? 60_000,
      backoffFactorMs: flags.duration('registration_backoff_factor') ?? 1000,
      logFile: logDir ? join(logDir, 'agent.log') : undefined,
    },
    containerizers,
    log,
  );
  agent.handler = (e) => handleEvent(agent, e);
  const app = createServer({ logger: log, renderError: (reply, _s, message) => reply.type('text/plain; charset=utf-8').send(message) });
  registerAgentHttp(app, agent, { logFile: agent.config.logFile });
  try {
    await app.listen({ host: ip, port: agent.config.port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`port ${agent.config.port} on ${ip} is already in use`, 'stop the other process or pass --port=PORT (0 picks a free port)');
    throw e;
  }
  const addr = app.server.address();
  agent.config.port = typeof addr === 'object' && addr ? addr.port : agent.config.port;
  agent.config.flags.port = String(agent.config.port);
  const mode = flags.str('recover') === 'cleanup' ? 'cleanup' : 'reconnect';
  const result = await recoverAgent(agent, mode);
  let cleanedUp = false;
  let detector: LeaderDetector | undefined;
  if (mode === 'cleanup' && result.agentId) {
    await Promise.all(agent.liveTasks().map((t) => agent.containerizerNamed(agent.frameworks.get(t.frameworkId)!.executors.get(t.executorId)!.containerizer)?.wait(agent.containerOf.get(`${t.frameworkId}/${t.taskId}`)!).catch(() => undefined)));
    forgetAgent(workDir);
    cleanedUp = true;
  } else {
    detector = zk ? followLeader(agent, zk, log) : undefined;
    agent.start();
  }
  const url = `http://${ip}:${agent.config.port}`;
  return {
    agent,
    app,
    url,
    cleanedUp,
    async close() {
      await agent.stop();
      await detector?.stop();
      await app.close();
    },
  };
}

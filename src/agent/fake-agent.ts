/**
 * An in-process agent with a pluggable containerizer (the fake one by default): registers with the
 * master over the real agent protocol, runs tasks, sends reliable status updates and re-registers
 * with its tasks after a break. Until `tsmesos agent` runs real processes it is how the master is
 * tested end to end; the real agent reuses MasterLink and StatusUpdateManager.
 */
import { MESOS_VERSION } from '../lib/version.js';
import { statusUuid } from '../lib/ids.js';
import { type Logger, silentLogger } from '../lib/logger.js';
import type { AgentEvent } from '../protocol/agent-protocol.js';
import { parseAttributes } from '../protocol/attributes.js';
import { Resources } from '../protocol/resources/index.js';
import type { FrameworkInfoV1, TaskInfoV1, TaskStatusV1 } from '../protocol/v1/types.js';
import type { ContainerStatus, Containerizer } from './containerizer/containerizer.js';
import { type FakeBehaviour, FakeContainerizer } from './containerizer/fake.js';
import { MasterLink } from './master-link.js';
import { StatusUpdateManager } from './status-update-manager.js';

export interface FakeAgentOptions {
  masterUrl: string;
  /** `--resources` text, e.g. `cpus:4;mem:4096;ports:[31000-32000]`. */
  resources?: string;
  attributes?: string;
  hostname?: string;
  port?: number;
  behaviour?: (task: TaskInfoV1) => FakeBehaviour;
  containerizer?: Containerizer;
  log?: Logger;
  /** First status-update retry interval (upstream 10 s). */
  updateRetryMs?: number;
  backoffFactorMs?: number;
}

export class FakeAgent {
  readonly link: MasterLink;
  readonly updates: StatusUpdateManager;
  readonly containerizer: Containerizer;
  readonly events: AgentEvent[] = [];
  private readonly frameworks = new Map<string, FrameworkInfoV1>();
  private readonly total: Resources;

  constructor(opts: FakeAgentOptions) {
    this.total = Resources.parse(opts.resources ?? 'cpus:4;mem:4096;disk:10000;ports:[31000-32000]');
    this.containerizer = opts.containerizer ?? new FakeContainerizer(opts.behaviour);
    this.updates = new StatusUpdateManager(
      (u) => this.link.post({ type: 'UPDATE', agent_id: { value: this.link.agentId ?? '' }, update: { framework_id: { value: u.frameworkId }, status: u.status } }),
      opts.updateRetryMs ?? 10_000,
    );
    this.link = new MasterLink({
      masterUrl: opts.masterUrl,
      log: opts.log ?? silentLogger,
      backoffFactorMs: opts.backoffFactorMs ?? 100,
      subscribePayload: () => ({
        agent_info: {
          hostname: opts.hostname ?? '127.0.0.1',
          port: opts.port ?? 5051,
          resources: this.total.toV1(),
          attributes: parseAttributes(opts.attributes),
        },
        version: MESOS_VERSION,
        capabilities: [{ type: 'MULTI_ROLE' }, { type: 'HIERARCHICAL_ROLE' }, { type: 'TASK_LABELS_FIELD' }],
        tasks: this.containerizer.running().map((r) => ({ framework_id: { value: r.frameworkId }, task: r.task, state: r.state })),
        frameworks: [...this.frameworks.values()],
      }),
      onSubscribed: () => this.updates.resendAll(),
      onEvent: (e) => this.onEvent(e),
    });
  }

  get id(): string | undefined {
    return this.link.agentId;
  }

  start(): this {
    this.link.start();
    return this;
  }

  stop(): void {
    this.link.stop();
    this.updates.stop();
  }

  private report(frameworkId: string, task: TaskInfoV1, s: ContainerStatus): void {
    const status: TaskStatusV1 = {
      ...s,
      task_id: task.task_id,
      agent_id: { value: this.link.agentId ?? '' },
      source: 'SOURCE_EXECUTOR',
      timestamp: Date.now() / 1000,
      uuid: statusUuid(),
    };
    if (!task.executor) status.executor_id = { value: task.task_id.value };
    this.updates.enqueue({ frameworkId, status });
  }

  private onEvent(e: AgentEvent): void {
    this.events.push(e);
    switch (e.type) {
      case 'RUN_TASK': {
        const fwId = e.run_task.framework.id!.value;
        this.frameworks.set(fwId, e.run_task.framework);
        this.containerizer.launch(fwId, e.run_task.task, (s) => this.report(fwId, e.run_task.task, s));
        break;
      }
      case 'RUN_TASK_GROUP': {
        const fwId = e.run_task_group.framework.id!.value;
        this.frameworks.set(fwId, e.run_task_group.framework);
        for (const t of e.run_task_group.task_group.tasks) this.containerizer.launch(fwId, t, (s) => this.report(fwId, t, s));
        break;
      }
      case 'KILL_TASK':
        this.containerizer.kill(e.kill_task.framework_id.value, e.kill_task.task_id.value);
        break;
      case 'ACKNOWLEDGE':
        this.updates.acknowledge(e.acknowledge.framework_id.value, e.acknowledge.task_id.value, e.acknowledge.uuid);
        break;
      case 'SHUTDOWN_FRAMEWORK':
        for (const r of this.containerizer.running()) {
          if (r.frameworkId === e.shutdown_framework.framework_id.value) this.containerizer.kill(r.frameworkId, r.task.task_id.value);
        }
        break;
      default:
        break;
    }
  }
}

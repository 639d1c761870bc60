/**
 * Where the master's events go: one RecordIO stream per subscribed framework (with its
 * `Mesos-Stream-Id`), one per connected agent, and any number of operator SUBSCRIBE streams.
 * Frameworks and operator subscribers get a HEARTBEAT every 15 s (upstream DEFAULT_HEARTBEAT_INTERVAL).
 */
import type { RecordStream } from '../http/recordio-stream.js';
import type { AgentEvent } from '../protocol/agent-protocol.js';

export const HEARTBEAT_SECONDS = 15;

interface Subscription {
  streamId: string;
  stream: RecordStream;
  heartbeat?: NodeJS.Timeout;
}

export interface OperatorSubscriber {
  stream: RecordStream;
  /** Opted in to the tsmesos offer events (`?x_tsmesos_offers=true`). */
  offers: boolean;
  heartbeat: NodeJS.Timeout;
}

export class Channels {
  private readonly frameworks = new Map<string, Subscription>();
  private readonly agents = new Map<string, Subscription>();
  readonly operators = new Set<OperatorSubscriber>();

  /** Binds a framework to a new stream; the previous one (if any) is returned so the caller can fail it over. */
  attachFramework(frameworkId: string, streamId: string, stream: RecordStream): Subscription | undefined {
    const previous = this.frameworks.get(frameworkId);
    const sub: Subscription = { streamId, stream };
    sub.heartbeat = setInterval(() => stream.send({ type: 'HEARTBEAT' }), HEARTBEAT_SECONDS * 1000);
    sub.heartbeat.unref();
    this.frameworks.set(frameworkId, sub);
    if (previous) clearInterval(previous.heartbeat);
    return previous;
  }

  /** Forgets the framework's stream if it is still `stream` (a newer one may have replaced it). */
  detachFramework(frameworkId: string, stream?: RecordStream): boolean {
    const sub = this.frameworks.get(frameworkId);
    if (!sub || (stream && sub.stream !== stream)) return false;
    clearInterval(sub.heartbeat);
    this.frameworks.delete(frameworkId);
    return true;
  }

  frameworkStreamId(frameworkId: string): string | undefined {
    return this.frameworks.get(frameworkId)?.streamId;
  }

  /** Sends an event to a framework; false when it has no open stream (the event is dropped, as upstream). */
  toFramework(frameworkId: string, event: object): boolean {
    const sub = this.frameworks.get(frameworkId);
    return sub ? sub.stream.send(event) : false;
  }

  closeFramework(frameworkId: string, lastEvent?: object): void {
    const sub = this.frameworks.get(frameworkId);
    if (!sub) return;
    if (lastEvent) sub.stream.send(lastEvent);
    this.detachFramework(frameworkId);
    sub.stream.close();
  }

  attachAgent(agentId: string, streamId: string, stream: RecordStream): Subscription | undefined {
    const previous = this.agents.get(agentId);
    this.agents.set(agentId, { streamId, stream });
    return previous;
  }

  detachAgent(agentId: string, stream?: RecordStream): boolean {
    const sub = this.agents.get(agentId);
    if (!sub || (stream && sub.stream !== stream)) return false;
    this.agents.delete(agentId);
    return true;
  }

  agentStreamId(agentId: string): string | undefined {
    return this.agents.get(agentId)?.streamId;
  }

  toAgent(agentId: string, event: AgentEvent): boolean {
    const sub = this.agents.get(agentId);
    return sub ? sub.stream.send(event) : false;
  }

  closeAgent(agentId: string, lastEvent?: AgentEvent): void {
    const sub = this.agents.get(agentId);
    if (!sub) return;
    if (lastEvent) sub.stream.send(lastEvent);
    this.agents.delete(agentId);
    sub.stream.close();
  }

  addOperator(stream: RecordStream, offers: boolean): OperatorSubscriber {
    const heartbeat = setInterval(() => stream.send({ type: 'HEARTBEAT' }), HEARTBEAT_SECONDS * 1000);
    heartbeat.unref();
    const sub = { stream, offers, heartbeat };
    this.operators.add(sub);
    stream.onClose(() => {
      clearInterval(heartbeat);
      this.operators.delete(sub);
    });
    return sub;
  }

  toOperators(event: object, offerEvent = false): void {
    for (const sub of this.operators) if (!offerEvent || sub.offers) sub.stream.send(event);
  }

  closeAll(): void {
    for (const id of [...this.frameworks.keys()]) this.closeFramework(id);
    for (const id of [...this.agents.keys()]) this.closeAgent(id);
    for (const sub of [...this.operators]) sub.stream.close();
  }
}

/**
 * Watches the engine's `oom` events for this agent's containers. Upstream's memory isolator destroys a
 * container once the kernel OOM-killed anything in it; the engine announces that as an event, so the
 * Docker containerizer does the same, even when the killed process was not the container's main one.
 * The stream is opened with `since` = the moment watching began (then the last event seen), so an
 * OOM that happens before the stream is connected, or while it reconnects after an engine restart,
 * is replayed rather than missed.
 */
import type Docker from 'dockerode';
import type { Logger } from '../../lib/logger.js';
import { LABELS } from './docker-labels.js';

const RECONNECT_MS = 1000;

export class OomWatcher {
  private stream: (NodeJS.ReadableStream & { destroy(): void }) | undefined;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  /** Seconds since the epoch: events from here on are (re)played on (re)connect. */
  private since = 0;

  constructor(
    private readonly docker: Docker,
    private readonly workDir: string,
    private readonly onOom: (containerId: string) => void,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.since = Math.floor(Date.now() / 1000) - 1;
    void this.open();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.stream?.destroy();
    this.stream = undefined;
  }

  private async open(): Promise<void> {
    if (!this.running) return;
    try {
      const filters = { type: ['container' as const], event: ['oom'], label: [`${LABELS.workDir}=${this.workDir}`] };
      const stream = (await this.docker.getEvents({ filters, since: this.since })) as unknown as NodeJS.ReadableStream & { destroy(): void };
      if (!this.running) return stream.destroy();
      this.stream = stream;
      let buf = '';
      stream.on('data', (c: Buffer) => {
        buf += c.toString();
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          this.handle(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
      stream.once('error', () => stream.destroy());
      stream.once('close', () => this.retry());
    } catch (e) {
      this.log.debug({ err: (e as Error).message }, 'docker events stream failed; retrying');
      this.retry();
    }
  }

  private retry(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.open(), RECONNECT_MS);
    this.timer.unref();
  }

  private handle(line: string): void {
    try {
      const e = JSON.parse(line) as { Action?: string; time?: number; Actor?: { Attributes?: Record<string, string> } };
      if (typeof e.time === 'number') this.since = Math.max(this.since, e.time);
      const id = e.Actor?.Attributes?.[LABELS.containerId];
      if (e.Action === 'oom' && id) this.onOom(id);
    } catch {
      /* a partial or foreign line */
    }
  }
}

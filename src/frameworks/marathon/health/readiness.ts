/**
 * Readiness checks (upstream `ReadinessCheckExecutor`): while a deployment waits for new tasks, an
 * HTTP(S) GET on the port named `portName` every `intervalSeconds`; the task is ready once the
 * answer's status is in `httpStatusCodesForReady`, and probing stops. Results show in the
 * deployment's `currentActions[].readinessCheckResults` and in `readinessCheckResults` of the app.
 * @module
 */
import type { AppDefinition } from '../app-model/types.js';
import type { Instance } from '../scheduler/instance.js';
import { probeHttp } from './probes.js';

export interface ReadinessResult {
  name: string;
  taskId: string;
  ready: boolean;
  lastResponse?: { status: number; contentType: string; body: string };
}

/** Index of the port named `name` among the app's ports (portDefinitions, else portMappings). */
export function portIndexByName(app: AppDefinition, name: string): number {
  const named = app.portDefinitions.length > 0 ? app.portDefinitions : (app.container?.portMappings ?? []);
  return named.findIndex((p) => p.name === name);
}

export class ReadinessManager {
  private readonly results = new Map<string, ReadinessResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly changed: () => void) {}

  /** Whether the task is ready (always true for apps without readiness checks). */
  isReady(i: Instance, app: AppDefinition | undefined): boolean {
    if (!app || app.readinessChecks.length === 0) return true;
    if (!this.timers.has(i.taskId) && !this.results.has(i.taskId)) this.start(i, app);
    return this.results.get(i.taskId)?.ready === true;
  }

  resultsFor(taskIds: Iterable<string>): ReadinessResult[] {
    const out: ReadinessResult[] = [];
    for (const id of taskIds) {
      const r = this.results.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  forget(taskId: string): void {
    clearTimeout(this.timers.get(taskId));
    this.timers.delete(taskId);
    this.results.delete(taskId);
  }

  stop(): void {
    for (const id of [...this.timers.keys()]) this.forget(id);
  }

  private start(i: Instance, app: AppDefinition): void {
    const rc = app.readinessChecks[0]!;
    const index = portIndexByName(app, rc.portName);
    const port = index >= 0 ? i.hostPorts[index] : undefined;
    this.results.set(i.taskId, { name: rc.name, taskId: i.taskId, ready: false });
    const run = async () => {
      if (!this.results.has(i.taskId)) return;
      if (port !== undefined) {
        const o = await probeHttp({ protocol: rc.protocol, host: i.host, port, path: rc.path, timeoutMs: rc.timeoutSeconds * 1000, passCodes: rc.httpStatusCodesForReady });
        if (!this.results.has(i.taskId)) return;
        const ready = o.kind === 'pass';
        const lastResponse = o.status !== undefined && rc.preserveLastResponse ? { status: o.status, contentType: o.headers?.['content-type'] ?? '', body: o.body ?? '' } : undefined;
        this.results.set(i.taskId, { name: rc.name, taskId: i.taskId, ready, ...(lastResponse ? { lastResponse } : {}) });
        if (ready) {
          this.timers.delete(i.taskId);
          return this.changed();
        }
      }
      const t = setTimeout(() => void run(), rc.intervalSeconds * 1000);
      t.unref();
      this.timers.set(i.taskId, t);
    };
    const t = setTimeout(() => void run(), 0);
    t.unref();
    this.timers.set(i.taskId, t);
  }
}

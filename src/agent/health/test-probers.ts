/** Scripted probers for the fake-clock tests: each attempt takes the next scripted outcome. */
import type { ProbeResult, Prober } from './types.js';

export const exit = (code: number): ProbeResult => ({ ok: true, status: { type: 'COMMAND', command: { exit_code: code } } });

/** An attempt that resolves after `ms` of (fake) time, or never (`'hang'`). */
export type Scripted = ProbeResult | 'hang' | { after: number; result: ProbeResult };

export interface ScriptedProber {
  prober: Prober;
  /** One signal per attempt made so far. */
  signals: AbortSignal[];
}

export function scripted(script: Scripted[], clock: { setTimeout(fn: () => void, ms: number): unknown }): ScriptedProber {
  const signals: AbortSignal[] = [];
  const prober: Prober = (signal) => {
    signals.push(signal);
    const step = script.shift() ?? 'hang';
    if (step === 'hang') return new Promise(() => {});
    if ('after' in step) return new Promise((r) => clock.setTimeout(() => r(step.result), step.after));
    return Promise.resolve(step);
  };
  return { prober, signals };
}

/**
 * What the TUI needs from the outside world, behind one interface so the App can be rendered in
 * tests with a scripted fake (style-guide convention 5): the operator event stream, the operator
 * `TEARDOWN` call, and following a sandbox file of a task.
 */
import type { OperatorEvent } from '../client/operator-types.js';
import type { WatchStatus } from '../client/operator-watch.js';
import type { SandboxFile } from './state/ui.js';

export interface OutputTarget {
  frameworkId: string;
  taskId: string;
  file: SandboxFile;
}

export interface OutputSink {
  data(chunk: Buffer): void;
  /** Progress or trouble to show under the pane ("waiting for the sandbox…"). */
  note(text: string, error?: boolean): void;
  /** The file was truncated or replaced: drop what was shown. */
  reset(): void;
}

export interface TopServices {
  /** Starts following the operator stream; returns a function that stops it. */
  watch(handlers: { onEvent: (e: OperatorEvent) => void; onStatus: (s: WatchStatus) => void }): () => void;
  /** Operator `TEARDOWN` of one framework; rejects with an error whose message says why. */
  teardown(frameworkId: string): Promise<void>;
  /** Streams a sandbox file into `sink` until `signal` aborts or the task ends. */
  followOutput(target: OutputTarget, sink: OutputSink, signal: AbortSignal): Promise<void>;
}

/**
 * The lines of a task's stdout/stderr for the log pane: starts `followOutput` for the pane's
 * target, splits the bytes into lines (a partial last line is completed by the next chunk, and
 * multi-byte characters split across chunks are decoded whole), and keeps the newest `MAX_LINES`.
 * Switching task or file, or closing the pane, aborts the follow.
 */
import { useEffect, useState } from 'react';
import type { OutputTarget, TopServices } from '../services.js';

export const MAX_LINES = 5000;

export interface TaskOutput {
  /** Complete lines, then the unfinished last one if any (shown as a terminal would). */
  lines: string[];
  note?: string;
  error: boolean;
}

interface Buffered {
  complete: string[];
  partial: string;
  note?: string;
  error: boolean;
}

export function useTaskOutput(follow: TopServices['followOutput'], target: OutputTarget | undefined): TaskOutput {
  const [out, setOut] = useState<Buffered>({ complete: [], partial: '', error: false });
  const key = target ? `${target.frameworkId}/${target.taskId}/${target.file}` : '';
  useEffect(() => {
    setOut({ complete: [], partial: '', error: false });
    if (!target) return;
    const ctl = new AbortController();
    const splitter = new LineSplitter();
    const sink = {
      data: (chunk: Buffer) => {
        const lines = splitter.push(chunk);
        setOut((o) => ({ ...o, complete: appendLines(o.complete, lines), partial: splitter.partial }));
      },
      note: (text: string, error = false) => setOut((o) => ({ ...o, note: text, error })),
      reset: () => {
        splitter.clear();
        setOut((o) => ({ ...o, complete: [], partial: '' }));
      },
    };
    follow(target, sink, ctl.signal).catch((e: Error & { hint?: string }) => {
      if (!ctl.signal.aborted) sink.note(`${e.message}${e.hint ? ` (${e.hint})` : ''}`, true);
    });
    return () => ctl.abort();
  }, [key]);
  return { lines: out.partial ? [...out.complete, out.partial] : out.complete, note: out.note, error: out.error };
}

/** Byte chunks → complete lines, keeping the unfinished tail for the next chunk. */
export class LineSplitter {
  private decoder = new TextDecoder('utf-8');
  partial = '';

  push(chunk: Buffer): string[] {
    const parts = (this.partial + this.decoder.decode(chunk, { stream: true })).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    return parts;
  }

  clear(): void {
    this.decoder = new TextDecoder('utf-8');
    this.partial = '';
  }
}

/** `previous` + `more`, keeping only the newest MAX_LINES. */
export function appendLines(previous: string[], more: string[]): string[] {
  if (more.length === 0) return previous;
  const next = previous.concat(more);
  return next.length > MAX_LINES ? next.slice(next.length - MAX_LINES) : next;
}

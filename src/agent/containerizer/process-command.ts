/**
 * What the command executor of upstream Mesos runs for a TaskInfo.command, and how it words the
 * outcome (pure). `shell` (the default) means `/bin/sh -c value`; `shell: false` runs `value` as the
 * program with `arguments` as its complete argv, argv[0] included.
 */
import type { CommandInfoV1 } from '../../protocol/v1/types.js';

export interface CommandArgv {
  /** `[program, ...args]`. */
  argv: string[];
  /** The argv[0] the program sees, when it differs from the program path. */
  argv0?: string;
}

export function commandArgv(command: CommandInfoV1): CommandArgv {
  const value = command.value;
  if (command.shell !== false) {
    if (value === undefined || value === '') throw new Error('Shell command is not specified (command.value is empty)');
    return { argv: ['/bin/sh', '-c', value] };
  }
  if (value === undefined || value === '') throw new Error('Executable is not specified (command.value is empty)');
  const args = command.arguments ?? [];
  return { argv: [value, ...args.slice(1)], argv0: args[0] ?? value };
}

/** strsignal(3) wording on Linux (glibc), which upstream puts in its messages. */
const DESCRIPTIONS: Record<string, string> = {
  SIGHUP: 'Hangup',
  SIGINT: 'Interrupt',
  SIGQUIT: 'Quit',
  SIGILL: 'Illegal instruction',
  SIGTRAP: 'Trace/breakpoint trap',
  SIGABRT: 'Aborted',
  SIGBUS: 'Bus error',
  SIGFPE: 'Floating point exception',
  SIGKILL: 'Killed',
  SIGUSR1: 'User defined signal 1',
  SIGSEGV: 'Segmentation fault',
  SIGUSR2: 'User defined signal 2',
  SIGPIPE: 'Broken pipe',
  SIGALRM: 'Alarm clock',
  SIGTERM: 'Terminated',
  SIGSTKFLT: 'Stack fault',
  SIGCHLD: 'Child exited',
  SIGCONT: 'Continued',
  SIGSTOP: 'Stopped (signal)',
  SIGTSTP: 'Stopped',
  SIGTTIN: 'Stopped (tty input)',
  SIGTTOU: 'Stopped (tty output)',
  SIGURG: 'Urgent I/O condition',
  SIGXCPU: 'CPU time limit exceeded',
  SIGXFSZ: 'File size limit exceeded',
  SIGVTALRM: 'Virtual timer expired',
  SIGPROF: 'Profiling timer expired',
  SIGWINCH: 'Window changed',
  SIGIO: 'I/O possible',
  SIGPWR: 'Power failure',
  SIGSYS: 'Bad system call',
};

export function describeSignal(name: string): string {
  return DESCRIPTIONS[name] ?? name;
}

/** Said when a task outlived its launcher: it ran on, but nobody could collect how it ended. */
export const STATUS_LOST_MESSAGE =
  'Container ended while its launcher was not running; its exit status was lost';

/** TaskStatus.message for an exit, as upstream's command executor words it. */
export function terminationMessage(exitCode: number | null, signal: string | null): string {
  if (signal !== null) return `Command terminated with signal ${describeSignal(signal)}`;
  if (exitCode !== null) return `Command exited with status ${exitCode}`;
  return STATUS_LOST_MESSAGE;
}

import { describe, expect, it } from 'vitest';
import { commandArgv, describeSignal, STATUS_LOST_MESSAGE, terminationMessage } from './process-command.js';

describe('command executor argv', () => {
  it('runs shell commands (the default) through /bin/sh -c', () => {
    expect(commandArgv({ value: 'echo hi; exit 3' })).toEqual({ argv: ['/bin/sh', '-c', 'echo hi; exit 3'] });
    expect(commandArgv({ value: 'x', shell: true, arguments: ['ignored'] })).toEqual({ argv: ['/bin/sh', '-c', 'x'] });
  });

  it('runs value as the program with arguments as the full argv (argv[0] included)', () => {
    expect(commandArgv({ shell: false, value: '/bin/echo', arguments: ['echo', 'a', 'b'] })).toEqual({
      argv: ['/bin/echo', 'a', 'b'],
      argv0: 'echo',
    });
    expect(commandArgv({ shell: false, value: '/bin/true' })).toEqual({ argv: ['/bin/true'], argv0: '/bin/true' });
  });

  it('refuses an empty command', () => {
    expect(() => commandArgv({})).toThrow(/Shell command is not specified/);
    expect(() => commandArgv({ shell: false, arguments: ['a'] })).toThrow(/Executable is not specified/);
  });
});

describe('termination messages', () => {
  it('uses upstream wording with strsignal names', () => {
    expect(terminationMessage(0, null)).toBe('Command exited with status 0');
    expect(terminationMessage(137, null)).toBe('Command exited with status 137');
    expect(terminationMessage(null, 'SIGTERM')).toBe('Command terminated with signal Terminated');
    expect(terminationMessage(null, 'SIGKILL')).toBe('Command terminated with signal Killed');
    expect(terminationMessage(null, 'SIGSEGV')).toBe('Command terminated with signal Segmentation fault');
    expect(terminationMessage(null, null)).toBe(STATUS_LOST_MESSAGE);
    expect(describeSignal('SIGNOPE')).toBe('SIGNOPE');
  });
});

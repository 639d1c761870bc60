/**
 * The man page sections that describe the CLI's contract rather than one command: EXIT STATUS,
 * ENVIRONMENT and FILES. ENVIRONMENT is still derived: every option whose help says `env NAME`
 * (daemon flags as `MESOS_<FLAG>`, `--config` as TSMESOS_CONFIG, `--master` as MESOS_MASTER)
 * contributes its variable, so a new daemon flag appears here without anyone editing this file.
 */
import type { CommandModel, OptionModel } from './command-model.js';
import { bold, prose } from './roff.js';

interface EnvUse {
  description: string;
  uses: string[];
}

/** The help text minus its trailing `; env NAME`, which the section heading already says. */
function withoutEnvSuffix(description: string): string {
  return description.replace(/;\s*env [A-Z][A-Z0-9_]*\s*$/, '');
}

/** Variables named by options, sorted, with the options (`tsmesos master --ip`) that read them. */
export function environmentVariables(commands: CommandModel[]): Map<string, EnvUse> {
  const found = new Map<string, EnvUse>();
  for (const cmd of commands) {
    const title = ['tsmesos', ...cmd.path].join(' ');
    for (const o of cmd.options) {
      for (const name of o.env) {
        const entry = found.get(name) ?? { description: withoutEnvSuffix(o.description), uses: [] };
        entry.uses.push(`${title} ${optionName(o)}`);
        found.set(name, entry);
      }
    }
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const optionName = (o: OptionModel): string => o.long ?? o.short ?? '';

export function environmentSection(commands: CommandModel[]): string[] {
  const out = [
    '.SH ENVIRONMENT',
    prose(
      'A daemon flag --name may also be set as an environment variable: its name in upper case after the ' +
        "daemon's prefix (MESOS_NAME for master and agent). Each variable is listed below with the options that " +
        'read it. Precedence: command-line flag, then environment variable, then the config file, then the default.',
    ),
  ];
  for (const [name, use] of environmentVariables(commands)) {
    out.push('.TP', bold(name), prose(`${use.description}. Read by: ${use.uses.join(', ')}.`));
  }
  return out;
}

/** EXIT STATUS: the same for every command (main.ts maps errors to these codes). */
export function exitStatusSection(): string[] {
  return [
    '.SH EXIT STATUS',
    '.TP',
    bold('0'),
    'Success.',
    '.TP',
    bold('1'),
    prose('Failure: an unreachable master, a refused request, a bad config file. A one-line error and a hint go to standard error.'),
    '.TP',
    bold('2'),
    prose('Usage error: an unknown command or option, a missing argument, a malformed flag value.'),
  ];
}

/** FILES: the config file every command may read. */
export function filesSection(): string[] {
  return [
    '.SH FILES',
    '.TP',
    bold('~/.mesos/config.toml'),
    prose(
      'The config file, with the keys of the upstream mesos CLI ([master] address = "host:5050", or ' +
        '[master.zookeeper] addresses and path) plus one table per daemon ([master], [agent], ...). ' +
        'Choose another file with --config or TSMESOS_CONFIG.',
    ),
  ];
}

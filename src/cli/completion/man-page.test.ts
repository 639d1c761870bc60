/**
 * The man page: its roff structure is asserted directly; when groff or mandoc is installed, the page
 * must also render with no warnings (`groff -man -ww`, `mandoc -Tlint -W warning`). The only
 * accepted lint is mandoc's "missing date": the page carries none so that regenerating it is
 * byte-for-byte stable.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { allCommands, commandModel } from './command-model.js';
import { manPage } from './man-page.js';
import { sampleProgram } from './sample-program.js';

const has = (tool: string, arg: string) => spawnSync(tool, [arg]).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'tsmesos-man-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = manPage(commandModel(sampleProgram()), '1.2.3');
const realModel = commandModel(buildProgram({}).program);
const real = manPage(realModel, '9.9.9');

describe('man page structure', () => {
  it('has the sections in the conventional order', () => {
    const sections = [...real.matchAll(/^\.SH (.*)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
      'OPTIONS',
      'COMMANDS',
      'EXIT STATUS',
      'ENVIRONMENT',
      'FILES',
      'EXAMPLES',
      'SEE ALSO',
    ]);
    expect(real).toMatch(/^\.TH TSMESOS 1 "" "tsmesos 9\.9\.9" "User Commands"$/m);
    expect(real).toMatch(/^\.SH NAME\ntsmesos \\- /m);
  });

  it('has a subsection per command (but no per-group help copies) with every option', () => {
    const subsections = [...sample.matchAll(/^\.SS "(.*)"$/gm)].map((m) => m[1]);
    expect(subsections).toEqual(['tsmesos alpha', 'tsmesos group', 'tsmesos group add', 'tsmesos group list', 'tsmesos help', 'tsmesos zeta']);
    for (const cmd of allCommands(realModel).filter((c) => c.path.length > 0 && !(c.isHelpCommand && c.path.length > 1))) {
      const title = ['tsmesos', ...cmd.path].join(' ').replace(/-/g, '\\-');
      const section = real.split(`.SS "${title}"\n`)[1]?.split(/^\.S[SH] /m)[0];
      expect(section, title).toBeDefined();
      for (const o of cmd.options.filter((x) => x.long !== '--help')) {
        expect(section, `${title} ${o.long}`).toContain(`\\fB${o.long!.replace(/-/g, '\\-')}\\fR`);
      }
    }
  });

  it('renders options, choices, arguments and examples', () => {
    expect(sample).toContain('.TP\n\\fB\\-a\\fR, \\fB\\-\\-all\\fR\neverything\n');
    expect(sample).toContain('.TP\n\\fB\\-\\-mode\\fR \\fImode\\fR\nhow. One of: fast, slow.\n');
    expect(sample).toContain('.TP\n\\fB\\-\\-quiet\\fR [\\fIbool\\fR]\nless output; env MESOS_QUIET\n');
    expect(sample).toContain('.TP\n\\fItags...\\fR\nlabels. One of: red, blue.\n');
    expect(sample).toContain('.PP\nall of them\n.RS 4\n.nf\n$ tsmesos group list \\-a\n.fi\n.RE\n');
  });

  it('derives ENVIRONMENT from `env NAME` in option help, with the options that read each', () => {
    const env = sample.split('.SH ENVIRONMENT\n')[1]!.split('.SH FILES')[0]!;
    expect([...env.matchAll(/^\\fB([A-Z_]+)\\fR$/gm)].map((m) => m[1])).toEqual(['MESOS_MASTER', 'MESOS_QUIET', 'TSMESOS_CONFIG']);
    expect(env).toContain('Read by: tsmesos group list \\-\\-master.');
    for (const name of ['MESOS_MASTER', 'TSMESOS_CONFIG', 'MESOS_IP', 'MESOS_WORK_DIR']) expect(real).toContain(`\\fB${name}\\fR`);
  });

  it('states exit codes and the config file', () => {
    expect(real).toMatch(/\.SH EXIT STATUS\n\.TP\n\\fB0\\fR\n.*\n\.TP\n\\fB1\\fR\n[^]*\.TP\n\\fB2\\fR\nUsage error/);
    expect(real).toContain('.SH FILES\n.TP\n\\fB~/.mesos/config.toml\\fR\n');
  });

  it('leaves no text line that roff would read as a request', () => {
    const requests = /^\.(TH|SH|SS|TP|PP|RS|RE|nf|fi|\\")( |$)/;
    for (const line of real.split('\n')) {
      if (line.startsWith('.') || line.startsWith("'")) expect(requests.test(line), line).toBe(true);
    }
  });
});

describe.skipIf(!has('groff', '--version'))('man page rendered by groff', () => {
  it('renders with no warnings', () => {
    const file = join(dir, 'tsmesos.1');
    writeFileSync(file, real);
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe.skipIf(spawnSync('mandoc', ['-Tlint', '/dev/null']).error !== undefined)('man page linted by mandoc', () => {
  it('has no warnings beyond the deliberately missing date', () => {
    const file = join(dir, 'lint.1');
    writeFileSync(file, real);
    const r = spawnSync('mandoc', ['-Tlint', '-W', 'warning', file], { encoding: 'utf8' });
    const problems = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '' && !l.includes('missing date'));
    expect(problems).toEqual([]);
  });
});

/**
 * A stand-in for a real agent process in the recovery tests: launches one task through the process
 * containerizer, prints its pid as a JSON line, then idles until the test kills it with SIGKILL.
 * Usage: node <transpiled>.js <work_dir> <LaunchSpec JSON>
 */
import { silentLogger } from '../../lib/logger.js';
import { ProcessContainerizer } from './process.js';
import type { LaunchSpec } from './types.js';

const [workDir, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson!) as LaunchSpec;
const cz = new ProcessContainerizer({
  workDir: workDir!,
  isolation: ['posix/cpu', 'posix/mem'],
  switchUser: false,
  log: silentLogger,
  launcherIdleMs: 3_000,
});
const { pid } = await cz.launch(spec);
process.stdout.write(`${JSON.stringify({ pid })}\n`);
setInterval(() => {}, 1 << 30);

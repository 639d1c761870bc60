/**
 * Validation of `TaskInfo.health_check` (HealthCheck) and `TaskInfo.check` (CheckInfo), the rules of
 * upstream's `common/validation.cpp`: a known `type` with its matching sub-message, a command value,
 * an HTTP path starting with `/`, an `http`/`https` scheme, and no negative durations. A task that
 * fails them never launches: the master (or agent) answers TASK_ERROR with REASON_TASK_INVALID.
 *
 * The input is `unknown` because it comes straight from a framework's JSON; ports are checked here
 * too, since proto2 makes them required and a JSON body can simply leave them out.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function portError(what: string, sub: unknown): string | undefined {
  const port = isObj(sub) ? sub.port : undefined;
  if (port === undefined) return `${what} needs a 'port'`;
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) {
    return `${what} has an invalid 'port' ${JSON.stringify(port)}: expected an integer in 1..65535`;
  }
  return undefined;
}

function pathError(what: string, path: unknown): string | undefined {
  if (path === undefined) return undefined;
  if (typeof path !== 'string' || !path.startsWith('/')) return `${what} path ${JSON.stringify(path)} must start with '/'`;
  return undefined;
}

function commandError(what: string, cmd: unknown): string | undefined {
  if (!isObj(cmd)) return `${what} needs a 'command'`;
  const shell = cmd.shell ?? true;
  if (typeof shell !== 'boolean') return `${what} 'shell' must be a boolean`;
  if (typeof cmd.value !== 'string' || cmd.value === '') {
    return `${what} needs a 'value' (${shell ? 'the shell command' : 'the executable path'})`;
  }
  const args = cmd.arguments;
  if (args !== undefined && (!Array.isArray(args) || args.some((a) => typeof a !== 'string'))) {
    return `${what} 'arguments' must be a list of strings`;
  }
  return undefined;
}

function durationError(def: Obj, fields: string[]): string | undefined {
  for (const f of fields) {
    const v = def[f];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return `'${f}' must be a number of seconds`;
    if (v < 0) return `'${f}' must not be negative`;
  }
  return undefined;
}

const TYPES = ['COMMAND', 'HTTP', 'TCP'];

/** Why a `HealthCheck` is unusable, or `undefined` when it is valid. */
export function validateHealthCheck(check: unknown): string | undefined {
  if (!isObj(check)) return 'a health check must be an object';
  const type = check.type;
  if (type === undefined) return "a health check needs a 'type' (COMMAND, HTTP or TCP)";
  if (typeof type !== 'string' || !TYPES.includes(type)) return `unknown health check type ${JSON.stringify(type)}`;
  let err: string | undefined;
  if (type === 'COMMAND') {
    err = commandError('a COMMAND health check', check.command);
  } else if (type === 'HTTP') {
    const http = check.http;
    if (!isObj(http)) return "an HTTP health check needs 'http'";
    const scheme = http.scheme;
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return `unsupported HTTP health check scheme ${JSON.stringify(scheme)}`;
    err = portError('an HTTP health check', http) ?? pathError('the HTTP health check', http.path);
  } else {
    if (!isObj(check.tcp)) return "a TCP health check needs 'tcp'";
    err = portError('a TCP health check', check.tcp);
  }
  if (err) return err;
  const cf = check.consecutive_failures;
  if (cf !== undefined && (!Number.isInteger(cf) || (cf as number) < 0)) return "'consecutive_failures' must be a non-negative integer";
  return durationError(check, ['delay_seconds', 'interval_seconds', 'timeout_seconds', 'grace_period_seconds']);
}

/** Why a `CheckInfo` is unusable, or `undefined` when it is valid. */
export function validateCheck(check: unknown): string | undefined {
  if (!isObj(check)) return 'a check must be an object';
  const type = check.type;
  if (type === undefined) return "a check needs a 'type' (COMMAND, HTTP or TCP)";
  if (typeof type !== 'string' || !TYPES.includes(type)) return `unknown check type ${JSON.stringify(type)}`;
  let err: string | undefined;
  if (type === 'COMMAND') {
    if (!isObj(check.command)) return "a COMMAND check needs 'command'";
    err = commandError('a COMMAND check', check.command.command);
  } else if (type === 'HTTP') {
    if (!isObj(check.http)) return "an HTTP check needs 'http'";
    err = portError('an HTTP check', check.http) ?? pathError('the HTTP check', check.http.path);
  } else {
    if (!isObj(check.tcp)) return "a TCP check needs 'tcp'";
    err = portError('a TCP check', check.tcp);
  }
  return err ?? durationError(check, ['delay_seconds', 'interval_seconds', 'timeout_seconds']);
}

/**
 * For task validation: the message for TASK_ERROR (REASON_TASK_INVALID) when a task's
 * `health_check` or `check` is invalid, else `undefined`.
 */
export function validateTaskChecks(task: { health_check?: unknown; check?: unknown }): string | undefined {
  if (task.health_check !== undefined) {
    const err = validateHealthCheck(task.health_check);
    if (err) return `Task uses an invalid health check: ${err}`;
  }
  if (task.check !== undefined) {
    const err = validateCheck(task.check);
    if (err) return `Task uses an invalid check: ${err}`;
  }
  return undefined;
}

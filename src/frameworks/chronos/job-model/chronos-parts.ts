/**
 * Readers for the nested parts of a Chronos job (`Containers.scala`, `Fetch.scala`,
 * `constraints/*.scala`, `EnvironmentVariable.scala`): container, fetch/uris, constraints and
 * environment variables, with their upstream defaults.
 * @module
 */
import type { Fields } from './fields.js';
import type { FetchUri, JobConstraint, JobContainer, JobVolume } from './types.js';

const OPERATORS = ['EQUALS', 'LIKE', 'UNLIKE'] as const;

/** `[[attribute, EQUALS|LIKE|UNLIKE, value]]`; LIKE/UNLIKE values must be regular expressions. */
export function readConstraints(f: Fields, key = 'constraints'): JobConstraint[] {
  const list = f.arr(key) ?? [];
  const out: JobConstraint[] = [];
  list.forEach((c, i) => {
    const at = `${key}[${i}]`;
    if (!Array.isArray(c) || c.length !== 3 || c.some((x) => typeof x !== 'string')) {
      f.fail(`${key}/${i}`, 'error.expected.constraint', `${at} must be [attribute, operator, value] (three strings), got ${JSON.stringify(c)}`);
      return;
    }
    const [attribute, op, value] = c as [string, string, string];
    const operator = op.toUpperCase();
    if (!(OPERATORS as readonly string[]).includes(operator)) {
      f.fail(`${key}/${i}`, 'error.unknown.operator', `${at}: unknown constraint operator '${op}' (use EQUALS, LIKE or UNLIKE)`);
      return;
    }
    if (operator !== 'EQUALS' && !validRegex(value)) {
      f.fail(`${key}/${i}`, 'error.invalid.regex', `${at}: '${value}' is not a valid regular expression`);
      return;
    }
    out.push({ attribute, operator: operator as JobConstraint['operator'], value });
  });
  return out;
}

export function validRegex(s: string): boolean {
  try {
    new RegExp(`^(?:${s})$`);
    return true;
  } catch {
    return false;
  }
}

/** `fetch: [{uri, executable, cache, extract, output_file}]`, or the deprecated `uris: [string]`. */
export function readFetch(f: Fields, name: string): FetchUri[] {
  const fetch = f.objects('fetch').map((e) => {
    const uri = e.str('uri');
    if (uri === undefined && !e.has('uri')) e.fail('uri', 'error.path.missing', `${e.path('uri').slice(1)} is required`);
    const outputFile = e.str('output_file');
    return { uri: uri ?? '', executable: e.bool('executable') ?? false, cache: e.bool('cache') ?? false, extract: e.bool('extract') ?? true, ...(outputFile ? { outputFile } : {}) };
  });
  const uris = f.strings('uris') ?? [];
  if (fetch.length > 0 && uris.length > 0) f.fail('uris', 'error.uris.and.fetch', `Tried to add both uri (deprecated) and fetch parameters on ${name}`);
  return fetch.length > 0 ? fetch : uris.map((uri) => ({ uri, executable: false, cache: false, extract: true }));
}

/** `environmentVariables: [{name, value}]`. */
export function readEnvironment(f: Fields): Array<{ name: string; value: string }> {
  return f.objects('environmentVariables').flatMap((e) => {
    const name = e.str('name');
    const value = e.str('value') ?? '';
    if (name === undefined || name === '') {
      if (!e.has('name') || name === '') e.fail('name', 'error.path.missing', `${e.path('name').slice(1)} is required`);
      return [];
    }
    return [{ name, value }];
  });
}

function readVolumes(c: Fields): JobVolume[] {
  return c.objects('volumes').flatMap((v) => {
    const containerPath = v.str('containerPath');
    if (!containerPath) {
      if (containerPath === '' || !v.has('containerPath')) v.fail('containerPath', 'error.path.missing', `${v.path('containerPath').slice(1)} is required`);
      return [];
    }
    const mode = (v.str('mode') ?? 'RW').toUpperCase();
    if (mode !== 'RO' && mode !== 'RW') v.fail('mode', 'error.expected.mode', `${v.path('mode').slice(1)} must be RO or RW, got '${mode}'`);
    const hostPath = v.str('hostPath');
    return [{ containerPath, ...(hostPath ? { hostPath } : {}), mode: mode === 'RO' ? 'RO' : 'RW' }];
  });
}

function readParameters(c: Fields): Array<{ key: string; value: string }> {
  return c.objects('parameters').flatMap((p) => {
    const key = p.str('key');
    if (!key) {
      p.fail('key', 'error.path.missing', `${p.path('key').slice(1)} is required`);
      return [];
    }
    return [{ key, value: p.str('value') ?? '' }];
  });
}

/** Chronos' flat container: `{type, image, network, networkName, volumes, forcePullImage, parameters}`. */
export function readChronosContainer(f: Fields): JobContainer | undefined {
  const c = f.obj('container');
  if (!c) return undefined;
  const type = (c.str('type') ?? 'DOCKER').toUpperCase();
  if (type !== 'DOCKER' && type !== 'MESOS') c.fail('type', 'error.expected.container.type', `container.type must be DOCKER or MESOS, got '${type}'`);
  const image = c.str('image');
  if (!image) c.fail('image', 'error.path.missing', 'container.image is required');
  const network = (c.str('network') ?? 'HOST').toUpperCase();
  if (!['HOST', 'BRIDGE', 'USER'].includes(network)) c.fail('network', 'error.expected.network', `container.network must be HOST, BRIDGE or USER, got '${network}'`);
  const networkName = c.str('networkName');
  return {
    type: type === 'MESOS' ? 'MESOS' : 'DOCKER',
    image: image ?? '',
    network: network as JobContainer['network'],
    ...(networkName ? { networkName } : {}),
    volumes: readVolumes(c),
    forcePullImage: c.bool('forcePullImage') ?? false,
    privileged: c.bool('privileged') ?? false,
    parameters: readParameters(c),
  };
}

export { readParameters, readVolumes };

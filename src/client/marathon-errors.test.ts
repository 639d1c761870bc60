import { describe, expect, it } from 'vitest';
import { lockingDeployments, renderDetails, wordMarathonError } from './marathon-errors.js';

const at = { method: 'POST', path: '/v2/apps', origin: 'http://m:8080' };

describe('renderDetails', () => {
  it('one "  /path: error" line per error, in order', () => {
    expect(
      renderDetails([
        { path: '/id', errors: ['must not be empty', 'must be a path'] },
        { path: '/upgradeStrategy/minimumHealthCapacity', errors: ['is greater than 1'] },
      ]),
    ).toEqual(['  /id: must not be empty', '  /id: must be a path', '  /upgradeStrategy/minimumHealthCapacity: is greater than 1']);
  });
  it('an empty path is the object itself; junk entries are skipped', () => {
    expect(renderDetails([{ path: '', errors: ['AppDefinition must either contain one of cmd or args'] }, null, 7])).toEqual([
      '  /: AppDefinition must either contain one of cmd or args',
    ]);
    expect(renderDetails('nope')).toEqual([]);
    expect(renderDetails([{ path: '/x' }])).toEqual(['  /x: (no reason given)']);
  });
});

describe('wordMarathonError', () => {
  it('422: message, the detail lines, and a hint to fix the fields', () => {
    const body = JSON.stringify({ message: 'Object is not valid', details: [{ path: '/mem', errors: ['got -1, expected 0 or more'] }] });
    const w = wordMarathonError({ ...at, status: 422, body });
    expect(w.message).toBe('Marathon at http://m:8080 answered 422 to POST /v2/apps: Object is not valid\n  /mem: got -1, expected 0 or more');
    expect(w.hint).toBe('fix the field listed above and run the command again');
  });

  it('400 invalid JSON keeps its details too', () => {
    const body = JSON.stringify({ message: 'Invalid JSON', details: [{ path: '/instances', errors: ['error.expected.jsnumber'] }, { path: '/id', errors: ['error.path.missing'] }] });
    const w = wordMarathonError({ ...at, status: 400, body });
    expect(w.message.split('\n')).toEqual([
      'Marathon at http://m:8080 answered 400 to POST /v2/apps: Invalid JSON',
      '  /instances: error.expected.jsnumber',
      '  /id: error.path.missing',
    ]);
    expect(w.hint).toMatch(/fields listed above/);
  });

  it('409 locked names the deployment and how to get past it', () => {
    const body = JSON.stringify({ message: 'App is locked by one or more deployments.', deployments: [{ id: '97c1' }] });
    expect(lockingDeployments(JSON.parse(body))).toEqual(['97c1']);
    const w = wordMarathonError({ ...at, method: 'PUT', path: '/v2/apps/test', status: 409, body });
    expect(w.message).toBe('Marathon at http://m:8080 answered 409 to PUT /v2/apps/test: the app is locked by deployment 97c1');
    expect(w.hint).toBe('wait for it (`tsmesos app deployments`), roll it back with `tsmesos app rollback 97c1`, or repeat with --force');
  });

  it('409 exists, 404 unknown app, 503 no leader each get their own hint', () => {
    expect(wordMarathonError({ ...at, status: 409, body: '{"message":"An app with id [/x] already exists."}' }).hint).toMatch(/tsmesos app update/);
    const nf = wordMarathonError({ ...at, method: 'GET', path: '/v2/apps/x', status: 404, body: '{"message":"App \'/x\' does not exist"}' });
    expect(nf.message).toBe("Marathon at http://m:8080 answered 404 to GET /v2/apps/x: App '/x' does not exist");
    expect(nf.hint).toBe('see `tsmesos app list` for the apps Marathon knows');
    expect(wordMarathonError({ ...at, status: 503, body: '{"message":"Could not determine the current leader"}' }).hint).toMatch(/no leader/);
  });

  it('a body that is not Marathon JSON suggests a wrong address', () => {
    const w = wordMarathonError({ ...at, method: 'GET', path: '/v2/apps', status: 404, body: '<html>Not Found</html>' });
    expect(w.message).toBe('Marathon at http://m:8080 answered 404 to GET /v2/apps: <html>Not Found</html>');
    expect(w.hint).toBe('is that address really Marathon? check --marathon');
  });

  it('Metronome wording for jobs', () => {
    const w = wordMarathonError({ ...at, path: '/v1/jobs', status: 422, body: '{"message":"Object is not valid","details":[{"path":"/run/mem","errors":["is less than than 32"]}]}' }, 'Metronome API', 'job');
    expect(w.message).toContain('Metronome API at http://m:8080 answered 422');
    expect(w.message).toContain('\n  /run/mem: is less than than 32');
  });
});

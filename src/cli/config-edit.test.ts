import TOML from '@iarna/toml';
import { describe, expect, it } from 'vitest';
import { editText, parseKey, parseValue, validate, withValue } from './config-edit.js';
import { UsageError, UserError } from './errors.js';

/** What `config set` writes for `key = raw` into `text`. */
function set(text: string, key: string, raw: string): string {
  const path = parseKey(key);
  const data = TOML.parse(text) as Record<string, unknown>;
  const value = parseValue(raw);
  validate(path, value, data);
  return editText(text, path, value, withValue(data, path, value));
}

describe('config set editing', () => {
  it('reads TOML literals as such and anything else as a string', () => {
    expect([parseValue('5'), parseValue('1.5'), parseValue('true'), parseValue('["a", "b"]'), parseValue('"q"')]).toEqual([5, 1.5, true, ['a', 'b'], 'q']);
    expect([parseValue('10.0.0.1:5050'), parseValue('2secs'), parseValue('5', true)]).toEqual(['10.0.0.1:5050', '2secs', '5']);
  });

  it('refuses keys that are not dotted names (usage error)', () => {
    for (const k of ['', 'a..b', '.a', 'a b', 'a=b']) expect(() => parseKey(k)).toThrow(UsageError);
    expect(parseKey('master.zookeeper.path')).toEqual(['master', 'zookeeper', 'path']);
  });

  it('replaces a key where it stands, keeping comments and the rest of the layout', () => {
    const text = '# cluster lab\n[master]\n# the leader\n  address = "1.2.3.4:5050" # old\nallocation_interval = "2secs"\n\n[agent]\ntimeout = 5\n';
    expect(set(text, 'master.address', '10.0.0.9:5050')).toBe(text.replace('  address = "1.2.3.4:5050" # old', '  address = "10.0.0.9:5050"'));
  });

  it('adds a key at the end of its table, a new table at the end, a top-level key before the first table', () => {
    const text = '[master]\naddress = "a:1"\n\n[agent]\ntimeout = 5\n';
    expect(set(text, 'master.port', '5050')).toBe('[master]\naddress = "a:1"\nport = 5050\n\n[agent]\ntimeout = 5\n');
    expect(set(text, 'agent.principal', 'ops')).toBe('[master]\naddress = "a:1"\n\n[agent]\ntimeout = 5\nprincipal = "ops"\n');
    expect(set('[master]\naddress = "a:1"\n', 'master.zk_session_timeout', '10secs')).toBe('[master]\naddress = "a:1"\nzk_session_timeout = "10secs"\n');
    expect(set('# only a comment\n', 'agent.timeout', '3')).toBe('# only a comment\n\n[agent]\ntimeout = 3\n');
    expect(set('[agent]\ntimeout = 5\n', 'plugins', '["/p"]')).toBe('plugins = ["/p"]\n[agent]\ntimeout = 5\n');
    expect(set('', 'master.address', 'm:5050')).toBe('[master]\naddress = "m:5050"\n');
  });

  it('falls back to writing the whole file when an in-place edit would be wrong', () => {
    const inline = 'master = { address = "a:1" }\n';
    expect(TOML.parse(set(inline, 'master.address', 'b:2'))).toEqual({ master: { address: 'b:2' } });
    const multiline = '[master.zookeeper]\naddresses = [\n  "a:2181",\n]\npath = "/mesos"\n';
    const out = set(multiline, 'master.zookeeper.addresses', '["b:2181"]');
    expect(TOML.parse(out)).toEqual({ master: { zookeeper: { addresses: ['b:2181'], path: '/mesos' } } });
  });

  it('checks the upstream CLI keys: address syntax, zookeeper path and list, agent timeout and ssl', () => {
    expect(() => set('', 'master.address', 'zk://a:2181/mesos')).toThrow(expect.objectContaining({ message: expect.stringMatching(/unsupported scheme zk/), hint: expect.stringMatching(/master.zookeeper.addresses/) }));
    expect(() => set('', 'master.address', '5')).toThrow(/must be a string/);
    expect(() => set('', 'master.zookeeper.path', '/')).toThrow(UsageError);
    expect(() => set('', 'master.zookeeper.addresses', '[]')).toThrow(/non-empty list/);
    expect(() => set('', 'agent.timeout', '1.5')).toThrow(/whole number of seconds/);
    expect(() => set('', 'agent.ssl', 'yes')).toThrow(/true or false/);
    expect(set('', 'master.cluster', 'lab')).toBe('[master]\ncluster = "lab"\n'); // daemon flags pass unchecked
  });

  it('refuses address and zookeeper together, and a value where a table is (and vice versa)', () => {
    const e = (() => {
      try {
        set('[master.zookeeper]\npath = "/mesos"\n', 'master.address', 'a:5050');
      } catch (x) {
        return x as UserError;
      }
    })();
    expect(e).toBeInstanceOf(UserError);
    expect(e).not.toBeInstanceOf(UsageError);
    expect(e?.message).toMatch(/already sets master.zookeeper/);
    expect(() => set('[master]\naddress = "a:1"\n', 'master.zookeeper.path', '/m')).toThrow(/already sets master.address/);
    expect(() => set('[master]\naddress = "a:1"\n', 'master', '5')).toThrow(/master is a table/);
    expect(() => set('[master]\naddress = "a:1"\n', 'master.address.x', '5')).toThrow(/master.address is "a:1" in the config file, not a table/);
  });
});

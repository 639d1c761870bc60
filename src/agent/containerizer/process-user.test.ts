import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chownTree, lookupUser, parsePasswd } from './process-user.js';

describe('users', () => {
  it('parses passwd(5), skipping comments and junk', () => {
    const m = parsePasswd('root:x:0:0:root:/root:/bin/bash\n# c:x:1:1::/:/\nbroken\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
    expect([...m.keys()]).toEqual(['root', 'nobody']);
    expect(m.get('nobody')).toEqual({ name: 'nobody', uid: 65534, gid: 65534, home: '/nonexistent' });
  });

  it('looks users up and explains an unknown one', async () => {
    expect((await lookupUser('nobody')).uid).toBe(65534);
    await expect(lookupUser('no-such-user-tsmesos')).rejects.toThrow("Failed to get user information for 'no-such-user-tsmesos'");
  });

  it.runIf(process.getuid?.() === 0)('chowns a sandbox tree without following links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsmesos-chown-'));
    const outside = mkdtempSync(join(tmpdir(), 'tsmesos-outside-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'f'), '');
      symlinkSync(outside, join(dir, 'link'));
      await chownTree(dir, 65534, 65534);
      expect(statSync(join(dir, 'sub', 'f')).uid).toBe(65534);
      expect(statSync(outside).uid).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

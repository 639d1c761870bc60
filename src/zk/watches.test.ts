import { describe, expect, it } from 'vitest';
import { DataTree } from './tree.js';
import { WatchManager, type Watcher } from './watches.js';
import { EventType } from './wire/protocol.js';

const w = (id: number): Watcher => ({ watcherId: id });

describe('WatchManager', () => {
  it('fires once per watch, then forgets it', () => {
    const m = new WatchManager<Watcher>();
    const a = w(1);
    m.data.add('/x', a);
    expect(m.fire([{ type: EventType.NodeDataChanged, path: '/x', target: 'data' }])).toEqual([{ watcher: a, type: EventType.NodeDataChanged, path: '/x' }]);
    expect(m.fire([{ type: EventType.NodeDataChanged, path: '/x', target: 'data' }])).toEqual([]);
    expect(m.count).toBe(0);
  });

  it('a delete notifies a watcher of both data and children once', () => {
    const m = new WatchManager<Watcher>();
    const a = w(1);
    const b = w(2);
    m.data.add('/x', a);
    m.child.add('/x', a);
    m.child.add('/x', b);
    const out = m.fire([{ type: EventType.NodeDeleted, path: '/x', target: 'both' }]);
    expect(out.map((d) => d.watcher.watcherId)).toEqual([1, 2]);
  });

  it('child triggers do not fire data watches and vice versa', () => {
    const m = new WatchManager<Watcher>();
    m.data.add('/p', w(1));
    expect(m.fire([{ type: EventType.NodeChildrenChanged, path: '/p', target: 'child' }])).toEqual([]);
    m.child.add('/q', w(2));
    expect(m.fire([{ type: EventType.NodeCreated, path: '/q', target: 'data' }])).toEqual([]);
    expect(m.count).toBe(2);
  });

  it('dropping a watcher (its connection closed) removes all its watches', () => {
    const m = new WatchManager<Watcher>();
    const a = w(1);
    m.data.add('/x', a);
    m.child.add('/y', a);
    m.dropWatcher(a);
    expect(m.count).toBe(0);
    expect(m.fire([{ type: EventType.NodeDeleted, path: '/x', target: 'both' }])).toEqual([]);
  });

  it('setWatches re-registers unchanged paths and fires for changes after relativeZxid', () => {
    const tree = new DataTree();
    tree.createNode('/same', Buffer.alloc(0), [], 0n, 0, 5, 0);
    tree.createNode('/changed', Buffer.alloc(0), [], 0n, 1, 6, 0);
    tree.setData('/changed', Buffer.from('x'), 1, 9, 0);
    const m = new WatchManager<Watcher>();
    const a = w(1);
    const fired = m.setWatches(tree, a, 7, ['/same', '/changed', '/gone'], ['/same', '/absent'], ['/same']);
    expect(fired.map((d) => [d.type, d.path])).toEqual([
      [EventType.NodeDataChanged, '/changed'],
      [EventType.NodeDeleted, '/gone'],
      [EventType.NodeCreated, '/same'],
    ]);
    expect(m.data.pathsOf(a).sort()).toEqual(['/absent', '/same']);
    expect(m.child.pathsOf(a)).toEqual(['/same']);
  });
});

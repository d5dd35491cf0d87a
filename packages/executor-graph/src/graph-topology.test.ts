import { describe, expect, it } from 'vitest';
import type { GraphConfig } from './graph-config.js';
import { GraphTopology } from './graph-topology.js';

const node = { agent: 'a' };

describe('GraphTopology', () => {
  it('follows only the first edge of a node', () => {
    const topology = new GraphTopology({
      nodes: { a: node, b: node, c: node },
      edges: [
        { from: 'a', to: ['b'] },
        { from: 'a', to: ['c'] },
      ],
    } as GraphConfig);
    expect(topology.successors('a')).toEqual(['b']);
    expect([...topology.reachable()]).toEqual(['a', 'b']);
  });

  it('continues from the last target of a parallel to, after every target has run', () => {
    const topology = new GraphTopology({
      nodes: { start: node, x: node, y: node, end: node },
      edges: [
        { from: 'start', to: ['x', 'y'] },
        { from: 'y', to: ['end'] },
      ],
    } as GraphConfig);
    expect(topology.continuations('start')).toEqual(['y']);
    expect(topology.ranBefore('end')).toEqual(['start', 'x', 'y']);
    // Targets running together never see each other.
    expect(topology.ranBefore('y')).toEqual(['start']);
  });

  it('knows where a run can stop and which nodes are trapped in a cycle', () => {
    const topology = new GraphTopology({
      nodes: { a: node, b: node, c: node },
      edges: [
        { from: 'a', choose: [{ when: 'x', to: 'b' }] },
        { from: 'b', to: ['c'] },
        { from: 'c', choose: [{ when: 'else', to: 'b' }] },
      ],
    } as GraphConfig);
    expect(topology.canStop('a')).toBe(true);
    expect(topology.canStop('c')).toBe(false);
    expect(topology.trapped().trapped).toEqual(['b', 'c']);
    // A node in a loop has run before itself; one outside never has.
    expect(topology.ranBefore('b')).toEqual(['a', 'b', 'c']);
    expect(topology.ranBefore('a')).toEqual([]);
  });
});

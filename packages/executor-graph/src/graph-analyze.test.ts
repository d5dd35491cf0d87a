import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './graph-analyze.js';
import type { GraphConfig } from './graph-config.js';

const agent = (input?: string) => ({ agent: 'writer', ...(input === undefined ? {} : { input }) });

describe('analyzeGraph', () => {
  it('draws conditions as edge labels and marks a parallel `to`', () => {
    const analysis = analyzeGraph({
      nodes: { a: agent(), b: agent(), c: agent() },
      edges: [
        { from: 'a', choose: [{ when: "{{ 'x' in nodes.a.response }}", to: 'b' }] },
        { from: 'b', to: ['a', 'c'] },
      ],
    } as GraphConfig);
    expect(analysis.issues.map((issue) => issue.code)).toEqual(['parallel-targets']);
    expect(analysis.graph.edges).toEqual([
      { from: 'a', to: 'b', label: "'x' in nodes.a.response" },
      { from: 'b', to: 'a', label: 'in parallel' },
      { from: 'b', to: 'c', label: 'in parallel, then continues here' },
    ]);
  });

  it('puts each condition in the template check with every node visible, and refuses tag delimiters', () => {
    const analysis = analyzeGraph({
      nodes: { review: agent(), done: agent() },
      edges: [
        {
          from: 'review',
          choose: [
            { when: 'nodes.revew.response', to: 'done' },
            { when: "'x' %}{{ 1", to: 'done' },
            { when: 'else', to: 'review' },
          ],
        },
      ],
    } as GraphConfig);
    const site = analysis.templates.find(
      (entry) => entry.pointer === '/pattern/config/edges/0/choose/0/when',
    );
    expect(site?.template).toBe('{{nodes.revew.response}}');
    expect(Object.keys(site?.scope.nodes as object)).toEqual(['review', 'done']);
    expect(site?.hint).toContain('did you mean');
    expect(analysis.issues).toEqual([
      expect.objectContaining({ pointer: '/pattern/config/edges/0/choose/1/when', code: 'template' }),
    ]);
  });

  it('lets a node template read only nodes that may have run before it', () => {
    const analysis = analyzeGraph({
      nodes: { a: agent('{{ nodes.a.response }}'), b: agent(), c: agent() },
      edges: [
        { from: 'a', to: ['b'] },
        {
          from: 'b',
          choose: [
            { when: 'nodes.b.iteration < 2', to: 'b' },
            { when: 'else', to: 'c' },
          ],
        },
      ],
    } as GraphConfig);
    const scopeOf = (id: string) =>
      Object.keys(
        analysis.templates.find((site) => site.pointer === `/pattern/config/nodes/${id}/input`)?.scope
          .nodes as object,
      );
    expect(scopeOf('a')).toEqual([]);
    const b = analyzeGraph({
      nodes: { a: agent(), b: agent('{{ nodes.b.response }}'), c: agent('{{ nodes.a.response }}') },
      edges: [
        { from: 'a', to: ['b'] },
        {
          from: 'b',
          choose: [
            { when: 'nodes.b.iteration < 2', to: 'b' },
            { when: 'else', to: 'c' },
          ],
        },
      ],
    } as GraphConfig);
    const visible = (id: string) =>
      Object.keys(
        b.templates.find((site) => site.pointer === `/pattern/config/nodes/${id}/input`)?.scope
          .nodes as object,
      );
    expect(visible('b')).toEqual(['a', 'b']);
    expect(visible('c')).toEqual(['a', 'b']);
  });

  it('reports unreachable nodes, a graph with no terminal node and nodes that never leave a cycle', () => {
    const unreachable = analyzeGraph({
      nodes: { a: agent(), b: agent(), lost: agent() },
      edges: [{ from: 'a', to: ['b'] }],
    } as GraphConfig);
    expect(unreachable.issues).toEqual([
      expect.objectContaining({ pointer: '/pattern/config/nodes/lost', code: 'unreachable' }),
    ]);
    const endless = analyzeGraph({
      nodes: { a: agent(), b: agent() },
      edges: [
        { from: 'a', to: ['b'] },
        { from: 'b', to: ['a'] },
      ],
    } as GraphConfig);
    expect(endless.issues.map((issue) => issue.code)).toEqual(['no-terminal']);
    const trapped = analyzeGraph({
      nodes: { start: agent(), a: agent(), b: agent(), end: agent() },
      edges: [
        {
          from: 'start',
          choose: [
            { when: 'nodes.start.response', to: 'a' },
            { when: 'else', to: 'end' },
          ],
        },
        { from: 'a', to: ['b'] },
        { from: 'b', choose: [{ when: 'else', to: 'a' }] },
      ],
    } as GraphConfig);
    expect(trapped.issues).toEqual([
      expect.objectContaining({ pointer: '/pattern/config/edges/1', code: 'endless-loop' }),
      expect.objectContaining({ pointer: '/pattern/config/edges/2', code: 'endless-loop' }),
    ]);
  });

  it('reports edges to unknown nodes', () => {
    const analysis = analyzeGraph({
      nodes: { a: agent() },
      edges: [{ from: 'a', to: ['ghost'] }],
    } as GraphConfig);
    expect(analysis.issues).toEqual([
      expect.objectContaining({ pointer: '/pattern/config/edges/0/to/0', code: 'reference' }),
    ]);
  });
});

describe('analyzeGraph: edges that run differently than they read', () => {
  it('warns (without failing validate) about a multi-target `to` and about a second edge from one node', () => {
    const analysis = analyzeGraph({
      nodes: { a: agent(), b: agent(), c: agent() },
      edges: [
        { from: 'a', to: ['b', 'c'] },
        { from: 'a', to: ['c'] },
      ],
    } as GraphConfig);
    expect(analysis.issues.map((issue) => [issue.code, issue.severity, issue.pointer])).toEqual([
      ['parallel-targets', 'warning', '/pattern/config/edges/0/to'],
      ['unused-edge', 'warning', '/pattern/config/edges/1/from'],
    ]);
    expect(analysis.issues[0]?.message).toContain('run in parallel after `a`');
  });
});

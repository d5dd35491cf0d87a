import { describe, expect, it } from 'vitest';
import { TaskAncestry } from './workflow-ancestry.js';
import type { WorkflowTask } from './workflow-config.js';

const task = (id: string, deps: string[] = []): WorkflowTask => ({ id, agent: 'a', deps });
const chain = (length: number) =>
  Array.from({ length }, (_, i) => task(`t${i}`, i === 0 ? [] : [`t${i - 1}`]));

describe('TaskAncestry', () => {
  const diamond = new TaskAncestry([
    task('merge', ['left', 'right']),
    task('collect'),
    task('left', ['collect']),
    task('right', ['collect']),
    task('alone'),
  ]);

  it('answers membership and lists ancestors in spec order', () => {
    expect(diamond.list('merge')).toEqual(['collect', 'left', 'right']);
    expect(diamond.list('left')).toEqual(['collect']);
    expect(diamond.list('collect')).toEqual([]);
    expect(diamond.has('collect', 'merge')).toBe(true);
    expect(diamond.has('right', 'left')).toBe(false);
    expect(diamond.has('alone', 'merge')).toBe(false);
    expect(diamond.has('ghost', 'merge')).toBe(false);
  });

  it('gives a read-only view that holds exactly the ancestors', () => {
    const view = diamond.view('merge', (id) => `<${id}>`);
    expect(Object.keys(view)).toEqual(['collect', 'left', 'right']);
    expect({ ...view }).toEqual({ collect: '<collect>', left: '<left>', right: '<right>' });
    expect(view.alone).toBeUndefined();
    expect('left' in view).toBe(true);
    expect(Object.hasOwn(view, 'alone')).toBe(false);
    expect(() => Object.assign(view, { alone: 'x' })).toThrow(TypeError);
  });

  it('keeps one run per task for a 20,000-task chain, so the answers stay small', () => {
    const ancestry = new TaskAncestry(chain(20_000));
    expect(ancestry.has('t0', 't19999')).toBe(true);
    expect(ancestry.has('t19999', 't0')).toBe(false);
    expect(ancestry.list('t19999')).toHaveLength(19_999);
    expect(Object.keys(ancestry.view('t3', () => 0))).toEqual(['t0', 't1', 't2']);
  });

  it('still answers when the graph has a cycle (reported elsewhere)', () => {
    const cyclic = new TaskAncestry([task('a', ['c']), task('b', ['a']), task('c', ['b']), task('d', ['c'])]);
    expect(cyclic.list('d')).toEqual(['a', 'b', 'c']);
    expect(cyclic.list('a')).toEqual(['b', 'c']);
    expect(cyclic.has('b', 'a')).toBe(true);
    expect(cyclic.has('d', 'a')).toBe(false);
  });
});

import { RuntimeFailure } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { runReadyQueue } from './workflow-ready-queue.js';

const never = new AbortController().signal;

describe('runReadyQueue', () => {
  it('returns results keyed by id in the given order', async () => {
    const results = await runReadyQueue(
      [
        { id: 'b', deps: ['a'] },
        { id: 'a', deps: [] },
      ],
      async (node) => node.id.toUpperCase(),
      never,
    );
    expect([...results]).toEqual([
      ['b', 'B'],
      ['a', 'A'],
    ]);
  });

  it('hands runNode each node object as given, with whatever data the caller put on it', async () => {
    const nodes = [
      { id: 'second', deps: ['first'], position: 1 },
      { id: 'first', deps: [], position: 0 },
    ];
    const seen: unknown[] = [];
    const results = await runReadyQueue(
      nodes,
      async (node) => {
        seen.push(node);
        return node.position;
      },
      never,
    );
    expect(seen).toEqual([nodes[1], nodes[0]]);
    expect(seen[0]).toBe(nodes[1]);
    expect([...results]).toEqual([
      ['second', 1],
      ['first', 0],
    ]);
  });

  it('runs a node only after every one of its dependencies', async () => {
    const order: string[] = [];
    await runReadyQueue(
      [
        { id: 'join', deps: ['left', 'right'] },
        { id: 'left', deps: [] },
        { id: 'right', deps: ['left'] },
      ],
      async (node) => {
        order.push(`start ${node.id}`);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`end ${node.id}`);
      },
      never,
    );
    expect(order).toEqual(['start left', 'end left', 'start right', 'end right', 'start join', 'end join']);
  });

  it('does not start waiting nodes after a failure and rethrows the first error', async () => {
    const started: string[] = [];
    const boom = new Error('boom');
    const run = runReadyQueue(
      [
        { id: 'fails', deps: [] },
        { id: 'child', deps: ['fails'] },
        { id: 'ok', deps: [] },
        { id: 'after_ok', deps: ['ok'] },
      ],
      async (node) => {
        started.push(node.id);
        if (node.id === 'fails') throw boom;
        await new Promise((resolve) => setImmediate(resolve));
      },
      never,
    );
    await expect(run).rejects.toBe(boom);
    expect(started).toEqual(['fails', 'ok']);
  });

  it.each([
    [[{ id: 'a', deps: ['ghost'] }], "Task 'a' depends on unknown task 'ghost'"],
    [[{ id: 'a', deps: ['a'] }], "Cycle detected in task dependencies among: 'a'"],
    [
      [
        { id: 'a', deps: [] },
        { id: 'a', deps: [] },
      ],
      "Task id 'a' is used more than once",
    ],
  ])('rejects a malformed graph before running anything (%#)', async (nodes, message) => {
    let calls = 0;
    const run = runReadyQueue(nodes, async () => calls++, never);
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.toBeInstanceOf(RuntimeFailure);
    expect(calls).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

describe('Semaphore', () => {
  it('grants at most limit holders and hands slots over in order', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    const releaseA = await semaphore.acquire();
    const releaseB = await semaphore.acquire();
    const third = semaphore.acquire().then((release) => {
      order.push(3);
      return release;
    });
    const fourth = semaphore.acquire().then((release) => {
      order.push(4);
      return release;
    });
    expect(semaphore.active).toBe(2);
    releaseA();
    releaseA();
    (await third)();
    releaseB();
    (await fourth)();
    expect(order).toEqual([3, 4]);
    expect(semaphore.active).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    release();
    expect(semaphore.active).toBe(0);
    const again = await semaphore.acquire();
    expect(semaphore.active).toBe(1);
    again();
  });
});

import { describe, expect, it } from 'vitest';
import { createLazyTransport } from './lazy-transport.js';

/** A transport double counting opens and closes. */
function counting(fail = false) {
  const counts = { opens: 0, closes: 0 };
  const transport = createLazyTransport({
    providerId: 'demo',
    displayName: 'Demo',
    open: async () => {
      counts.opens += 1;
      if (fail) throw new Error('cannot open');
      return {
        id: counts.opens,
        close: () => {
          counts.closes += 1;
        },
      };
    },
  });
  return { transport, counts };
}

describe('createLazyTransport', () => {
  it('opens nothing until the first call, then shares one transport', async () => {
    const { transport, counts } = counting();
    expect(counts.opens).toBe(0);
    const [first, second] = await Promise.all([transport.get('m'), transport.get()]);
    expect(first).toBe(second);
    expect(counts.opens).toBe(1);
  });

  it('closes an opened transport once, and then refuses calls naming the model', async () => {
    const { transport, counts } = counting();
    await transport.get();
    await Promise.all([transport.close(), transport.close()]);
    expect(counts.closes).toBe(1);
    await expect(transport.get('m1')).rejects.toMatchObject({
      name: 'ProviderCallError',
      providerId: 'demo',
      kind: 'aborted',
      modelId: 'm1',
      message: 'This Demo client is closed',
    });
    expect(counts.opens).toBe(1);
  });

  it('waits for a transport still opening before closing it', async () => {
    const { transport, counts } = counting();
    const opening = transport.get();
    await transport.close();
    await opening;
    expect(counts.closes).toBe(1);
  });

  it('closes without opening when never used, and after a failed open', async () => {
    const unused = counting();
    await unused.transport.close();
    expect(unused.counts).toEqual({ opens: 0, closes: 0 });
    const broken = counting(true);
    await expect(broken.transport.get()).rejects.toThrow('cannot open');
    await expect(broken.transport.close()).resolves.toBeUndefined();
  });
});

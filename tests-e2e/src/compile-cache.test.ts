import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { afterEach, describe, expect, it } from 'vitest';

// Node >= 22.1 has module.enableCompileCache; CI runs this file on Node 20, 22 and 24.
// (@types/node is pinned to Node 20's API, which lacks it: hence the widened type.)
const nodeModule = process.getBuiltinModule('node:module') as { enableCompileCache?: unknown };
const nodeHasCompileCache = typeof nodeModule.enableCompileCache === 'function';

describe("Node's compile cache", () => {
  let home: string | undefined;
  afterEach(async () => {
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('is kept in the user cache folder where Node has one, never elsewhere', async () => {
    home = await mkdtemp(join(tmpdir(), 'strands-e2e-home-'));
    const cache = join(home, 'cache');
    const result = await runCli(['list-supported'], { env: { HOME: home, XDG_CACHE_HOME: cache } });
    expect(result.code).toBe(0);
    const folder = join(cache, 'strands-cli', 'node-compile-cache');
    if (nodeHasCompileCache) {
      // One subfolder per Node version, holding the compiled bundle.
      expect((await readdir(folder)).some((name) => name.startsWith(process.version))).toBe(true);
    } else {
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('stays off when the user turns it off', async () => {
    home = await mkdtemp(join(tmpdir(), 'strands-e2e-home-'));
    const cache = join(home, 'cache');
    const result = await runCli(['list-supported'], {
      env: { HOME: home, XDG_CACHE_HOME: cache, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(result.code).toBe(0);
    expect(existsSync(join(cache, 'strands-cli'))).toBe(false);
  });
});

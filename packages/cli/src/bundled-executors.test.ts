import chain from '@strands-cli/executor-chain';
import { describe, expect, it } from 'vitest';
import { bundledExecutors, useBundledExecutors } from './bundled-executors.js';
import { pluginSearchPath } from './commands/run-setup.js';
import { processIO } from './io.js';
import { pluginSources } from './spec/load-for-command.js';

describe('bundled executors', () => {
  it('are handed to the plugin loader once the bundled entry registers them', () => {
    const io = processIO();
    expect(bundledExecutors()).toBeUndefined();
    expect(pluginSources('spec.yaml', io).executors).toBeUndefined();
    expect(pluginSearchPath('spec.yaml', io.cwd).executors).toBeUndefined();

    const executors = { chain } as Parameters<typeof useBundledExecutors>[0];
    useBundledExecutors(executors);
    expect(pluginSources('spec.yaml', io).executors).toBe(executors);
    expect(pluginSearchPath('spec.yaml', io.cwd).executors).toBe(executors);
    expect(pluginSearchPath(undefined, io.cwd).searchFrom.length).toBeGreaterThan(0);
  });
});

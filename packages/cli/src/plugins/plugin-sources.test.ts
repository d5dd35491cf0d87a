import chain from '@strands-cli/executor-chain';
import { describe, expect, it } from 'vitest';
import { processIO } from '../io.js';
import { cliPackageDirectory, pluginSources } from './plugin-sources.js';

describe('pluginSources', () => {
  it('searches next to the spec, then the working directory, then the CLI install', () => {
    const io = { ...processIO(), cwd: '/work/project' };
    expect(pluginSources('specs/a.yaml', io)).toEqual({
      searchFrom: ['/work/project/specs', '/work/project', cliPackageDirectory],
    });
    expect(pluginSources(undefined, io).searchFrom).toEqual(['/work/project', cliPackageDirectory]);
  });

  it('hands over the executors the program was given as instances', () => {
    const executors = { chain } as NonNullable<ReturnType<typeof processIO>['executors']>;
    const io = { ...processIO(), executors };
    expect(pluginSources('spec.yaml', io).executors).toBe(executors);
  });
});

import { ExitCode } from '@strands-cli/core/spec';
import { describe, expect, it } from 'vitest';
import { EngineNotInstalledError, enginePackageName } from './database-run.js';

describe('EngineNotInstalledError', () => {
  it('names the package and how to install it (exit 18)', () => {
    const error = new EngineNotInstalledError();
    expect(EngineNotInstalledError.isInstance(error)).toBe(true);
    expect(error.exitCode).toBe(ExitCode.unsupported);
    expect(error.message).toContain(enginePackageName);
    expect(error.hint).toContain(`pnpm add ${enginePackageName}`);
  });
});

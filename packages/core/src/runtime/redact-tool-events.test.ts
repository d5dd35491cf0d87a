import { describe, expect, it } from 'vitest';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import { redactingListener } from './redact-run-output.js';
import type { RunEvent } from './run-events.js';

const secret = 'sk-tool-event-secret-98765';
const base = {
  elapsedMs: 1,
  step: { kind: 'step', label: 'step 1', pointer: '/s/0' },
  agentId: 'a',
  invocation: 1,
};

describe('tool events seen by listeners', () => {
  it('carry the arguments and result with the run’s secrets replaced', () => {
    const seen: RunEvent[] = [];
    const listener = redactingListener((event) => seen.push(event), createSecretRedactor([secret]));
    listener?.({
      ...base,
      type: 'tool-start',
      tool: 't',
      callId: 'c',
      arguments: { header: `Bearer ${secret}`, n: 1 },
    });
    listener?.({
      ...base,
      type: 'tool-end',
      tool: 't',
      callId: 'c',
      ok: true,
      durationMs: 1,
      result: `got ${secret}`,
    });
    expect(seen[0]).toMatchObject({ arguments: { header: 'Bearer [REDACTED]', n: 1 } });
    expect(seen[1]).toMatchObject({ result: 'got [REDACTED]' });
  });
});

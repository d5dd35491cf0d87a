import { describe, expect, it } from 'vitest';
import { createContentRedactor } from './content-redactor.js';
import { Marker } from './pii-rules.js';

describe('createContentRedactor', () => {
  it('masks inputs by default and leaves outputs as they are (strands-cli defaults)', () => {
    const redactor = createContentRedactor(undefined);
    expect(redactor.input('mail a@b.io')).toBe(`mail ${Marker.email}`);
    expect(redactor.output('mail a@b.io')).toBe('mail a@b.io');
  });

  it('masks outputs with tool_outputs and leaves inputs with tool_inputs: false', () => {
    const redactor = createContentRedactor({ tool_inputs: false, tool_outputs: true });
    expect(redactor.input('mail a@b.io')).toBe('mail a@b.io');
    expect(redactor.output('mail a@b.io')).toBe(`mail ${Marker.email}`);
  });

  it('serialises structured arguments with secret-like members masked', () => {
    const redactor = createContentRedactor({});
    expect(JSON.parse(redactor.input({ query: 'weather', auth: { accessToken: 'abc', ttl: 5 } }))).toEqual({
      query: 'weather',
      auth: { accessToken: Marker.secret, ttl: 5 },
    });
  });

  it('applies custom patterns on the linear-time engine, whatever the other rules say', () => {
    const redactor = createContentRedactor({
      tool_inputs: false,
      custom_patterns: ['ACME-[0-9]{6}', '(a+)+$'],
    });
    expect(redactor.input('id ACME-123456 and ACME-654321')).toBe(`id ${Marker.custom} and ${Marker.custom}`);
    const hostile = `${'a'.repeat(5000)}!`;
    expect(redactor.output(hostile)).toBe(hostile);
  });
});

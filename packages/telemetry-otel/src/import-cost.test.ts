import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@strands-cli/test-servers/import-probe';
import { describe, expect, it } from 'vitest';

describe('importing @strands-cli/telemetry-otel', () => {
  it('loads no OpenTelemetry package until a run exports spans (--trace alone stays cheap)', async () => {
    const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(loaded.some((url) => url.includes('/telemetry-otel/dist/'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@opentelemetry'))).toEqual([]);
  });
});

describe('importing @strands-cli/telemetry-otel/report', () => {
  it('loads the report alone: no OpenTelemetry package, no recorder', async () => {
    const entry = fileURLToPath(new URL('../dist/report/index.js', import.meta.url));
    const loaded = await modulesLoadedBy(entry);
    expect(loaded.filter((url) => url.includes('@opentelemetry'))).toEqual([]);
    expect(loaded.filter((url) => /otel-export|trace-recorder/.test(url))).toEqual([]);
  });
});

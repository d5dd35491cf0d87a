import { describe, expect, it } from 'vitest';
import { captureContent, exportSettings } from './otel-settings.js';

describe('exportSettings', () => {
  it('maps an OTLP/gRPC endpoint on 4317 to OTLP/HTTP on 4318, with a note', () => {
    const settings = exportSettings(
      { otel: { endpoint: 'http://localhost:4317', service_name: 'demo' } },
      {},
    );
    expect(settings).toMatchObject({
      exporter: 'otlp',
      url: 'http://localhost:4318/v1/traces',
      serviceName: 'demo',
    });
    expect(settings.note).toContain('OTLP/HTTP');
  });

  it('keeps an HTTP endpoint, adding the traces path once', () => {
    expect(exportSettings({ otel: { endpoint: 'http://127.0.0.1:9/' } }, {}).url).toBe(
      'http://127.0.0.1:9/v1/traces',
    );
    expect(exportSettings({ otel: { endpoint: 'http://h:1/v1/traces' } }, {})).toMatchObject({
      url: 'http://h:1/v1/traces',
      note: undefined,
    });
  });

  it('follows the standard variables: endpoint, console or none', () => {
    expect(exportSettings({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://h:4318' }).exporter).toBe('otlp');
    expect(exportSettings({}, {}).exporter).toBe('none');
    expect(
      exportSettings({ otel: { endpoint: 'http://h' } }, { OTEL_TRACES_EXPORTER: 'console' }).exporter,
    ).toBe('console');
    expect(exportSettings({}, { OTEL_SERVICE_NAME: 'svc' })).toMatchObject({
      serviceName: 'svc',
      sampleRatio: 1,
    });
  });
});

describe('captureContent', () => {
  const on = { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' };
  it('is off by default, on with the spec key or the standard variable, and the spec wins', () => {
    expect(captureContent(undefined, {})).toBe(false);
    expect(captureContent({}, { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'false' })).toBe(false);
    expect(captureContent({ capture_content: true }, {})).toBe(true);
    expect(captureContent(undefined, on)).toBe(true);
    expect(captureContent({ capture_content: false }, on)).toBe(false);
  });
});

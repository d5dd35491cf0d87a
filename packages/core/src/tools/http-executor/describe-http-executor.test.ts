import { describe, expect, it } from 'vitest';
import type { HttpExecutorSpec } from '../../spec-file/schema/workflow-spec.js';
import { describeHttpExecutor, httpExecutorToolName, httpToolsReference } from './describe-http-executor.js';

const full: HttpExecutorSpec = {
  id: 'weather.api',
  base_url: 'https://weather.example.com',
  description: 'Weather forecasts by city.',
  authentication_info: 'API key in the X-Api-Key header (added for you).',
  response_format: 'JSON',
  common_endpoints: [{ method: 'get', path: '/forecast?city={city}', description: 'Five-day forecast' }],
  examples: [
    { description: 'Forecast for Oslo', method: 'GET', path: '/forecast?city=Oslo' },
    { path: '/ping', json_data: { a: 1 } },
  ],
};

describe('describeHttpExecutor', () => {
  it('builds the description from every metadata field', () => {
    expect(describeHttpExecutor(full)).toBe(
      [
        'Weather forecasts by city.',
        'Requests go to https://weather.example.com followed by the given path.',
        'Authentication: API key in the X-Api-Key header (added for you).',
        'Response format: JSON',
        'Common endpoints:\n- GET /forecast?city={city}: Five-day forecast',
        'Examples:\n1. Forecast for Oslo: GET /forecast?city=Oslo\n2. GET /ping with json_data {"a":1}',
      ].join('\n\n'),
    );
  });

  it('falls back to "HTTP executor for <base_url>"', () => {
    expect(describeHttpExecutor({ id: 'x', base_url: 'https://x.example' })).toMatch(
      /^HTTP executor for https:\/\/x\.example\n/,
    );
  });

  it('names the tool by its id, replacing characters models refuse', () => {
    expect(httpExecutorToolName('weather.api')).toBe('weather_api');
    expect(httpExecutorToolName('gh')).toBe('gh');
  });
});

describe('httpToolsReference', () => {
  it('is undefined without executors and a reference section with them', () => {
    expect(httpToolsReference([])).toBeUndefined();
    const section = httpToolsReference([full]) ?? '';
    expect(section.startsWith('# HTTP Tools Reference')).toBe(true);
    expect(section).toContain('## weather_api');
    expect(section).toContain('- Base URL: https://weather.example.com');
    expect(section).toContain('  - GET /forecast?city={city}: Five-day forecast');
  });
});

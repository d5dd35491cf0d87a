import { describe, expect, it } from 'vitest';
import { parseExecutorCall } from './http-executor-input.js';

const base = 'https://api.example.com/v1/';
const headers = { Authorization: 'Bearer t', Accept: 'application/json' };

describe('parseExecutorCall', () => {
  it('defaults to GET and joins the path under the base URL', () => {
    expect(parseExecutorCall({ path: '/users/1?x=2' }, base, headers)).toEqual({
      ok: true,
      method: 'GET',
      url: 'https://api.example.com/v1/users/1?x=2',
      body: undefined,
      headers,
    });
    expect(parseExecutorCall({ path: 'users', method: 'delete' }, base, {})).toMatchObject({
      method: 'DELETE',
      url: 'https://api.example.com/v1/users',
    });
  });

  it('sends json_data as JSON and lets headers_override replace a header whatever its case', () => {
    const call = parseExecutorCall(
      {
        method: 'POST',
        path: '/items',
        json_data: { a: 1 },
        headers_override: { authorization: 'Bearer other' },
      },
      base,
      headers,
    );
    expect(call).toMatchObject({
      ok: true,
      body: '{"a":1}',
      headers: {
        Accept: 'application/json',
        authorization: 'Bearer other',
        'content-type': 'application/json',
      },
    });
    expect(call.ok && 'Authorization' in call.headers).toBe(false);
  });

  it.each([
    [{}, "Missing required 'path' parameter"],
    [{ path: '  ' }, "Missing required 'path' parameter"],
    [{ path: '/x', method: 'TRACE' }, 'Invalid \'method\' "TRACE"'],
    [{ path: 'http://169.254.169.254/' }, 'must be relative to the base URL'],
    [{ path: '//evil.example/' }, 'must be relative to the base URL'],
    [{ path: '/x', headers_override: 'nope' }, "'headers_override' must be an object"],
  ])('refuses %j', (input, message) => {
    const call = parseExecutorCall(input, base, headers);
    expect(call.ok ? '' : call.message).toContain(message);
  });

  it('reports an invalid base_url', () => {
    const call = parseExecutorCall({ path: '/x' }, 'not a url', {});
    expect(call.ok ? '' : call.message).toContain('base_url is not a valid URL');
  });
});

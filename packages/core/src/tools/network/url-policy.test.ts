import { describe, expect, it } from 'vitest';
import { privateNetworkAllowed, urlRefusal } from './url-policy.js';

const refusal = (url: string, allowPrivate = false) => urlRefusal(new URL(url), allowPrivate);

describe('urlRefusal', () => {
  it('refuses schemes other than http and https, even with the opt-in', () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/',
      'gopher://example.com/',
      'data:text/plain,x',
    ]) {
      expect(refusal(url, true)).toMatch(/only http and https/);
    }
  });

  it('refuses credentials in the URL', () => {
    expect(refusal('https://user:pw@example.com/')).toMatch(/user name or password/);
  });

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.8/',
    'http://localhost:3000/',
    'http://api.localhost/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://LOCALHOST./',
  ])('refuses %s and says how to opt in', (url) => {
    const message = refusal(url);
    expect(message).toMatch(/Refused to connect/);
    expect(message).toContain('--allow-private-network');
    expect(message).toContain('STRANDS_HTTP_ALLOW_PRIVATE=1');
  });

  it('lets the opt-in through and public hosts always', () => {
    expect(refusal('http://127.0.0.1:8080/', true)).toBeUndefined();
    expect(refusal('https://example.com/path')).toBeUndefined();
    expect(refusal('https://8.8.8.8/')).toBeUndefined();
  });
});

describe('privateNetworkAllowed', () => {
  it('is true for the flag or STRANDS_HTTP_ALLOW_PRIVATE=1/true', () => {
    expect(privateNetworkAllowed(true, {})).toBe(true);
    expect(privateNetworkAllowed(false, { STRANDS_HTTP_ALLOW_PRIVATE: '1' })).toBe(true);
    expect(privateNetworkAllowed(false, { STRANDS_HTTP_ALLOW_PRIVATE: 'true' })).toBe(true);
    expect(privateNetworkAllowed(false, { STRANDS_HTTP_ALLOW_PRIVATE: '0' })).toBe(false);
    expect(privateNetworkAllowed(undefined, {})).toBe(false);
  });
});

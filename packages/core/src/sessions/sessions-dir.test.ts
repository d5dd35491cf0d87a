import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSessionsDir } from './sessions-dir.js';

describe('defaultSessionsDir', () => {
  it('prefers STRANDS_SESSIONS_DIR, then an absolute XDG_DATA_HOME, then ~/.local/share', () => {
    expect(defaultSessionsDir({ STRANDS_SESSIONS_DIR: 'rel/s', XDG_DATA_HOME: '/x' })).toBe(resolve('rel/s'));
    expect(defaultSessionsDir({ XDG_DATA_HOME: '/x' })).toBe('/x/strands/sessions');
    expect(defaultSessionsDir({ XDG_DATA_HOME: 'relative' })).toBe(
      join(homedir(), '.local', 'share', 'strands', 'sessions'),
    );
    expect(defaultSessionsDir({})).toBe(join(homedir(), '.local', 'share', 'strands', 'sessions'));
  });
});

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { SessionError } from '../spec/v1/session-errors.js';

/**
 * Where sessions are kept when nobody says otherwise: `$STRANDS_SESSIONS_DIR`, else
 * `$XDG_DATA_HOME/strands/sessions`, else `~/.local/share/strands/sessions`. A relative
 * `XDG_DATA_HOME` is ignored, as the XDG base directory rules require.
 */
export function defaultSessionsDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const explicit = env.STRANDS_SESSIONS_DIR;
  if (explicit !== undefined && explicit.trim() !== '') return resolve(explicit);
  const xdg = env.XDG_DATA_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'strands', 'sessions');
  return join(homedir(), '.local', 'share', 'strands', 'sessions');
}

// Ids name directories: anything beyond letters, digits and dashes could climb out of the store
// (`..`, `/`) or mean something else to a shell.
const sessionIdPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

/**
 * Checks that `id` can name a session directory.
 * @throws SessionError when it has anything but letters, digits and dashes.
 */
export function assertSessionId(id: string): void {
  if (!sessionIdPattern.test(id)) {
    throw new SessionError(`"${id}" is not a session id: ids are letters, digits and dashes`, undefined, {
      hint: 'Run `strands sessions list` to see the ids of the sessions kept.',
    });
  }
}

/** The error for an id with no session behind it. */
export function unknownSession(id: string, dir?: string): SessionError {
  return new SessionError(`No session ${id}${dir === undefined ? '' : ` in ${dir}`}`, id, {
    hint: 'Run `strands sessions list` to see the sessions kept.',
  });
}

// Attachments are files in a session's folder: a fixed, harmless shape keeps them from naming anything else.
const attachmentNamePattern = /^[a-z0-9][a-z0-9-]{0,63}\.json$/;

/**
 * Checks that `name` can name a session attachment (a short lower-case `.json` file name).
 * @throws SessionError otherwise.
 */
export function assertAttachmentName(name: string): void {
  if (!attachmentNamePattern.test(name)) {
    throw new SessionError(`"${name}" is not a session attachment name`, undefined, {
      hint: 'Use a lower-case name of letters, digits and dashes ending in .json, such as trace.json.',
    });
  }
}

import { VERSION } from './version.js';

/** The spec-format version this engine runs (the v1 plugin contract and spec schema of the core). */
export const specFormatVersion = 'v1';

/**
 * The DBOS `applicationVersion` of every workflow this engine starts: the engine's version and the
 * spec format's. DBOS only recovers or dequeues workflows of its own version, and a run started by
 * another version is refused (not migrated): its journal may not mean the same to this code.
 */
export function applicationVersion(): string {
  return `strands-engine-dbos@${VERSION}+spec-${specFormatVersion}`;
}

import { SessionError } from '../spec/v1/session-errors.js';
import type { SessionStoreV1 } from '../spec/v1/session-v1.js';

/** Options of {@link pruneSessions}. */
export interface PruneSessionsOptions {
  /** Sessions not updated for longer than this (milliseconds) are deleted. */
  readonly olderThanMs: number;
  /** The present, for computing ages; defaults to the current time. */
  readonly now?: Date;
  /**
   * Keep completed sessions whatever their age (the default): they hold the record of a finished
   * run, while paused, failed and interrupted ones are the clutter a prune is for.
   */
  readonly keepCompleted?: boolean;
}

/**
 * Deletes the sessions of `store` last updated more than `olderThanMs` ago and returns their ids.
 * A session a live process is running is never deleted (it is skipped, not an error).
 */
export async function pruneSessions(
  store: SessionStoreV1,
  options: PruneSessionsOptions,
): Promise<readonly string[]> {
  const now = (options.now ?? new Date()).getTime();
  const keepCompleted = options.keepCompleted ?? true;
  const deleted: string[] = [];
  for (const record of await store.list()) {
    // `running` here means a live process holds it (a dead one reads as `interrupted`).
    if (record.status === 'running') continue;
    if (keepCompleted && record.status === 'completed') continue;
    const updated = Date.parse(record.updatedAt);
    if (!Number.isFinite(updated) || now - updated <= options.olderThanMs) continue;
    try {
      await store.delete(record.id);
      deleted.push(record.id);
    } catch (error) {
      // Opened by a resume since the listing, or deleted by someone else: nothing to prune.
      if (!SessionError.isInstance(error)) throw error;
    }
  }
  return deleted;
}

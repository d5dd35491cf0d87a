import { randomUUID } from 'node:crypto';
import {
  createMemoryJournalStore,
  type MemoryJournalStore,
} from '../runtime/journal/memory-journal-store.js';
import { SessionError } from '../spec/v1/session-errors.js';
import type { SessionHandleV1, SessionRecordV1, SessionStoreV1 } from '../spec/v1/session-v1.js';
import { byNewestUpdate, newSessionRecord, withDerivedStatus } from './session-record.js';
import { assertAttachmentName, assertSessionId, unknownSession } from './sessions-dir.js';

interface StoredSession {
  record: SessionRecordV1;
  readonly spec: { readonly text: string; readonly fileName: string };
  readonly journal: MemoryJournalStore;
  readonly attachments: Map<string, string>;
  open: boolean;
}

/**
 * A session store in memory, for library use and tests: the same rules as the file store (one
 * handle at a time per session, a `running` session nobody holds reads as `interrupted`), nothing
 * kept after the process ends.
 */
export function createMemorySessionStore(options: { readonly now?: () => Date } = {}): SessionStoreV1 {
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, StoredSession>();
  const view = (stored: StoredSession) => structuredClone(withDerivedStatus(stored.record, stored.open));

  const handle = (id: string, stored: StoredSession): SessionHandleV1 => {
    stored.open = true;
    let released = false;
    return {
      id,
      journal: stored.journal,
      read: async () => structuredClone(stored.record),
      update: async (changes) => {
        if (released) throw new SessionError(`Session ${id} was released: it cannot be changed`, id);
        stored.record = { ...stored.record, ...structuredClone(changes), updatedAt: now().toISOString() };
        return structuredClone(stored.record);
      },
      readSpec: async () => ({ ...stored.spec }),
      release: async () => {
        if (released) return;
        released = true;
        stored.open = false;
      },
    };
  };

  const inUse = (id: string) =>
    new SessionError(`Session ${id} is in use by process ${process.pid}`, id, {
      hint: 'Release the open handle first.',
    });

  return {
    async create(init) {
      const id = randomUUID();
      const stored: StoredSession = {
        record: newSessionRecord(id, init, now()),
        spec: { text: init.specText, fileName: init.specFileName },
        journal: createMemoryJournalStore(),
        attachments: new Map(),
        open: false,
      };
      sessions.set(id, stored);
      return handle(id, stored);
    },
    async open(id) {
      assertSessionId(id);
      const stored = sessions.get(id);
      if (!stored) throw unknownSession(id);
      if (stored.open) throw inUse(id);
      return handle(id, stored);
    },
    async get(id) {
      assertSessionId(id);
      const stored = sessions.get(id);
      return stored ? view(stored) : undefined;
    },
    async list() {
      return [...sessions.values()].map(view).sort(byNewestUpdate);
    },
    async writeAttachment(id, name, text) {
      assertSessionId(id);
      assertAttachmentName(name);
      const stored = sessions.get(id);
      if (!stored) throw unknownSession(id);
      stored.attachments.set(name, text);
    },
    async readAttachment(id, name) {
      assertSessionId(id);
      assertAttachmentName(name);
      return sessions.get(id)?.attachments.get(name);
    },
    async delete(id) {
      assertSessionId(id);
      const stored = sessions.get(id);
      if (!stored) throw unknownSession(id);
      if (stored.open) throw inUse(id);
      sessions.delete(id);
    },
  };
}

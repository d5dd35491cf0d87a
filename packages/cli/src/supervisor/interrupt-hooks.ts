/**
 * Synchronous last-moment work before a forced exit 130. A forced exit happens when the command did
 * not finish its graceful shutdown in time (or a second signal came), possibly because its thread is
 * blocked: a hook runs on the supervising thread, so it must be synchronous (`fs.*Sync`) and must not
 * rely on the command's thread answering. It is where an interrupted run gets marked as such.
 */
const hooks = new Set<() => void>();

/** Registers `hook` to run before a forced exit; returns a function that removes it. */
export function onForcedExit(hook: () => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every hook once, each guarded: one that throws must not keep the others or the exit from happening. */
export function runForcedExitHooks(): void {
  for (const hook of [...hooks]) {
    hooks.delete(hook);
    try {
      hook();
    } catch {
      // Nothing can be reported reliably this late; the exit code still says "interrupted".
    }
  }
}

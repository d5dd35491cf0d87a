import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  createFileSessionStore,
  defaultSessionsDir,
  findResumableSession,
  type JournalSync,
  journalSyncModes,
  type LoadedSpec,
  loadSpec,
  loadSpecText,
  planResume,
  specHash,
} from '@strands-cli/core';
import type { SessionHandleV1, SessionRecordV1, SessionStoreV1 } from '@strands-cli/core/spec';
import { UsageError } from '@strands-cli/core/spec';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { hasHumanSteps, type SessionFlags } from './session-flags.js';

/** What `strands run` runs: the loaded spec and, unless sessions are off, its open session. */
export interface PreparedRun {
  readonly file: string;
  readonly loaded: LoadedSpec;
  readonly plugins: ReturnType<typeof pluginSources>;
  /** The artifact directory: `-o`, else the session's, else `./artifacts`. */
  readonly out: string;
  /** The session to run in; created lazily by `openSession` for a new run. */
  readonly resumed?: { readonly handle: SessionHandleV1; readonly record: SessionRecordV1 };
  readonly humanAnswers: Readonly<Record<string, string>>;
  /** True when resuming against a spec that differs from the session's snapshot. */
  readonly specChanged: boolean;
  /** Creates the session of a new run (undefined with --no-save-session or when resuming). */
  openSession(): Promise<SessionHandleV1 | undefined>;
}

/** The session store of `strands run` and `strands sessions`. */
export function sessionStoreFor(io: CliIO): SessionStoreV1 {
  return createFileSessionStore({
    dir: defaultSessionsDir(io.env),
    journalSync: journalSyncFrom(io.env),
    // A crashed or killed run leaves its lock behind; say so when a resume takes it over.
    onStaleLock: ({ sessionId, owner }) =>
      io.stderr.write(
        `Note: session ${sessionId} was left locked by process ${owner.pid}, which is gone; taking it over\n`,
      ),
  });
}

/**
 * `STRANDS_JOURNAL_SYNC`: `fdatasync` (default, every journal line on disk before its effect counts
 * as done) or `os` (handed to the operating system: survives a killed process, not a power cut).
 * @throws UsageError for any other value
 */
function journalSyncFrom(env: CliIO['env']): JournalSync {
  const raw = env.STRANDS_JOURNAL_SYNC?.trim();
  if (raw === undefined || raw === '') return 'fdatasync';
  const mode = journalSyncModes.find((candidate) => candidate === raw);
  if (!mode) {
    throw new UsageError(`STRANDS_JOURNAL_SYNC=${JSON.stringify(raw)} is not a journal sync mode`, {
      hint: `Set it to ${journalSyncModes.join(' or ')}, or unset it.`,
    });
  }
  return mode;
}

/**
 * Loads what a run needs: a new spec (with a session created once the run is about to start), the
 * session named by `--resume` (its snapshot, or `--spec FILE` when edited), or with `--auto-resume`
 * the latest unfinished session of the same spec.
 */
export async function prepareRun(
  specArgument: string | undefined,
  flags: SessionFlags & { readonly var?: readonly string[]; readonly out?: string },
  io: CliIO,
): Promise<PreparedRun> {
  const store = sessionStoreFor(io);
  const canAsk = flags.interactive === true;
  let resumeId = flags.resume;
  if (resumeId === undefined && flags.autoResume && specArgument !== undefined) {
    const text = await readFile(resolve(io.cwd, specArgument), 'utf8').catch(() => undefined);
    const found = text === undefined ? undefined : await findResumableSession(store, specHash(text));
    if (found) {
      io.stderr.write(`Resuming session ${found.id} (${found.status}, last updated ${found.updatedAt})\n`);
      resumeId = found.id;
    } else if (flags.hitlResponse !== undefined) {
      throw new UsageError(`No paused session of ${specArgument} to answer`, {
        hint: 'List sessions with `strands sessions list --status paused`.',
      });
    }
  }
  if (resumeId !== undefined) {
    const edited = flags.spec === undefined ? undefined : resolve(io.cwd, flags.spec);
    const plan = await planResume(store, resumeId, {
      hitlResponse: flags.hitlResponse,
      canAsk,
      ...(edited ? { editedSpec: { text: await readFile(edited, 'utf8'), file: edited } } : {}),
    });
    try {
      const file = plan.spec.file;
      const plugins = pluginSources(file, io);
      const loaded = await loadSpecText(plan.spec.text, file, {
        vars: plan.record.vars,
        env: io.env,
        plugins,
      });
      const out = resolve(io.cwd, flags.out ?? plan.record.out ?? './artifacts');
      return {
        file,
        loaded,
        plugins,
        out,
        resumed: { handle: plan.handle, record: plan.record },
        humanAnswers: plan.humanAnswers,
        specChanged: plan.specChanged,
        openSession: async () => plan.handle,
      };
    } catch (error) {
      await plan.handle.release();
      throw error;
    }
  }
  const file = resolve(io.cwd, specArgument as string);
  const plugins = pluginSources(file, io);
  const vars = flags.var ?? [];
  const loaded = await loadSpec(file, { vars, env: io.env, plugins });
  const out = resolve(io.cwd, flags.out ?? './artifacts');
  if (flags.saveSession === false && !canAsk && hasHumanSteps(loaded.spec.pattern.config)) {
    throw new UsageError(`${specArgument} has human-in-the-loop steps, which need a session to pause in`, {
      hint: 'Drop --no-save-session, or answer in the terminal with --interactive.',
    });
  }
  return {
    file,
    loaded,
    plugins,
    out,
    humanAnswers: {},
    specChanged: false,
    openSession: async () => {
      if (flags.saveSession === false) return undefined;
      return store.create({
        name: loaded.spec.name,
        pattern: loaded.spec.pattern.type,
        specText: await readFile(file, 'utf8'),
        specFileName: basename(file),
        specPath: file,
        vars,
        out,
      });
    },
  };
}

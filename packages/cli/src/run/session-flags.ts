import { UsageError } from '@strands-cli/core/spec';

/** The session-related flags of `strands run`. */
export interface SessionFlags {
  readonly resume?: string;
  readonly spec?: string;
  readonly autoResume?: boolean;
  /** False with `--no-save-session`. */
  readonly saveSession?: boolean;
  readonly hitlResponse?: string;
  readonly interactive?: boolean;
}

/**
 * Checks how the session flags combine before anything is loaded, so a wrong combination costs
 * nothing and says what to type instead.
 * @throws UsageError (exit 2)
 */
export function checkSessionFlags(specArgument: string | undefined, flags: SessionFlags): void {
  const fail = (message: string, hint: string): never => {
    throw new UsageError(message, { hint });
  };
  if (flags.resume !== undefined) {
    if (specArgument !== undefined) {
      fail(
        '--resume takes the spec from the session; do not give a spec file as well',
        `Run \`strands run --resume ${flags.resume}\`, or add --spec ${specArgument} to resume against an edited spec.`,
      );
    }
    if (flags.autoResume) fail('--resume and --auto-resume cannot be used together', 'Use one of them.');
    if (flags.saveSession === false) {
      fail('--no-save-session cannot be used with --resume', 'A resumed run always updates its session.');
    }
    return;
  }
  if (specArgument === undefined) {
    fail('No spec given', 'Run `strands run SPEC`, or resume a session with `strands run --resume ID`.');
  }
  if (flags.spec !== undefined) {
    fail('--spec is only for --resume', `Run \`strands run ${flags.spec}\` to start a new run from it.`);
  }
  if (flags.hitlResponse !== undefined && !flags.autoResume) {
    fail(
      '--hitl-response answers a paused session, so it needs --resume ID (or --auto-resume)',
      'Find the session with `strands sessions list --status paused`, then run `strands run --resume ID --hitl-response "..."`.',
    );
  }
  if (flags.autoResume && flags.saveSession === false) {
    fail('--no-save-session cannot be used with --auto-resume', 'Resuming needs the session.');
  }
}

/** True when a pattern config holds a human-in-the-loop step (any object with `type: hitl`). */
export function hasHumanSteps(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasHumanSteps);
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return record.type === 'hitl' || Object.values(record).some(hasHumanSteps);
}

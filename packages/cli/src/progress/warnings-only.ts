import type { RunEvent } from '@strands-cli/core';
import { eventLine } from './event-lines.js';
import type { Style } from './format.js';
import type { ProgressReporter, ProgressSink } from './progress-reporter.js';

/**
 * Events that mean the run did something other than what was asked: a resume that no longer matches
 * its journal from some step on, a question answered by its default because time ran out. `--json`
 * silences progress, but these must still reach the user, and stderr is where warnings go.
 */
const warningEvents: ReadonlySet<RunEvent['type']> = new Set(['journal-diverged', 'human-timeout']);

/** The progress of `--json` runs: no progress lines, only the warning lines of {@link warningEvents}. */
export function createWarningsOnly(sink: ProgressSink, style: Style): ProgressReporter {
  return {
    onEvent(event) {
      if (!warningEvents.has(event.type)) return;
      const line = eventLine(event, style, false);
      if (line !== undefined) sink.write(`${line}\n`);
    },
    stop: () => undefined,
    lastStreamedText: undefined,
  };
}

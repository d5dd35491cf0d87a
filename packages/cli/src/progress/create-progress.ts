import type { CliIO } from '../io.js';
import { colorEnabled } from '../io.js';
import { createStyle } from './format.js';
import { createLiveProgress } from './live-progress.js';
import { createPlainProgress } from './plain-progress.js';
import type { ProgressReporter } from './progress-reporter.js';
import { createWarningsOnly } from './warnings-only.js';

/** Which progress display `run` uses. */
export interface ProgressMode {
  readonly quiet: boolean;
  readonly debug: boolean;
  /** `--json`: stdout holds the document, stderr only the warnings (see {@link createWarningsOnly}). */
  readonly json?: boolean;
}

/** Silent reporter for `--quiet`. */
const silent: ProgressReporter = {
  onEvent: () => undefined,
  stop: () => undefined,
  lastStreamedText: undefined,
};

/**
 * Picks the display: nothing with `--quiet`; only warnings with `--json`; the live view on a TTY;
 * plain lines otherwise and with `--debug` (whose cache lines must not be redrawn away).
 */
export function createProgress(io: CliIO, mode: ProgressMode): ProgressReporter {
  if (mode.quiet) return silent;
  const style = createStyle(colorEnabled(io, 'stderr'));
  if (mode.json === true) return createWarningsOnly(io.stderr, style);
  if (io.stderr.isTTY && !mode.debug) return createLiveProgress(io.stderr, style);
  return createPlainProgress(io.stderr, style, mode.debug);
}

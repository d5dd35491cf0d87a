import type { RunEvent } from '@strands-cli/core';
import { truncateToWidth } from './display-width.js';
import { eventLine } from './event-lines.js';
import { formatDuration, type Style } from './format.js';
import type { ProgressReporter, ProgressSink } from './progress-reporter.js';
import { StreamPrinter } from './stream-printer.js';

/** How often the live view redraws. */
const refreshMs = 100;
const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** The width assumed when the stream does not say (a terminal that reports no size). */
const fallbackColumns = 80;
const hideCursor = '\u001b[?25l';
const showCursor = '\u001b[?25h';

interface Running {
  readonly label: string;
  readonly agentId: string;
  /** When its first model call started; undefined while it waits for a `max_parallel` slot. */
  startedAt: number | undefined;
  tokens: number;
  retrying: boolean;
}

/**
 * The TTY view: finished steps, retries and warnings scroll above; below them a block redrawn in
 * place lists what runs now, with elapsed time and tokens. Streamed text (`--stream`) pauses the block.
 */
export function createLiveProgress(
  sink: ProgressSink,
  style: Style,
  now: () => number = () => performance.now(),
): ProgressReporter {
  const running = new Map<number, Running>();
  const streamer = new StreamPrinter(sink, style);
  // Budget warnings wait for the step that crossed the threshold to finish, so they read as its result.
  const pendingWarnings: string[] = [];
  let drawnLines = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let cursorHidden = false;

  const clear = (): void => {
    if (drawnLines > 0) sink.write(`\r\u001b[${drawnLines}A\u001b[0J`);
    drawnLines = 0;
  };
  // A line wider than the terminal wraps, and the wrapped rows would not be erased by the next
  // redraw; every line of the block is cut to fit one row (one column spare for terminals that
  // wrap on the last column).
  const fit = (line: string): string => {
    const columns = sink.columns !== undefined && sink.columns > 0 ? sink.columns : fallbackColumns;
    return truncateToWidth(line, columns - 1).text;
  };
  const describe = (entry: Running): string => {
    if (entry.startedAt === undefined) {
      return `${style.dim('·')} ${entry.label} · ${entry.agentId} · ${style.dim('queued')}`;
    }
    const elapsed = formatDuration(now() - entry.startedAt);
    const status = entry.retrying ? style.yellow(' · retrying') : '';
    const glyph = style.dim(spinner[frame] ?? '·');
    return `${glyph} ${entry.label} · ${entry.agentId} · ${elapsed} · ${entry.tokens} tokens${status}`;
  };
  const draw = (): void => {
    clear();
    if (streamer.active || running.size === 0) return;
    frame = (frame + 1) % spinner.length;
    const lines = [...running.values()].map((entry) => fit(describe(entry)));
    if (!cursorHidden) sink.write(hideCursor);
    cursorHidden = true;
    sink.write(`${lines.join('\n')}\n`);
    drawnLines = lines.length;
  };
  const print = (line: string): void => {
    clear();
    sink.write(`${line}\n`);
    draw();
  };
  const flushWarnings = (): void => {
    for (const warning of pendingWarnings.splice(0)) print(warning);
  };
  const onResize = (): void => draw();

  return {
    onEvent(event: RunEvent) {
      switch (event.type) {
        case 'run-start':
          timer = setInterval(draw, refreshMs);
          // The view must never keep a finished process alive.
          timer.unref();
          sink.on?.('resize', onResize);
          print(eventLine(event, style, false) ?? '');
          return;
        case 'step-start':
          running.set(event.invocation, {
            label: event.step.label,
            agentId: event.agentId,
            startedAt: undefined,
            tokens: 0,
            retrying: false,
          });
          draw();
          return;
        case 'model-request': {
          // The request is sent once a concurrency slot is granted: from here on the step runs.
          const entry = running.get(event.invocation);
          if (entry && entry.startedAt === undefined) entry.startedAt = now();
          draw();
          return;
        }
        case 'usage': {
          const entry = running.get(event.invocation);
          if (entry) {
            entry.tokens += event.usage.inputTokens + event.usage.outputTokens;
            entry.retrying = false;
          }
          draw();
          return;
        }
        case 'text-delta':
          if (!streamer.active) clear();
          streamer.delta(event);
          return;
        case 'step-end':
          streamer.end();
          running.delete(event.invocation);
          print(eventLine(event, style, false) ?? '');
          flushWarnings();
          return;
        case 'retry': {
          streamer.end();
          const entry = running.get(event.invocation);
          if (entry) entry.retrying = true;
          print(eventLine(event, style, false) ?? '');
          return;
        }
        case 'budget-warning':
          pendingWarnings.push(eventLine(event, style, false) ?? '');
          return;
        case 'journal-diverged':
        case 'mcp-server-skip':
        case 'compaction':
        case 'human-timeout':
        case 'human-input-required':
          print(eventLine(event, style, false) ?? '');
          return;
        default:
          return;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      sink.off?.('resize', onResize);
      streamer.end();
      running.clear();
      clear();
      flushWarnings();
      if (cursorHidden) sink.write(showCursor);
      cursorHidden = false;
    },
    get lastStreamedText() {
      return streamer.lastText;
    },
  };
}

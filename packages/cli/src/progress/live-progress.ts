import type { RunEvent } from '@strands-cli/core';
import { eventLine } from './event-lines.js';
import { formatDuration, type Style } from './format.js';
import type { ProgressReporter, ProgressSink } from './progress-reporter.js';
import { StreamPrinter } from './stream-printer.js';

/** How often the live view redraws. */
const refreshMs = 100;
const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

interface Running {
  readonly label: string;
  readonly agentId: string;
  readonly startedAt: number;
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
  let drawnLines = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;

  const clear = (): void => {
    if (drawnLines > 0) sink.write(`\u001b[${drawnLines}A\u001b[0J`);
    drawnLines = 0;
  };
  const draw = (): void => {
    clear();
    if (streamer.active || running.size === 0) return;
    frame = (frame + 1) % spinner.length;
    const lines = [...running.values()].map((entry) => {
      const elapsed = formatDuration(now() - entry.startedAt);
      const status = entry.retrying ? style.yellow(' · retrying') : '';
      return `${style.dim(spinner[frame] ?? '·')} ${entry.label} · ${entry.agentId} · ${elapsed} · ${entry.tokens} tokens${status}`;
    });
    sink.write(`${lines.join('\n')}\n`);
    drawnLines = lines.length;
  };
  const print = (line: string): void => {
    clear();
    sink.write(`${line}\n`);
    draw();
  };

  return {
    onEvent(event: RunEvent) {
      switch (event.type) {
        case 'run-start':
          timer = setInterval(draw, refreshMs);
          // The view must never keep a finished process alive.
          timer.unref();
          print(eventLine(event, style, false) ?? '');
          return;
        case 'step-start':
          running.set(event.invocation, {
            label: event.step.label,
            agentId: event.agentId,
            startedAt: now(),
            tokens: 0,
            retrying: false,
          });
          draw();
          return;
        case 'usage': {
          const entry = running.get(event.invocation);
          if (entry) {
            entry.tokens += event.usage.inputTokens + event.usage.outputTokens;
            entry.retrying = false;
          }
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
          return;
        case 'retry': {
          streamer.end();
          const entry = running.get(event.invocation);
          if (entry) entry.retrying = true;
          print(eventLine(event, style, false) ?? '');
          return;
        }
        case 'budget-warning':
          print(eventLine(event, style, false) ?? '');
          return;
        default:
          return;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      streamer.end();
      clear();
    },
    get lastStreamedText() {
      return streamer.lastText;
    },
  };
}

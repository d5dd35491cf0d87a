import type { RunEvent } from '@strands-cli/core';
import { eventLine } from './event-lines.js';
import type { Style } from './format.js';
import type { ProgressReporter, ProgressSink } from './progress-reporter.js';
import { StreamPrinter } from './stream-printer.js';

/** Progress as plain lines on stderr, one per event that matters (no TTY, or `--debug`). */
export function createPlainProgress(sink: ProgressSink, style: Style, debug: boolean): ProgressReporter {
  const streamer = new StreamPrinter(sink, style);
  return {
    onEvent(event: RunEvent) {
      if (event.type === 'text-delta') {
        streamer.delta(event);
        return;
      }
      if (event.type === 'step-end' || event.type === 'retry') streamer.end();
      const line = eventLine(event, style, debug);
      if (line !== undefined) sink.write(`${line}\n`);
    },
    stop() {
      streamer.end();
    },
    get lastStreamedText() {
      return streamer.lastText;
    },
  };
}

import type { TextDeltaEvent } from '@strands-cli/core';
import type { Style } from './format.js';
import type { ProgressSink } from './progress-reporter.js';

/**
 * Prints streamed model text (`--stream`) as it arrives, under a header naming the step, and ends
 * the block with a newline when the step ends.
 */
export class StreamPrinter {
  readonly #sink: ProgressSink;
  readonly #style: Style;
  #current: number | undefined;
  #text = '';
  #lastText: string | undefined;

  constructor(sink: ProgressSink, style: Style) {
    this.#sink = sink;
    this.#style = style;
  }

  /** True while a step's text is being printed. */
  get active(): boolean {
    return this.#current !== undefined;
  }

  /** The full text of the last finished stream. */
  get lastText(): string | undefined {
    return this.#lastText;
  }

  /** Prints a piece of text. */
  delta(event: TextDeltaEvent): void {
    if (this.#current !== event.invocation) {
      this.end();
      this.#current = event.invocation;
      this.#text = '';
      this.#sink.write(`${this.#style.dim(`── ${event.step.label} · ${event.agentId}`)}\n`);
    }
    this.#text += event.text;
    this.#sink.write(event.text);
  }

  /** Ends the current block, if any. */
  end(): void {
    if (this.#current === undefined) return;
    this.#sink.write('\n');
    this.#lastText = this.#text;
    this.#current = undefined;
  }
}

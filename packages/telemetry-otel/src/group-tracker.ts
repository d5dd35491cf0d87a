import type { RunEvent } from '@strands-cli/core';
import { Strands } from './gen-ai-names.js';
import { type SpanGroup, spanGroupOf } from './span-groups.js';
import type { Attributes, SpanRecord } from './span-record.js';

type StepRef = Extract<RunEvent, { type: 'step-start' }>['step'];

/** How the tracker opens and closes spans (the recorder's own methods). */
export interface GroupSpans {
  start(name: string, at: number, attributes: Attributes): SpanRecord;
  end(span: SpanRecord, status: SpanRecord['status'], at: number): void;
}

interface OpenGroup {
  readonly group: SpanGroup;
  readonly span: SpanRecord;
  /** Steps of the group still running. */
  running: number;
  /** When the group's last step ended (run-relative milliseconds). */
  lastEnd: number;
  failed: boolean;
}

/**
 * Keeps the grouping spans (`branch web`, `iteration 2`, `round 1`, `node review`) that pattern
 * units nest under. A group starts with its first step and ends when its last step ended: it is
 * closed once it is idle and can get no more steps (a later iteration or round began, a step outside
 * any group began, or the run ended), with the end time of its last step.
 */
export class GroupTracker {
  readonly #spans: GroupSpans;
  readonly #open = new Map<string, OpenGroup>();

  constructor(spans: GroupSpans) {
    this.#spans = spans;
  }

  /** The span a starting step nests under: its group's (opened now if needed), or undefined. */
  enter(step: StepRef, at: number): SpanRecord | undefined {
    const group = spanGroupOf(step);
    this.#closeIdle((open) =>
      group === undefined
        ? true
        : open.group.sequential && open.group.family === group.family && open.group.key !== group.key,
    );
    if (!group) return undefined;
    let open = this.#open.get(group.key);
    if (!open) {
      const span = this.#spans.start(group.name, at, { [Strands.group]: group.family });
      open = { group, span, running: 0, lastEnd: at, failed: false };
      this.#open.set(group.key, open);
    }
    open.running++;
    return open.span;
  }

  /** A step of `group` (the span {@link enter} returned) ended. */
  leave(groupSpan: SpanRecord, at: number, failed: boolean): void {
    for (const open of this.#open.values()) {
      if (open.span !== groupSpan) continue;
      open.running = Math.max(0, open.running - 1);
      open.lastEnd = at;
      if (failed) open.failed = true;
      return;
    }
  }

  /** Closes every group: the run ended (steps still running were closed at `at` by the recorder). */
  closeAll(at: number): void {
    for (const open of this.#open.values()) {
      if (open.running === 0) continue;
      open.lastEnd = at;
      open.failed = true;
    }
    this.#closeIdle(() => true, true);
  }

  #closeIdle(when: (open: OpenGroup) => boolean, all = false): void {
    for (const [key, open] of this.#open) {
      if ((!all && open.running > 0) || !when(open)) continue;
      this.#open.delete(key);
      this.#spans.end(
        open.span,
        open.failed ? { code: 'ERROR', message: `A step of ${open.group.name} failed` } : { code: 'OK' },
        open.lastEnd,
      );
    }
  }
}

import type { RunEvent } from '@strands-cli/core';
import type { StepIo } from '@strands-cli/telemetry-otel/report';

/** Collects each invocation's input and output from the run's events, for the run report. */
export interface StepIoCollector {
  readonly onEvent: (event: RunEvent) => void;
  /** Inputs and outputs so far, by invocation number. */
  snapshot(): Record<string, StepIo>;
}

/**
 * Keeps the `input` of `step-start` and the `output` of `step-end` events (already redacted of the
 * run's secrets by the runtime). Texts are held as they are: the run holds them anyway.
 */
export function collectStepIo(): StepIoCollector {
  const io = new Map<number, { input?: string; output?: string }>();
  return {
    onEvent(event) {
      if (event.type === 'step-start' && event.input !== undefined) {
        io.set(event.invocation, { ...io.get(event.invocation), input: event.input });
      } else if (event.type === 'step-end' && event.output !== undefined) {
        io.set(event.invocation, { ...io.get(event.invocation), output: event.output });
      }
    },
    snapshot: () => Object.fromEntries([...io].map(([invocation, entry]) => [String(invocation), entry])),
  };
}

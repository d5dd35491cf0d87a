import type { ExecutorContextV1, StepRefV1 } from '../spec/v1/executor-v1.js';
import type { HumanInputRequestV1 } from '../spec/v1/journal-v1.js';
import { StepFailedError } from '../spec/v1/run-errors.js';
import type { HitlStepSpec } from '../spec/v1/workflow-spec-v1.js';

/** The agent id a human-in-the-loop step is recorded under (`steps[i].agent`, `tasks.<id>.agent`). */
export const HUMAN_AGENT_ID = 'hitl';

/**
 * Asks the question of a `type: hitl` step: renders its `context_display` over `scope` (what an
 * agent step at the same place would see), then waits for the answer through `awaitHuman`, which
 * journals it so a resumed run gets it back without asking again.
 * @param validate Checks the answer (e.g. a routing review); returns what is wrong, or undefined.
 * @throws StepFailedError naming the step when `context_display` does not render. A paused run's
 *   RunPausedError passes through untouched: the core turns it into the pause.
 * @example
 * const answer = await askHumanStep(context, step, ref, { steps: records });
 */
export async function askHumanStep(
  context: Pick<ExecutorContextV1<unknown>, 'render' | 'awaitHuman'>,
  step: HitlStepSpec,
  ref: StepRefV1,
  scope: Readonly<Record<string, unknown>>,
  validate?: (answer: string) => string | undefined,
): Promise<string> {
  let contextDisplay: string | undefined;
  if (step.context_display !== undefined) {
    try {
      contextDisplay = context.render(step.context_display, scope, `${ref.pointer}/context_display`);
    } catch (error) {
      throw new StepFailedError(ref.label, undefined, error);
    }
  }
  const request: HumanInputRequestV1 = {
    step: ref,
    prompt: step.prompt,
    ...(contextDisplay === undefined ? {} : { contextDisplay }),
    ...(step.default === undefined ? {} : { default: step.default }),
    ...(step.timeout_seconds === undefined ? {} : { timeoutSeconds: step.timeout_seconds }),
    ...(validate === undefined ? {} : { validate }),
  };
  return context.awaitHuman(request);
}

/**
 * The scripted models that record the cassettes of `examples/*.yaml` (see examples-record.test.ts),
 * one per example, by file name.
 */
import { chainResearch } from './chain-research.js';
import { evaluatorOptimizerWriting } from './evaluator-optimizer-writing.js';
import type { ExampleScript } from './example-script.js';
import { graphReviewLoop } from './graph-review-loop.js';
import { httpToolStatus } from './http-tool-status.js';
import { orchestratorResearch } from './orchestrator-research.js';
import { parallelReviews } from './parallel-reviews.js';
import { routingSupport } from './routing-support.js';
import { singleAgentTriage } from './single-agent-triage.js';
import { toolCalculator } from './tool-calculator.js';
import { workflowResearchDag } from './workflow-research-dag.js';

export type { ExampleProvider, ExampleScript } from './example-script.js';
export { responderFor } from './example-script.js';

/** Every recorded example. */
export const exampleScripts: readonly ExampleScript[] = [
  singleAgentTriage,
  chainResearch,
  workflowResearchDag,
  parallelReviews,
  routingSupport,
  httpToolStatus,
  toolCalculator,
  graphReviewLoop,
  evaluatorOptimizerWriting,
  orchestratorResearch,
];

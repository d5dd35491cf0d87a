/**
 * The zod building blocks executor config schemas share: ids, non-empty strings and the step shapes.
 * They are part of the contract because a pattern config that embeds a step must accept exactly what
 * the core's own schema accepts; the spec-file schema builds on these same values.
 */
import * as z from 'zod';
import type { AgentStepSpec, HitlStepSpec, StepSpec } from '../spec/v1/workflow-spec-v1.js';
import { maxTimerSeconds } from '../timers/safe-timeout.js';

/** `^[A-Za-z0-9._:-]+$`: ids of tasks, branches, tools, secrets, skills. */
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, {
    message: 'must contain only letters, digits, ".", "_", ":" and "-"',
  })
  .meta({ description: 'An id: letters, digits, ".", "_", ":" and "-".' });

/** A string with at least one character. */
export const nonEmptyStringSchema = z.string().min(1, { message: 'must not be empty' });

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** An agent step: used by chain steps, route `then`, branch steps and `reduce`. */
export const agentStepSchema = z
  .strictObject({
    agent: nonEmptyStringSchema.meta({ description: 'The id of an agent in `agents`.' }),
    input: z.string().optional().meta({
      description: 'The user message, a template (e.g. `{{ steps[0].response }}`). Empty when omitted.',
    }),
    vars: z
      .record(z.string(), scalarSchema)
      .optional()
      .meta({ description: 'Template variables for this step only; they override every other name.' }),
    tool_overrides: z
      .array(z.string())
      .optional()
      .meta({ description: "Tool ids that replace the agent's own tools for this step." }),
  })
  .meta({ description: 'Runs one agent on one input.' });

/** A human-in-the-loop step: the run asks a person and the answer becomes the step's response. */
export const hitlStepSchema = z
  .strictObject({
    type: z.literal('hitl'),
    prompt: z.string().meta({ description: 'What the person is asked.' }),
    context_display: z
      .string()
      .optional()
      .meta({ description: 'A template shown to the person for context.' }),
    default: z.string().optional().meta({ description: 'The answer used when none is given.' }),
    timeout_seconds: z
      .int()
      .min(0)
      .max(maxTimerSeconds)
      .optional()
      .meta({ description: 'Seconds before the default applies (0 = never).' }),
  })
  .meta({ description: 'Pauses the workflow for a human answer (human-in-the-loop).' });

/**
 * A human review gate (evaluator and orchestrator patterns): a human-in-the-loop step whose answer may
 * have to match a regular expression.
 */
export const hitlGateSchema = hitlStepSchema.extend({
  validation: z
    .strictObject({
      pattern: z.string().meta({ description: 'A regular expression the answer must match.' }),
    })
    .optional(),
});

/** A step: an agent step or a human-in-the-loop step. */
export const stepSchema = z.union([agentStepSchema, hitlStepSchema]);

/** True when `A` and `B` are assignable to each other: the schemas above produce the contract's types. */
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stepSchemasMatchTypes: [
  SameType<z.infer<typeof agentStepSchema>, AgentStepSpec>,
  SameType<z.infer<typeof hitlStepSchema>, HitlStepSpec>,
  SameType<z.infer<typeof stepSchema>, StepSpec>,
] = [true, true, true];
void stepSchemasMatchTypes;

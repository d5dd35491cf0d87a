/**
 * Building blocks shared by the spec sections and by executor plugins' config schemas: identifiers,
 * inference parameters and the step shapes (agent step and human-in-the-loop step).
 */
import * as z from 'zod';
import { maxTimerSeconds } from '../../timers/safe-timeout.js';

/** `^[A-Za-z0-9._:-]+$`: ids of tasks, branches, tools, secrets, skills. */
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, {
    message: 'must contain only letters, digits, ".", "_", ":" and "-"',
  })
  .meta({ description: 'An id: letters, digits, ".", "_", ":" and "-".' });

/** A string with at least one character. */
export const nonEmptyStringSchema = z.string().min(1, { message: 'must not be empty' });

/** Sampling parameters (runtime-wide or per agent). */
export const inferenceSchema = z
  .strictObject({
    temperature: z.number().min(0).max(2).optional().meta({ description: 'Sampling temperature, 0 to 2.' }),
    top_p: z.number().min(0).max(1).optional().meta({ description: 'Nucleus sampling, 0 to 1.' }),
    max_tokens: z.int().min(1).optional().meta({ description: 'Cap on output tokens per model call.' }),
  })
  .meta({ description: 'Inference parameters; each provider applies the ones it supports.' });

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

/** A human-in-the-loop step (accepted; reported by the capability check until sessions exist). */
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

/** A step: an agent step or a human-in-the-loop step. */
export const stepSchema = z.union([agentStepSchema, hitlStepSchema]);

/** A human review gate with an optional answer check (evaluator and orchestrator patterns). */
export const hitlGateSchema = hitlStepSchema.extend({
  validation: z
    .strictObject({
      pattern: z.string().meta({ description: 'A regular expression the answer must match.' }),
    })
    .optional(),
});

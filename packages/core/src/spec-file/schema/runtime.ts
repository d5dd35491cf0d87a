/** The `runtime` section: provider, model, inference defaults, budgets and the retry policy. */
import * as z from 'zod';
import { builtinProviders, listInWords } from '../../plugins/builtin-plugins.js';
import { maxTimerSeconds } from '../../timers/safe-timeout.js';
import { nonEmptyStringSchema } from './common.js';

/** `runtime.budgets`: limits that stop the run when crossed. */
export const budgetsSchema = z
  .strictObject({
    max_steps: z.int().min(1).optional().meta({ description: 'Most agent invocations in one run.' }),
    max_tokens: z.int().min(1).optional().meta({ description: 'Most tokens (input + output) in one run.' }),
    max_duration_s: z
      .number()
      .positive()
      .max(maxTimerSeconds)
      .optional()
      .meta({ description: 'Most wall-clock seconds for one run (at most 2147483, about 24.8 days).' }),
    warn_threshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: 'Fraction of a budget at which a warning is printed (default 0.8).' }),
  })
  .meta({ description: 'Run budgets; exceeding one stops the run (exit 20).' });

/** `runtime.failure_policy`: how model calls are retried. */
export const failurePolicySchema = z
  .strictObject({
    retries: z.int().min(0).optional().meta({ description: 'Retries after the first attempt (default 2).' }),
    backoff: z.enum(['constant', 'exponential', 'jittered']).optional(),
    wait_min: z
      .number()
      .min(0)
      .max(maxTimerSeconds)
      .optional()
      .meta({ description: 'Shortest wait between attempts, seconds.' }),
    wait_max: z
      .number()
      .min(0)
      .max(maxTimerSeconds)
      .optional()
      .meta({ description: 'Longest wait between attempts, seconds.' }),
  })
  .meta({ description: 'Retry policy for model calls (network errors, timeouts, throttling, 5xx).' });

/** `runtime.rate_limit`: provider request limits per endpoint (see docs/spec-reference and docs/scale-out.md). */
export const rateLimitSchema = z
  .strictObject({
    requests_per_second: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Most requests started in any one-second window, per provider endpoint.' }),
    requests_per_minute: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Most requests started in any sixty-second window, per provider endpoint.' }),
    max_concurrent: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Most requests in flight at once, per provider endpoint.' }),
  })
  .refine((limit) => limit.requests_per_second === undefined || limit.requests_per_minute === undefined, {
    message: 'set one of `requests_per_second` or `requests_per_minute`, not both',
  })
  .refine((limit) => Object.values(limit).some((value) => value !== undefined), {
    message: 'set `requests_per_second`, `requests_per_minute` or `max_concurrent`',
  })
  .meta({
    description:
      'Provider request limits, counted per endpoint (provider and server host or region) across every run sharing the process, or the database with `--database` and `strands worker`.',
  });

/** `runtime`. */
export const runtimeSchema = z
  .strictObject({
    provider: nonEmptyStringSchema.meta({
      description: `${listInWords(builtinProviders, 'or')} (or a provider package name).`,
      examples: [...builtinProviders],
    }),
    model_id: z.string().optional().meta({ description: 'Model for agents that do not set their own.' }),
    region: z.string().optional().meta({ description: 'AWS region (Bedrock).' }),
    host: z.string().optional().meta({ description: 'Server URL (Ollama, OpenAI-compatible servers).' }),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.int().min(1).optional(),
    max_parallel: z
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Most concurrent model calls in the whole run.' }),
    rate_limit: rateLimitSchema.optional(),
    budgets: budgetsSchema.optional(),
    failure_policy: failurePolicySchema.optional(),
  })
  .meta({ description: 'Provider, model and limits shared by every agent.' });

/**
 * The secondary top-level sections of strands-cli 0.5: env, telemetry, context_policy, skills,
 * security, metadata and outputs. All strict, so a misspelt key fails validation.
 */
import * as z from 'zod';
import { linearRegexProblem } from '../../templates/linear-regex.js';
import { identifierSchema, nonEmptyStringSchema } from './common.js';

/** One `env.secrets[]` entry. */
export const secretSchema = z.strictObject({
  key: identifierSchema.meta({ description: 'The environment variable name the secret is exposed as.' }),
  source: z.enum(['env', 'secrets_manager', 'ssm', 'file']),
  name: z.string().optional(),
  path: z.string().optional(),
});

/** `env`. */
export const envSchema = z
  .strictObject({
    secrets: z.array(secretSchema).optional(),
    mounts: z.record(z.string(), z.string()).optional(),
  })
  .meta({ description: 'Secrets and file-system mounts.' });

/** `telemetry`: OpenTelemetry export and redaction. */
export const telemetrySchema = z
  .strictObject({
    capture_content: z.boolean().optional().meta({
      description:
        'Export prompts, responses, tool arguments and tool results on spans (redacted). Off by default; OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true also turns it on.',
    }),
    otel: z
      .strictObject({
        endpoint: z.string().optional(),
        service_name: z.string().optional(),
        sample_ratio: z.number().min(0).max(1).optional(),
      })
      .optional(),
    redact: z
      .strictObject({
        tool_inputs: z.boolean().optional(),
        tool_outputs: z.boolean().optional(),
        custom_patterns: z
          .array(
            z.string().check((context) => {
              const problem = linearRegexProblem(context.value);
              if (problem !== undefined)
                context.issues.push({
                  code: 'custom',
                  input: context.value,
                  message: `not a usable pattern (RE2 syntax, no backreferences or lookaround): ${problem}`,
                });
            }),
          )
          .optional(),
      })
      .optional(),
  })
  .meta({
    description:
      'OpenTelemetry GenAI traces exported over OTLP/HTTP, with service name, sampling, opt-in content capture and redaction rules.',
  });

/** `context_policy`: compaction, notes and just-in-time retrieval. */
export const contextPolicySchema = z
  .strictObject({
    compaction: z
      .strictObject({
        enabled: z.boolean().optional(),
        when_tokens_over: z.int().min(1).optional(),
        summary_ratio: z.number().min(0).max(1).optional(),
        preserve_recent_messages: z.int().min(1).optional(),
        summarization_model: z.string().optional(),
      })
      .optional(),
    notes: z
      .strictObject({
        file: z.string(),
        include_last: z.int().min(0).optional(),
        format: z.enum(['markdown', 'json']).optional(),
      })
      .optional(),
    retrieval: z
      .strictObject({
        jit_tools: z.array(z.string()).optional(),
        mcp_servers: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .meta({ description: 'Context management: workflow notes, compaction and just-in-time retrieval.' });

/** One `skills[]` entry. */
export const skillSchema = z.strictObject({
  id: identifierSchema,
  path: z.string(),
  description: z.string().optional(),
  preload_metadata: z.boolean().optional(),
});

/** `security`. */
export const securitySchema = z
  .strictObject({
    guardrails: z
      .strictObject({
        deny_network: z.boolean().optional(),
        pii_redaction: z.boolean().optional(),
        allow_tools: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .meta({ description: 'Guardrails (accepted; not enforced in this version).' });

/** `metadata`: descriptive labels (atomic agents use `strands.io/agent_type: atomic`). */
export const metadataSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

/** One `outputs.artifacts[]` entry. */
export const artifactSchema = z.strictObject({
  path: nonEmptyStringSchema.meta({ description: 'File path under --out, a template.' }),
  from: z.string().meta({ description: 'The file content, a template (e.g. `{{ last_response }}`).' }),
});

/** `outputs`. */
export const outputsSchema = z
  .strictObject({ artifacts: z.array(artifactSchema).optional() })
  .meta({ description: 'Files written after a successful run.' });

import { extractJson, isJsonObject } from '../../executor-utils/extract-json.js';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { AgentLoopResult } from '../agent-loop.js';
import type { AgentContract } from './agent-contracts.js';
import type { SchemaViolation } from './json-schema-check.js';

/** An invocation's outcome, with the parsed answer when the agent has an output contract. */
export interface ContractedResult extends AgentLoopResult {
  /** The answer parsed as JSON and checked against `output_schema`. */
  readonly json?: unknown;
}

/** Runs one conversation with `input`; `attempt` is 1, or 2 for the clarification retry. */
export type RunConversation = (input: string, attempt: 1 | 2) => Promise<AgentLoopResult>;

/**
 * Runs an invocation under the agent's contract. The input is checked before any model call: the
 * rendered input when it is a JSON object (how a composite passes data to an atomic agent), otherwise
 * the run's variables (how an atomic spec receives its inputs). The answer is parsed as JSON (whole
 * text, then the first fenced block, then the first `{...}`) and checked; a mismatch gets one
 * clarification retry that shows the model its answer and the first problem, then fails (exit 10)
 * naming the first failing JSON pointer.
 */
export async function runWithContract(
  contract: AgentContract,
  input: string,
  variables: Readonly<Record<string, unknown>>,
  agentId: string,
  run: RunConversation,
): Promise<ContractedResult> {
  if (contract.input) {
    const document = parseJsonObject(input) ?? variables;
    const violation = contract.input.check(document);
    if (violation) {
      throw new RuntimeFailure(
        `the input of agent '${agentId}' does not match its input_schema: ${describe(violation)}`,
        {
          hint: 'Pass inputs that match the schema (with --var, or a JSON object as the step input); no model was called.',
        },
      );
    }
  }
  const first = await run(input, 1);
  if (!contract.output) return first;
  const check = contract.output.check;
  const firstCheck = parseChecked(first.text, check);
  if ('json' in firstCheck) return { ...first, json: firstCheck.json };
  const second = await run(clarification(input, first.text, firstCheck.violation), 2);
  const total: AgentLoopResult = {
    text: second.text,
    usage: {
      inputTokens: first.usage.inputTokens + second.usage.inputTokens,
      outputTokens: first.usage.outputTokens + second.usage.outputTokens,
    },
    turns: first.turns + second.turns,
    toolCalls: first.toolCalls + second.toolCalls,
    toolsUsed: [...new Set([...first.toolsUsed, ...second.toolsUsed])],
  };
  const secondCheck = parseChecked(second.text, check);
  if ('json' in secondCheck) return { ...total, json: secondCheck.json };
  throw new RuntimeFailure(
    `the answer of agent '${agentId}' does not match its output_schema after a clarification retry: ${describe(secondCheck.violation)}`,
    {
      hint: "Make the agent's prompt state the expected JSON shape, or relax output_schema.",
    },
  );
}

type Checked = { json: unknown } | { violation: SchemaViolation };

function parseChecked(text: string, check: (value: unknown) => SchemaViolation | undefined): Checked {
  let firstViolation: SchemaViolation | undefined;
  const json = extractJson(
    text,
    (parsed) => {
      const violation = check(parsed);
      firstViolation ??= violation;
      // Wrapped, so that a conforming `null` or `false` still counts as found.
      return violation === undefined ? { value: parsed } : undefined;
    },
    /\{.*\}/s,
  );
  if (json) return { json: json.value };
  return { violation: firstViolation ?? { pointer: '', message: 'the answer is not JSON' } };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function describe(violation: SchemaViolation): string {
  return `at ${violation.pointer === '' ? '/' : violation.pointer}: ${violation.message}`;
}

function clarification(input: string, answer: string, violation: SchemaViolation): string {
  return [
    input,
    '',
    '---',
    `Your previous answer did not match the required JSON Schema (${describe(violation)}).`,
    'Your previous answer was:',
    answer,
    '',
    'Answer again with only the corrected JSON object.',
  ].join('\n');
}

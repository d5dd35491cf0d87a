import { isAbsolute, resolve } from 'node:path';
import { readRegularFile } from '../../fs/regular-file.js';
import { RuntimeFailure } from '../../spec/v1/errors.js';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { maxSpecFileBytes } from '../../spec-file/source/read-spec-source.js';
import { compileSchema, type SchemaCheck } from './json-schema-check.js';

/** One side of an agent's contract: the schema and its compiled check. */
export interface ContractSide {
  readonly schema: Record<string, unknown>;
  readonly check: SchemaCheck;
}

/** What an agent promises: the shape of its input and of its answer, each optional. */
export interface AgentContract {
  readonly input?: ContractSide;
  readonly output?: ContractSide;
}

const noContract: AgentContract = Object.freeze({});

/**
 * Loads and compiles each agent's `input_schema`/`output_schema` once per run, on the agent's first
 * invocation. A path is relative to `baseDirectory` (an agent brought in by `$ref` already has absolute
 * paths, relative to the file that declared it).
 */
export class AgentContracts {
  readonly #spec: Readonly<WorkflowSpec>;
  readonly #baseDirectory: string;
  readonly #loaded = new Map<string, Promise<AgentContract>>();

  constructor(spec: Readonly<WorkflowSpec>, baseDirectory: string) {
    this.#spec = spec;
    this.#baseDirectory = baseDirectory;
  }

  /** The contract of `agentId` (empty when it declares no schema). */
  get(agentId: string): Promise<AgentContract> {
    const agent = Object.hasOwn(this.#spec.agents, agentId) ? this.#spec.agents[agentId] : undefined;
    if (!agent || (agent.input_schema === undefined && agent.output_schema === undefined)) {
      return Promise.resolve(noContract);
    }
    let loaded = this.#loaded.get(agentId);
    if (!loaded) {
      loaded = (async () => {
        const input = await this.#side(agentId, 'input_schema', agent.input_schema);
        const output = await this.#side(agentId, 'output_schema', agent.output_schema);
        return { ...(input ? { input } : {}), ...(output ? { output } : {}) };
      })();
      this.#loaded.set(agentId, loaded);
    }
    return loaded;
  }

  async #side(
    agentId: string,
    key: 'input_schema' | 'output_schema',
    value: string | Record<string, unknown> | undefined,
  ): Promise<ContractSide | undefined> {
    if (value === undefined) return undefined;
    const where = `agents.${agentId}.${key}`;
    let schema: unknown = value;
    if (typeof value === 'string') {
      const path = isAbsolute(value) ? value : resolve(this.#baseDirectory, value);
      try {
        // The spec names this file: a FIFO or a device there must not hang the run.
        schema = JSON.parse((await readRegularFile(path, maxSpecFileBytes)).toString('utf8'));
      } catch (error) {
        throw new RuntimeFailure(`cannot read ${where} (${path}): ${(error as Error).message}`, {
          hint: 'The schema path is relative to the spec file that declares the agent; it must be a JSON file.',
          cause: error,
        });
      }
    }
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new RuntimeFailure(`${where} is not a JSON Schema object`, {
        hint: 'Give a JSON Schema object inline, or the path of a JSON file holding one.',
      });
    }
    try {
      const record = schema as Record<string, unknown>;
      return { schema: record, check: await compileSchema(record) };
    } catch (error) {
      throw new RuntimeFailure(`${where} is not a valid JSON Schema: ${(error as Error).message}`, {
        hint: 'Fix the schema (draft 2020-12 by default).',
        cause: error,
      });
    }
  }
}

/**
 * The system prompt section that asks for an answer in JSON conforming to `schema`, so the model knows
 * the contract before it answers rather than only after a failed check.
 */
export function outputContractSection(schema: Record<string, unknown>): string {
  return [
    '# Output Contract',
    '',
    'Answer with only a JSON object that conforms to this JSON Schema (no text before or after it):',
    '',
    '```json',
    JSON.stringify(schema, null, 2),
    '```',
  ].join('\n');
}

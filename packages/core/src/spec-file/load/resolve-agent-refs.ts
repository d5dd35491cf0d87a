import { dirname, isAbsolute, resolve } from 'node:path';
import { type SpecIssue, SpecValidationError } from '../../spec/v1/errors.js';
import { toPointer } from '../source/json-pointer.js';
import { readSpecSource } from '../source/read-spec-source.js';
import type { SourceMap } from '../source/source-map.js';

/** The outcome of {@link resolveAgentRefs}. */
export interface ResolvedAgentRefs {
  /** The document with every `$ref` agent replaced by the referenced agent plus its overrides. */
  readonly document: Record<string, unknown>;
  readonly issues: readonly SpecIssue[];
  /** Agent id → absolute path of the spec file it came from. */
  readonly origins: ReadonlyMap<string, string>;
}

const schemaKeys = ['input_schema', 'output_schema'] as const;

/** The prompt of the stand-in for an agent whose `$ref` could not be loaded. */
const unresolvedPrompt = '(the $ref could not be loaded)';

/**
 * Resolves atomic-agent composition (`agents.<id>: { $ref: path, ...overrides }`) before validation,
 * as strands-cli 0.5 does: the path is relative to the referencing spec; the referenced spec must
 * define exactly one agent, which must not itself use `$ref`; overrides replace fields; schema paths
 * become absolute.
 */
export async function resolveAgentRefs(
  document: Record<string, unknown>,
  baseDirectory: string,
  sourceMap: SourceMap,
): Promise<ResolvedAgentRefs> {
  const agents = document.agents;
  const origins = new Map<string, string>();
  if (!agents || typeof agents !== 'object' || Array.isArray(agents))
    return { document, issues: [], origins };
  const issues: SpecIssue[] = [];
  const resolved: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(agents as Record<string, unknown>)) {
    const reference =
      entry && typeof entry === 'object' ? (entry as Record<string, unknown>).$ref : undefined;
    if (reference === undefined) {
      resolved[id] = entry;
      continue;
    }
    const pointer = toPointer(['agents', id, '$ref']);
    const report = (message: string, hint: string) =>
      issues.push({ ...sourceMap.locate(pointer), message, hint, code: 'ref' });
    if (typeof reference !== 'string' || reference === '') {
      report(
        '`$ref` must be the path of an atomic agent spec file',
        'Write `$ref: ./agents/atomic/<name>/<name>.yaml`.',
      );
      resolved[id] = entry;
      continue;
    }
    const target = isAbsolute(reference) ? reference : resolve(baseDirectory, reference);
    const loaded = await loadReferencedAgent(target, reference);
    const { $ref: _ref, ...overrides } = entry as Record<string, unknown>;
    if ('problem' in loaded) {
      report(loaded.problem, loaded.hint);
      // A stand-in agent keeps the schema from adding follow-on problems ("prompt is required",
      // "unknown key `$ref`") to the one at the `$ref`; the overrides are still checked.
      resolved[id] = { prompt: unresolvedPrompt, ...overrides };
      continue;
    }
    resolved[id] = { ...absoluteSchemaPaths(loaded.agent, dirname(target)), ...overrides };
    origins.set(id, target);
  }
  return { document: { ...document, agents: resolved }, issues, origins };
}

type Loaded = { agent: Record<string, unknown> } | { problem: string; hint: string };

async function loadReferencedAgent(target: string, reference: string): Promise<Loaded> {
  let referenced: Record<string, unknown>;
  try {
    referenced = (await readSpecSource(target)).document;
  } catch (error) {
    const detail = SpecValidationError.isInstance(error) ? error.message : String(error);
    const issue = (error as SpecValidationError).issues?.[0];
    const position =
      issue?.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column ?? 1}: ${issue.message})`;
    return {
      problem: `cannot load \`$ref: ${reference}\`: ${detail}${position}`,
      hint: 'The path is relative to this spec file; check it and the referenced file.',
    };
  }
  const agents = referenced.agents;
  const entries =
    agents && typeof agents === 'object' && !Array.isArray(agents) ? Object.entries(agents) : [];
  if (entries.length !== 1) {
    return {
      problem: `\`$ref: ${reference}\` must point to a spec with exactly one agent, it has ${entries.length}`,
      hint: 'Reference an atomic agent spec (one agent, one step).',
    };
  }
  const [, agent] = entries[0]!;
  if (!agent || typeof agent !== 'object' || Array.isArray(agent)) {
    return { problem: `the agent in \`${reference}\` is not a mapping`, hint: 'Fix the referenced spec.' };
  }
  if ('$ref' in agent) {
    return {
      problem: `\`${reference}\` uses \`$ref\` itself; nested references are not allowed`,
      hint: 'Reference the atomic agent spec that defines the agent directly.',
    };
  }
  return { agent: agent as Record<string, unknown> };
}

function absoluteSchemaPaths(agent: Record<string, unknown>, directory: string): Record<string, unknown> {
  const copy = { ...agent };
  for (const key of schemaKeys) {
    const value = copy[key];
    if (typeof value === 'string' && !isAbsolute(value)) copy[key] = resolve(directory, value);
  }
  return copy;
}

import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
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
 * define exactly one agent unless a `#/agents/<id>` fragment picks one; that agent must not itself use
 * `$ref` (a nested or circular reference is reported with the chain of files); overrides replace
 * fields; schema paths become absolute.
 * @param origin The referencing spec file, named in the chain of a nested reference.
 * @param referenceRoot A folder every referenced file must stay inside once symlinks are resolved
 *   (spec text from a model must not make the loader read, and echo, files elsewhere).
 */
export async function resolveAgentRefs(
  document: Record<string, unknown>,
  baseDirectory: string,
  sourceMap: SourceMap,
  origin?: string,
  referenceRoot?: string,
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
    const { file, fragment } = splitReference(reference, baseDirectory, origin);
    const self = origin ?? '(this spec)';
    if (referenceRoot !== undefined && !reference.startsWith('#') && !(await isInside(file, referenceRoot))) {
      report(
        `\`$ref: ${reference}\` points outside ${referenceRoot}`,
        'Reference agent specs inside the working directory (no `..`, absolute paths or symlinks out of it).',
      );
      resolved[id] = { prompt: unresolvedPrompt };
      continue;
    }
    // `#/agents/<id>` alone picks an agent of this very document (as written, before resolution).
    const loaded = reference.startsWith('#')
      ? checkReferencedAgent(agents as Record<string, unknown>, fragment, reference, [self, self], file)
      : await loadReferencedAgent(file, fragment, reference, [self, file]);
    const { $ref: _ref, ...overrides } = entry as Record<string, unknown>;
    if ('problem' in loaded) {
      report(loaded.problem, loaded.hint);
      // A stand-in agent keeps the schema from adding follow-on problems ("prompt is required",
      // "unknown key `$ref`") to the one at the `$ref`; the overrides are still checked.
      resolved[id] = { prompt: unresolvedPrompt, ...overrides };
      continue;
    }
    const declaredIn = reference.startsWith('#') ? baseDirectory : dirname(file);
    resolved[id] = { ...absoluteSchemaPaths(loaded.agent, declaredIn), ...overrides };
    if (!reference.startsWith('#')) origins.set(id, file);
  }
  return { document: { ...document, agents: resolved }, issues, origins };
}

/** Whether `file` (symlinks resolved; a missing file by its path) lies inside `root`. */
async function isInside(file: string, root: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => resolve(path));
  const path = relative(await real(root), await real(file));
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}

type Loaded = { agent: Record<string, unknown> } | { problem: string; hint: string };

const fragmentPattern = /^\/agents\/([^/]+)$/;

/** The file a reference names (the referencing spec itself for a bare `#/agents/<id>`) and its fragment. */
function splitReference(
  reference: string,
  baseDirectory: string,
  origin: string | undefined,
): { file: string; fragment: string | undefined } {
  const hash = reference.indexOf('#');
  const path = hash === -1 ? reference : reference.slice(0, hash);
  const fragment = hash === -1 ? undefined : reference.slice(hash + 1);
  if (path === '') return { file: origin ?? '(this spec)', fragment };
  return { file: isAbsolute(path) ? path : resolve(baseDirectory, path), fragment };
}

async function loadReferencedAgent(
  target: string,
  fragment: string | undefined,
  reference: string,
  chain: readonly string[],
): Promise<Loaded> {
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
  const map =
    agents && typeof agents === 'object' && !Array.isArray(agents) ? (agents as Record<string, unknown>) : {};
  return checkReferencedAgent(map, fragment, reference, chain, target);
}

/** The agent a reference picks from `map`, refused when it is not a mapping or uses `$ref` itself. */
function checkReferencedAgent(
  map: Record<string, unknown>,
  fragment: string | undefined,
  reference: string,
  chain: readonly string[],
  target: string,
): Loaded {
  const picked = pickAgent(map, fragment, reference);
  if ('problem' in picked) return picked;
  const { agent } = picked;
  if (!agent || typeof agent !== 'object' || Array.isArray(agent)) {
    return { problem: `the agent in \`${reference}\` is not a mapping`, hint: 'Fix the referenced spec.' };
  }
  const nested = (agent as Record<string, unknown>).$ref;
  if (nested !== undefined) {
    const next =
      typeof nested === 'string' ? splitReference(nested, dirname(target), target).file : undefined;
    const files = next === undefined ? chain : [...chain, next];
    const circular = next !== undefined && chain.includes(next);
    return {
      problem: `${circular ? 'circular' : 'nested'} \`$ref\`: ${files.join(' -> ')}; the agent in \`${reference}\` uses \`$ref\` itself`,
      hint: 'Reference the atomic agent spec that defines the agent directly.',
    };
  }
  return { agent: agent as Record<string, unknown> };
}

function pickAgent(
  agents: Record<string, unknown>,
  fragment: string | undefined,
  reference: string,
): { agent: unknown } | { problem: string; hint: string } {
  const entries = Object.entries(agents);
  if (fragment !== undefined) {
    const id = fragmentPattern.exec(fragment)?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
    if (id === undefined) {
      return {
        problem: `\`$ref: ${reference}\` has the fragment \`#${fragment}\`; only \`#/agents/<id>\` is supported`,
        hint: 'Write `$ref: ./file.yaml#/agents/<id>`.',
      };
    }
    if (!Object.hasOwn(agents, id)) {
      return {
        problem: `\`$ref: ${reference}\`: the spec has no agent '${id}'`,
        hint: `Use one of: ${entries.map(([name]) => name).join(', ') || '(no agents)'}.`,
      };
    }
    return { agent: agents[id] };
  }
  if (entries.length !== 1) {
    return {
      problem: `\`$ref: ${reference}\` must point to a spec with exactly one agent, it has ${entries.length}`,
      hint: 'Reference an atomic agent spec (one agent, one step), or pick one with `#/agents/<id>`.',
    };
  }
  return { agent: entries[0]![1] };
}

function absoluteSchemaPaths(agent: Record<string, unknown>, directory: string): Record<string, unknown> {
  const copy = { ...agent };
  for (const key of schemaKeys) {
    const value = copy[key];
    if (typeof value === 'string' && !isAbsolute(value)) copy[key] = resolve(directory, value);
  }
  return copy;
}

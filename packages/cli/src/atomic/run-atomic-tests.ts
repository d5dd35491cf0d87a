import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadSpec, type RunWorkflowOptions, runWorkflow } from '@strands-cli/core';
import { parse } from 'yaml';
import type { CliIO } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import type { AtomicLocation } from './find-atomic.js';

/** One `tests.yaml` case as strands-cli writes it. */
interface AtomicTestCase {
  readonly name?: string;
  /** A JSON file relative to the agent's folder, or the input object inline. */
  readonly input?: string | Record<string, unknown>;
  readonly expect?: {
    readonly checks?: readonly { readonly type?: string; readonly keys?: readonly string[] }[];
  };
}

/** The outcome of one case. */
export interface AtomicTestOutcome {
  readonly name: string;
  readonly ok: boolean;
  /** Why it failed (empty when it passed). */
  readonly problems: readonly string[];
}

/**
 * Runs each case of the agent's `tests.yaml`: the input object becomes the run's variables, the run
 * enforces the agent's own schemas (input before the call, output with one retry), and each
 * `has_keys` check looks at the parsed answer. A case that cannot run fails with the reason.
 */
export async function runAtomicTests(
  location: AtomicLocation,
  io: CliIO,
  options: Pick<RunWorkflowOptions, 'signal'> = {},
): Promise<AtomicTestOutcome[]> {
  const text = await readFile(resolve(location.directory, 'tests.yaml'), 'utf8');
  const document = parse(text) as { tests?: AtomicTestCase[] } | null;
  const cases = document?.tests ?? [];
  const outcomes: AtomicTestOutcome[] = [];
  for (const [index, testCase] of cases.entries()) {
    const name = testCase.name ?? `case ${index + 1}`;
    try {
      outcomes.push({ name, ...(await runCase(location, testCase, io, options)) });
    } catch (error) {
      outcomes.push({ name, ok: false, problems: [error instanceof Error ? error.message : String(error)] });
    }
  }
  return outcomes;
}

async function runCase(
  location: AtomicLocation,
  testCase: AtomicTestCase,
  io: CliIO,
  options: Pick<RunWorkflowOptions, 'signal'>,
): Promise<{ ok: boolean; problems: string[] }> {
  const input =
    typeof testCase.input === 'string'
      ? (JSON.parse(await readFile(resolve(location.directory, testCase.input), 'utf8')) as Record<
          string,
          unknown
        >)
      : (testCase.input ?? {});
  const { json: answer } = await runAtomicAgent(location, input, io, options);
  const problems: string[] = [];
  for (const check of testCase.expect?.checks ?? []) {
    if (check.type !== 'has_keys') {
      problems.push(`unknown check type '${String(check.type)}' (only has_keys is supported)`);
      continue;
    }
    const object = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
    const missing = (check.keys ?? []).filter((key) => !Object.hasOwn(object, key));
    if (missing.length > 0) problems.push(`has_keys: the answer has no ${missing.join(', ')}`);
  }
  return { ok: problems.length === 0, problems };
}

/**
 * Runs an atomic agent once with `input` as the run's variables (the agent's schemas enforced) and
 * returns its final text and, when it declares an output_schema, the parsed answer.
 */
export async function runAtomicAgent(
  location: AtomicLocation,
  input: Readonly<Record<string, unknown>>,
  io: CliIO,
  options: Pick<RunWorkflowOptions, 'signal'> = {},
): Promise<{ response: string; json: unknown }> {
  const plugins = pluginSources(location.file, io);
  const loaded = await loadSpec(location.file, { plugins, vars: input, env: io.env });
  const result = await runWorkflow(loaded, {
    ...options,
    env: io.env,
    cwd: io.cwd,
    searchFrom: plugins.searchFrom,
    ...(plugins.executors ? { executors: plugins.executors } : {}),
  });
  return { response: result.response, json: result.steps.at(-1)?.json };
}

import type { SpecIssue } from '../../spec/v1/errors.js';
import { closestMatch } from '../issues/did-you-mean.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';

/** `--var` names nothing reads: typos are usage errors, the rest warnings. */
export interface UnusedVars {
  /** Close to a declared or used name: almost surely a typo that would run on the default. */
  readonly errors: readonly string[];
  /** Read by nothing and close to nothing: kept usable (extra vars were always accepted), but said. */
  readonly warnings: readonly SpecIssue[];
}

/**
 * Finds `--var` names that no template, input or artifact reads. A name counts as read when it is a
 * declared input, an `inputs.values` key, one of `extraNames` (e.g. the inputs of an atomic agent),
 * or appears as a name inside any `{{ }}`/`{% %}` block of the resolved spec; that errs on the side of
 * "read", so a name is only reported when nothing could use it.
 */
export function findUnusedVars(
  spec: Readonly<WorkflowSpec>,
  cliNames: readonly string[],
  extraNames: Iterable<string>,
): UnusedVars {
  const read = new Set<string>([
    ...Object.keys(spec.inputs?.required ?? {}),
    ...Object.keys(spec.inputs?.optional ?? {}),
    ...Object.keys(spec.inputs?.values ?? {}),
    ...extraNames,
  ]);
  for (const name of templateNames(JSON.stringify(spec))) read.add(name);
  const errors: string[] = [];
  const warnings: SpecIssue[] = [];
  for (const name of cliNames) {
    if (read.has(name)) continue;
    const suggestion = closestMatch(name, read);
    if (suggestion !== undefined) {
      errors.push(`--var ${name}: nothing in the spec reads \`${name}\`. Did you mean \`${suggestion}\`?`);
    } else {
      warnings.push({
        pointer: '',
        message: `--var ${name} is not read by any template, input or artifact`,
        hint: 'Check the name, or drop the --var.',
        code: 'unused-var',
      });
    }
  }
  return { errors, warnings };
}

/** Every identifier inside the template blocks of `text`. */
function templateNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const block of text.matchAll(/\{[{%]([\s\S]*?)[}%]\}/g)) {
    for (const word of (block[1] ?? '').matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) names.add(word[0]);
  }
  return names;
}

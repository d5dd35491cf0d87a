import type { SpecIssue, SpecLocation } from '../../spec/v1/errors.js';
import type { TemplateSiteV1 } from '../../spec/v1/executor-v1.js';
import { renderTemplate } from '../../templates/render.js';
import { isSandboxNameMessage, sandboxNameHint } from '../../templates/sandbox-names.js';
import { closestMatch } from '../issues/did-you-mean.js';
import type { SourceMap } from '../source/source-map.js';
import { isParsedAnswerMember } from './parsed-answer-member.js';

/** What every template can see besides its site's own scope. */
export interface TemplateCheckContext {
  /** The user's variables, with placeholders for declared inputs that have no value yet. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Names whose members are unknown until run time (declared list/mapping inputs without a value). */
  readonly opaqueNames: ReadonlySet<string>;
  /** Names given with `--var`: a member missing from one of those is the caller's mistake, not the spec's. */
  readonly cliNames?: ReadonlySet<string>;
  readonly sourceMap: SourceMap;
}

/**
 * A template issue; `variable` names an undeclared variable that `--var` could still supply, and
 * `usage` says what is wrong with a `--var` value (a usage error rather than a spec error).
 */
export type TemplateIssue = SpecIssue & { readonly variable?: string; readonly usage?: string };

/** Names patterns provide (somewhere): using one where it is not provided is a mistake, not a missing --var. */
const patternNames = new Set([
  'steps',
  'tasks',
  'branches',
  'last_response',
  'router',
  'chosen_route',
  'hitl_response',
  'nodes',
  'workers',
  'iterations',
]);

const failurePattern = /^(.*) \(template line (\d+), column (\d+)\)$/s;

/**
 * Renders every template site in strict mode against placeholders of exactly what its place can see (so a
 * template error surfaces before any model call): an undefined name, a syntax error or an unknown filter
 * becomes a located issue. Failures that depend on the actual values (e.g. `| int` on a placeholder) are not
 * reported. A name that nothing declares is an error when it looks like a typo of a visible name ("did you
 * mean") or is a pattern name used where the pattern does not provide it; otherwise it is an issue with
 * `variable` set, since only the caller knows whether `--var` will supply it.
 */
export function checkTemplates(
  sites: readonly TemplateSiteV1[],
  context: TemplateCheckContext,
): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const site of sites) issues.push(...checkSite(site, context));
  return issues;
}

/** How many undefined names one template may report; past that the rest is noise. */
const maxNamesPerTemplate = 20;

/**
 * The engine stops at the first undefined name, so each one found is given a placeholder value and
 * the template rendered again, until it renders, fails otherwise, or the bound is reached: two typos
 * in one template are both reported.
 */
function checkSite(site: TemplateSiteV1, context: TemplateCheckContext): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const poisoned: Record<string, unknown> = {};
  for (let round = 0; round < maxNamesPerTemplate; round++) {
    const found = renderOnce(site, context, poisoned);
    if (!found) break;
    if (found.issue) issues.push(found.issue);
    if (found.undefinedRoot === undefined || found.undefinedRoot in poisoned) break;
    poisoned[found.undefinedRoot] = `<${found.undefinedRoot}>`;
  }
  return issues;
}

/** One render: undefined when it succeeds, else the issue (when reportable) and the undefined root name. */
function renderOnce(
  site: TemplateSiteV1,
  context: TemplateCheckContext,
  poisoned: Readonly<Record<string, unknown>>,
): { issue: TemplateIssue | undefined; undefinedRoot?: string } | undefined {
  try {
    renderTemplate(site.template, { ...context.variables, ...site.scope, ...poisoned });
    return undefined;
  } catch (error) {
    return issueOf(error, site, context);
  }
}

function issueOf(
  error: unknown,
  site: TemplateSiteV1,
  context: TemplateCheckContext,
): { issue: TemplateIssue | undefined; undefinedRoot?: string } {
  const text = error instanceof Error ? error.message : String(error);
  const match = failurePattern.exec(text);
  const summary = match?.[1] ?? text;
  const line = Number(match?.[2] ?? 1);
  const column = Number(match?.[3] ?? 1);
  if (isSandboxNameMessage(summary)) {
    // Checked first: `''.__class__` is "undefined" too, but no --var can or should supply it.
    return {
      issue: {
        ...context.sourceMap.locateInValue(site.pointer, line, column),
        message: `template: ${summary}`,
        hint: sandboxNameHint,
        code: 'template',
      },
    };
  }
  if (/ is undefined$/.test(summary)) {
    const found = expressionAt(site.template, line, column);
    const expression = found?.text ?? summary.replace(/^'(.*)' is undefined$/, '$1');
    const location = context.sourceMap.locateInValue(site.pointer, line, found?.column ?? column);
    const root = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression)?.[0] ?? expression;
    const visible = root in site.scope || root in context.variables;
    return {
      issue: undefinedName(site, context, expression, location),
      ...(visible ? {} : { undefinedRoot: root }),
    };
  }
  if (/^(syntax error|unknown filter|unknown function|unknown test|unknown method)/.test(summary)) {
    return {
      issue: {
        ...context.sourceMap.locateInValue(site.pointer, line, column),
        message: `template: ${summary}`,
        hint: /^syntax/.test(summary)
          ? 'Check the braces: {{ name }} for values, {% if %}...{% endif %} for logic.'
          : 'Filters available: truncate, tojson, title, regex_search, join, default, length, lower, upper, replace, trim, first, last.',
        code: 'template',
      },
    };
  }
  return { issue: undefined };
}

function undefinedName(
  site: TemplateSiteV1,
  context: TemplateCheckContext,
  expression: string,
  location: SpecLocation,
): TemplateIssue | undefined {
  const root = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression)?.[0] ?? expression;
  if (context.opaqueNames.has(root)) return undefined;
  if (isParsedAnswerMember(expression, site.scope)) return undefined;
  const hint = site.hint ?? 'Use only the names this place can see.';
  if (context.cliNames?.has(root) && !(root in site.scope) && expression !== root) {
    return {
      ...location,
      message: `template: \`${expression}\` is undefined`,
      hint,
      code: 'template',
      usage: `--var ${root}: the value has no \`${expression.slice(root.length).replace(/^\./, '')}\`, which a template reads (${expression})`,
    };
  }
  if (root in site.scope && /\.json(?:[.[]|$)/.test(expression)) {
    return {
      ...location,
      message: `template: \`${expression}\` is undefined here`,
      hint: '`.json` is the parsed answer of an agent that declares an output_schema, and this one declares none: add an output_schema to the agent, or read `.response`.',
      code: 'template',
    };
  }
  if (root in site.scope || root in context.variables) {
    return { ...location, message: `template: \`${expression}\` is undefined here`, hint, code: 'template' };
  }
  if (patternNames.has(root)) {
    return { ...location, message: `template: \`${root}\` is not available here`, hint, code: 'template' };
  }
  const suggestion = closestMatch(root, [...Object.keys(site.scope), ...Object.keys(context.variables)]);
  if (suggestion) {
    return {
      ...location,
      message: `template: \`${root}\` is undefined here. Did you mean \`${suggestion}\`?`,
      hint,
      code: 'template',
    };
  }
  return {
    ...location,
    message: `template: \`${root}\` is not declared in inputs and this place provides no such name`,
    hint: `Pass --var ${root}=... when you run, or declare it (inputs.required.${root}: string, or a value in inputs.values).`,
    code: 'undeclared-variable',
    variable: root,
  };
}

/** The whole dotted/indexed expression around a failure position (`steps[3].response`) and its column. */
function expressionAt(
  template: string,
  line: number,
  column: number,
): { text: string; column: number } | undefined {
  const text = template.split('\n')[line - 1];
  if (text === undefined) return undefined;
  const isPart = (character: string | undefined) => character !== undefined && /[\w.[\]'"]/.test(character);
  let start = Math.min(Math.max(column - 1, 0), text.length);
  let end = start;
  while (start > 0 && isPart(text[start - 1])) start -= 1;
  while (end < text.length && isPart(text[end])) end += 1;
  while (start < end && /[.[\]'"]/.test(text[start] ?? '')) start += 1;
  while (end > start && /[.'"[]/.test(text[end - 1] ?? '')) end -= 1;
  return start === end ? undefined : { text: text.slice(start, end), column: start + 1 };
}

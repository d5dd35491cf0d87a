import { RuntimeFailure } from '@strands-cli/core/spec';

/** A parsed `when`: `else`, or the bare expression of a condition. */
export type Condition =
  | { readonly kind: 'else' }
  | { readonly kind: 'expression'; readonly expression: string };

const wrapped = /^\s*\{\{([\s\S]*)\}\}\s*$/;

/**
 * Parses a `when`. A `{{ … }}` wrapper is stripped because authors write conditions either way.
 * An expression that closes a tag is refused: it is spliced into an `if` tag to be evaluated, and a
 * `%}` inside it would end that tag early and let the rest run as template text.
 * @throws RuntimeFailure naming the condition when it contains `%}` or `{%` or is empty.
 */
export function parseCondition(when: string): Condition {
  const trimmed = when.trim();
  if (trimmed === 'else') return { kind: 'else' };
  const expression = (wrapped.exec(trimmed)?.[1] ?? trimmed).trim();
  const problem = conditionProblem(expression);
  if (problem !== undefined) {
    throw new RuntimeFailure(`The condition \`${when}\` ${problem}`, {
      hint: 'Write a condition as one expression, e.g. "{{ \'approve\' in nodes.review.response }}".',
    });
  }
  return { kind: 'expression', expression };
}

/** What is wrong with a condition's expression, or undefined when it can be spliced into an `if`. */
export function conditionProblem(expression: string): string | undefined {
  if (expression === '') return 'is empty';
  if (/%\}|\{%|\{\{|\}\}/.test(expression)) return 'contains template tags (`{%`, `%}`, `{{` or `}}`)';
  // `a contains 'x'` reads naturally but is not Jinja (strands-cli fails on it when the edge is
  // reached); say how to write it instead of reporting a bare syntax error.
  const contains = /^(.+?)\s+contains\s+(.+)$/.exec(outsideQuotes(expression));
  if (contains) {
    return `uses \`contains\`, which Jinja does not have: write \`${expression
      .slice(contains[1]!.length)
      .replace(/^\s+contains\s+/, '')
      .trim()} in ${expression.slice(0, contains[1]!.length).trim()}\``;
  }
  return undefined;
}

/** The template that renders `1` when the expression is true. */
export function conditionTemplate(expression: string): string {
  return `{% if (${expression}) %}1{% endif %}`;
}

/**
 * The template `validate` checks for a `when`: the text itself when already wrapped in `{{ … }}`
 * (so reported columns point into the file exactly), else the expression wrapped in `{{ … }}`.
 */
export function conditionCheckTemplate(when: string): string {
  return wrapped.test(when) ? when : `{{${when}}}`;
}

const nodeReference = /\bnodes\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*(['"])([^'"]+)\2\s*\])/g;

/** The node ids a template or expression reads as `nodes.<id>` or `nodes['<id>']`. */
export function nodeReferences(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(nodeReference)) ids.add((match[1] ?? match[3]) as string);
  return [...ids];
}

/** The closest id by edit distance (at most a third of its length, at least 2), for "did you mean". */
export function closestId(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The expression with the text inside quotes blanked out, keeping every position. */
function outsideQuotes(expression: string): string {
  return expression.replace(/'[^']*'|"[^"]*"/g, (quoted) => ' '.repeat(quoted.length));
}

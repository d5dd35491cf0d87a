import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render.js';

/**
 * Differential test: every template of the corpus is rendered by the real Jinja2 (Python, the
 * engine strands-cli specs are written for) and by ours, and the outputs must be equal (or both
 * renders must fail). A case with `difference` documents an intentional difference: our output is
 * the one given, and Jinja2's must differ from it (so the entry is dropped once they agree).
 */

interface Case {
  readonly name: string;
  readonly template: string;
  readonly context?: Record<string, unknown>;
  readonly difference?: { readonly ours: string; readonly why: string };
}

type Rendered = { readonly output: string } | { readonly error: string };

const directory = new URL('./jinja2-differential/', import.meta.url);
const corpus = JSON.parse(readFileSync(new URL('corpus.json', directory), 'utf8')) as {
  context: Record<string, unknown>;
  cases: Case[];
};

/** Renders every case with Jinja2 in one Python process. */
function renderWithJinja2(cases: readonly Case[]): Rendered[] {
  const probe = spawnSync('python3', ['-c', 'import jinja2'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'The template differential test needs python3 with Jinja2: install the Debian package python3-jinja2 (apt-get install python3-jinja2).',
    );
  }
  const input = cases.map((item) => ({ template: item.template, context: contextOf(item) }));
  const result = spawnSync('python3', [new URL('jinja2_render.py', directory).pathname], {
    input: JSON.stringify(input),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`jinja2_render.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Rendered[];
}

function contextOf(item: Case): Record<string, unknown> {
  return { ...corpus.context, ...item.context };
}

function renderWithOurs(item: Case): Rendered {
  try {
    return { output: renderTemplate(item.template, contextOf(item)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What is compared: the text, or just the fact that rendering failed. */
function comparable(rendered: Rendered | undefined): string {
  if (rendered === undefined) return '<missing>';
  return 'output' in rendered ? rendered.output : '<error>';
}

describe('templates render what Jinja2 renders', () => {
  const reference = renderWithJinja2(corpus.cases);

  it.each(corpus.cases.map((item, index) => [item.name, item, index] as const))(
    '%s',
    (_name, item, index) => {
      const ours = comparable(renderWithOurs(item));
      const jinja2 = comparable(reference[index]);
      if (item.difference) {
        expect(ours).toBe(item.difference.ours);
        expect(jinja2).not.toBe(ours);
      } else {
        expect({ template: item.template, output: ours }).toEqual({
          template: item.template,
          output: jinja2,
        });
      }
    },
  );
});

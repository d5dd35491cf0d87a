import type { WorkflowSpec } from '@strands-cli/core/spec';

/**
 * What makes a spec a reusable atomic agent, beyond being a valid spec: exactly one agent, a chain or
 * workflow pattern with exactly one step or task, and no dependencies. Returns the broken rules.
 */
export function atomicProblems(spec: Readonly<WorkflowSpec>): string[] {
  const problems: string[] = [];
  const agents = Object.keys(spec.agents);
  if (agents.length !== 1)
    problems.push(`an atomic spec has exactly one agent, this one has ${agents.length}`);
  const { type, config } = spec.pattern as { type: string; config?: Record<string, unknown> };
  if (type !== 'chain' && type !== 'workflow') {
    problems.push(`an atomic spec uses the chain pattern (or the workflow pattern), not ${type}`);
    return problems;
  }
  const units = (type === 'chain' ? config?.steps : config?.tasks) as unknown[] | undefined;
  const noun = type === 'chain' ? 'step' : 'task';
  if (!Array.isArray(units) || units.length !== 1) {
    problems.push(
      `an atomic spec has exactly one ${noun}, this one has ${Array.isArray(units) ? units.length : 0}`,
    );
  }
  const deps = (units?.[0] as { deps?: unknown[] } | undefined)?.deps;
  if (type === 'workflow' && Array.isArray(deps) && deps.length > 0) {
    problems.push('the task of an atomic spec has no deps');
  }
  return problems;
}

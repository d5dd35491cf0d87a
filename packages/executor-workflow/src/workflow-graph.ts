import type { AnalysisIssueV1 } from '@strands-cli/core/spec';
import type { WorkflowTask } from './workflow-config.js';

/** Problems with task ids and deps: duplicates, unknown deps, self-dependencies and cycles. */
export function checkTaskGraph(tasks: readonly WorkflowTask[]): AnalysisIssueV1[] {
  const issues: AnalysisIssueV1[] = [];
  const ids = tasks.map((task) => task.id);
  const seen = new Set<string>();
  tasks.forEach((task, index) => {
    if (seen.has(task.id)) {
      issues.push({
        pointer: `/pattern/config/tasks/${index}/id`,
        message: `duplicate task id \`${task.id}\``,
        hint: 'Give every task a different id.',
        code: 'duplicate',
      });
    }
    seen.add(task.id);
    const listed = new Set<string>();
    (task.deps ?? []).forEach((dep, position) => {
      const pointer = `/pattern/config/tasks/${index}/deps/${position}`;
      if (listed.has(dep)) {
        issues.push({
          pointer,
          message: `task \`${task.id}\` lists \`${dep}\` twice in deps`,
          hint: 'List each dependency once.',
          code: 'duplicate',
        });
      } else if (dep === task.id) {
        issues.push({
          pointer,
          message: `task \`${task.id}\` depends on itself`,
          hint: 'Remove it from its own deps.',
          code: 'cycle',
        });
      } else if (!ids.includes(dep)) {
        issues.push({
          pointer,
          message: `task \`${task.id}\` depends on \`${dep}\`, which is not a task`,
          hint: `Task ids: ${ids.map((id) => `\`${id}\``).join(', ')}.`,
          code: 'reference',
        });
      }
      listed.add(dep);
    });
  });
  const cycle = findCycle(tasks);
  if (cycle) {
    const first = tasks.findIndex((task) => task.id === cycle[0]);
    issues.push({
      pointer: `/pattern/config/tasks/${first}/deps`,
      message: `dependency cycle: ${cycle.map((id) => `\`${id}\``).join(' → ')}`,
      hint: 'A task cannot wait for itself, directly or through others; remove one of these deps.',
      code: 'cycle',
    });
  }
  return issues;
}

/** One dependency cycle (first task repeated at the end), ignoring self-dependencies, or undefined. */
export function findCycle(tasks: readonly WorkflowTask[]): string[] | undefined {
  const deps = new Map<string, string[]>();
  for (const task of tasks) {
    // Duplicate ids are reported elsewhere; their deps are merged so a cycle through them still shows.
    deps.set(task.id, [...(deps.get(task.id) ?? []), ...(task.deps ?? []).filter((dep) => dep !== task.id)]);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done' || !deps.has(id)) return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of deps.get(id) ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const task of tasks) {
    const found = visit(task.id);
    if (found) return found.reverse();
  }
  return undefined;
}

/** Every task `id` waits for, directly or through other tasks (in task order). */
export function ancestorsOf(id: string, tasks: readonly WorkflowTask[]): string[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const found = new Set<string>();
  const stack = [...(byId.get(id)?.deps ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (found.has(next) || next === id || !byId.has(next)) continue;
    found.add(next);
    stack.push(...(byId.get(next)?.deps ?? []));
  }
  return tasks.map((task) => task.id).filter((taskId) => found.has(taskId));
}

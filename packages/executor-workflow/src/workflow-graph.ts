import type { AnalysisIssueV1 } from '@strands-cli/core/spec';
import type { WorkflowTask } from './workflow-config.js';

/** Problems with task ids and deps: duplicates, unknown deps, self-dependencies and cycles. */
export function checkTaskGraph(tasks: readonly WorkflowTask[]): AnalysisIssueV1[] {
  const issues: AnalysisIssueV1[] = [];
  const ids = tasks.map((task) => task.id);
  const known = new Set(ids);
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
      } else if (!known.has(dep)) {
        issues.push({
          pointer,
          message: `task \`${task.id}\` depends on \`${dep}\`, which is not a task`,
          hint: idsHint(ids),
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

/** How many task ids a hint lists: one per unknown dep, the whole list would grow with the square of the spec. */
const listedIds = 20;

function idsHint(ids: readonly string[]): string {
  const shown = ids.slice(0, listedIds).map((id) => `\`${id}\``);
  if (ids.length > listedIds) shown.push(`and ${ids.length - listedIds} more`);
  return `Task ids: ${shown.join(', ')}.`;
}

/**
 * One dependency cycle (first task repeated at the end), ignoring self-dependencies, or undefined.
 * The depth-first search keeps its own stack: a chain of thousands of tasks would overflow the call stack.
 */
export function findCycle(tasks: readonly WorkflowTask[]): string[] | undefined {
  const deps = new Map<string, string[]>();
  for (const task of tasks) {
    // Duplicate ids are reported elsewhere; their deps are merged so a cycle through them still shows.
    const list = deps.get(task.id) ?? [];
    deps.set(task.id, list);
    for (const dep of task.deps ?? []) if (dep !== task.id) list.push(dep);
  }
  const done = new Set<string>();
  const visiting = new Set<string>();
  const path: string[] = [];
  for (const task of tasks) {
    if (done.has(task.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: task.id, next: 0 }];
    visiting.add(task.id);
    path.push(task.id);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const list = deps.get(frame.id) ?? [];
      if (frame.next < list.length) {
        const dep = list[frame.next++] as string;
        if (done.has(dep) || !deps.has(dep)) continue;
        if (visiting.has(dep)) return [...path.slice(path.indexOf(dep)), dep].reverse();
        visiting.add(dep);
        path.push(dep);
        stack.push({ id: dep, next: 0 });
      } else {
        stack.pop();
        path.pop();
        visiting.delete(frame.id);
        done.add(frame.id);
      }
    }
  }
  return undefined;
}

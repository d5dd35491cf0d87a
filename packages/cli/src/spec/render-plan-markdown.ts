import { plural } from './format-issues.js';
import type { Plan } from './plan-model.js';

/** The Markdown form of a plan: runtime, agents with effective provider/model, the pattern, inputs. */
export function renderPlanMarkdown(plan: Plan): string {
  const lines: string[] = [`# Plan: ${plan.name}`, ''];
  if (plan.description) lines.push(plan.description.trim(), '');
  lines.push('## Runtime', '');
  for (const [key, value] of Object.entries(plan.runtime)) lines.push(`- **${key}:** ${show(value)}`);
  lines.push(
    '',
    '## Agents',
    '',
    '| Agent | Provider | Model | Tools | Inference |',
    '|---|---|---|---|---|',
  );
  for (const agent of plan.agents) {
    const model =
      agent.modelSource === 'provider default' ? `${agent.model} (provider default)` : agent.model;
    const inference = Object.entries(agent.inference)
      .map(([key, value]) =>
        agent.providerDefaults.includes(key) ? `${key}=${value} (provider default)` : `${key}=${value}`,
      )
      .join(', ');
    // Servers given to every agent appear in no agent's tool list, so the plan names them here.
    const implicit = agent.mcp.filter((id) => !agent.tools.includes(id));
    const tools = [...agent.tools, ...implicit.map((id) => `${id} (MCP)`)];
    lines.push(
      `| ${agent.id} | ${agent.provider} | ${model} | ${tools.join(', ') || '-'} | ${inference || '-'} |`,
    );
  }
  lines.push('', `## Pattern: ${plan.pattern.type}`, '');
  if (plan.pattern.description) lines.push(plan.pattern.description, '');
  const labels = new Map(plan.pattern.nodes.map((node) => [node.id, node.label]));
  for (const node of plan.pattern.nodes) {
    const after = plan.pattern.edges
      .filter((edge) => edge.to === node.id)
      .map((edge) => `${labels.get(edge.from) ?? edge.from}${edge.label ? ` [${edge.label}]` : ''}`);
    lines.push(`- ${node.label}${after.length > 0 ? ` ← after ${after.join('; ')}` : ''}`);
  }
  if (plan.inputs.length > 0) {
    lines.push('', '## Inputs', '', '| Input | Type | Required | Value |', '|---|---|---|---|');
    for (const input of plan.inputs) {
      const value = 'value' in input ? show(input.value) : '(not set: pass --var)';
      lines.push(`| ${input.name} | ${input.type} | ${input.required ? 'yes' : 'no'} | ${value} |`);
    }
  }
  if (plan.artifacts.length > 0) {
    lines.push('', '## Artifacts', '', ...plan.artifacts.map((path) => `- ${path}`));
  }
  lines.push('', '## Can this version run it?', '');
  if (plan.supported) {
    lines.push('✓ Yes: every feature it uses is supported.');
  } else {
    lines.push(`⚠ Not yet: it uses ${plural(plan.issues.length, 'unsupported feature')}.`, '');
    for (const issue of plan.issues.slice(0, 3)) lines.push(`- ${issue.pointer}: ${issue.reason}`);
    if (plan.issues.length > 3) lines.push(`- ... and ${plan.issues.length - 3} more`);
    lines.push('', 'Run `strands explain` on the spec for how to change them.');
  }
  if (plan.warnings.length > 0)
    lines.push('', `(${plural(plan.warnings.length, 'warning')}: \`strands validate\` shows them.)`);
  return `${lines.join('\n')}\n`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value.includes('\n') ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';

/**
 * Builds an agent's system prompt once per agent (not templated, so it is the same for every call): the
 * agent's `prompt`, the skills list when the spec has skills, the `# Runtime Context` section, then the
 * tools' own section (e.g. the HTTP tools reference). Sections are joined by a blank line.
 */
export function buildSystemPrompt(
  spec: Readonly<WorkflowSpec>,
  agentId: string,
  toolsSection: string | undefined,
): string {
  const agent = Object.hasOwn(spec.agents, agentId) ? spec.agents[agentId] : undefined;
  const sections: string[] = [];
  if (agent?.prompt) sections.push(agent.prompt);
  const skills = skillsSection(spec);
  if (skills) sections.push(skills);
  sections.push(runtimeContextSection(spec, agentId));
  if (toolsSection?.trim()) sections.push(toolsSection.trim());
  return sections.join('\n\n');
}

function skillsSection(spec: Readonly<WorkflowSpec>): string | undefined {
  if (!spec.skills || spec.skills.length === 0) return undefined;
  const lines = ['# Available Skills', ''];
  for (const skill of spec.skills) {
    const id = skill.id;
    const path = typeof skill.path === 'string' ? ` (path: \`${skill.path}\`)` : '';
    const description = typeof skill.description === 'string' ? `: ${skill.description}` : '';
    lines.push(`- **${id}**${path}${description}`);
  }
  return lines.join('\n');
}

function runtimeContextSection(spec: Readonly<WorkflowSpec>, agentId: string): string {
  const lines = ['# Runtime Context', '', `- **Workflow:** ${spec.name}`];
  if (spec.description) lines.push(`- **Description:** ${spec.description}`);
  if (spec.tags && spec.tags.length > 0) lines.push(`- **Tags:** ${spec.tags.join(', ')}`);
  lines.push(`- **Agent ID:** ${agentId}`);
  const budgets = spec.runtime.budgets;
  if (budgets && Object.keys(budgets).length > 0) {
    lines.push('- **Budgets:**');
    for (const [key, value] of Object.entries(budgets)) {
      if (value !== undefined) lines.push(`  - ${key}: ${String(value)}`);
    }
  }
  return lines.join('\n');
}

import { isAbsolute, resolve } from 'node:path';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from '../../fs/regular-file.js';
import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';
import { confinePath } from '../native/confine-path.js';
import { messageOf, toolFailure, toolSuccess } from '../tool-result.js';

/** The name the model calls the skill loader by, as strands-cli names it. */
export const skillToolName = 'Skill';

/** Largest skill document returned: skills are instructions, not data, and they fill the context. */
export const maxSkillDocumentBytes = 256 * 1024;

/** What the skill loader needs. */
export interface SkillToolOptions {
  readonly skills: NonNullable<WorkflowSpec['skills']>;
  /** The directory of the spec file: skill paths are relative to it. */
  readonly specDirectory: string;
  /** Replaces secret values in what the model sees. */
  readonly redact?: (text: string) => string;
}

/**
 * The `Skill` loader: `Skill("id")` returns the skill's SKILL.md (or README.md), `Skill("id/file")`
 * a document the skill names (`file` or `file.md`), read from inside the skill's folder only (no
 * `..`, no absolute path, no symbolic link leading out, regular files up to a size limit). Each
 * document is returned once per run; a repeat gets a short reminder, so a model that loops on it does
 * not fill its context. Nothing is executed.
 */
export function createSkillTool(options: SkillToolOptions): ToolV1 {
  const loaded = new Set<string>();
  const redact = options.redact ?? ((text: string) => text);
  const ids = options.skills.map((skill) => skill.id);
  return {
    name: skillToolName,
    description:
      "Load a skill's instructions on demand. `skill_id` is a skill id from the Available Skills list, or `<id>/<document>` for another document of that skill (e.g. `pdf/forms` reads forms.md).",
    inputSchema: {
      type: 'object',
      properties: {
        skill_id: { type: 'string', description: `One of: ${ids.join(', ')}; or <id>/<document>` },
      },
      required: ['skill_id'],
    },
    async call(input) {
      const requested = input.skill_id;
      if (typeof requested !== 'string' || requested.trim() === '') {
        return toolFailure(`Missing required 'skill_id' parameter; available skills: ${ids.join(', ')}`);
      }
      const slash = requested.indexOf('/');
      const id = slash === -1 ? requested : requested.slice(0, slash);
      const document = slash === -1 ? undefined : requested.slice(slash + 1);
      const skill = options.skills.find((candidate) => candidate.id === id);
      if (!skill) return toolFailure(`Unknown skill '${id}'. Available skills: ${ids.join(', ') || 'none'}`);
      if (typeof skill.path !== 'string' || skill.path === '') {
        return toolFailure(`Skill '${id}' has no path in the spec`);
      }
      if (loaded.has(requested)) {
        return toolSuccess(`Skill '${requested}' is already loaded in this run; use the instructions above.`);
      }
      const folder = isAbsolute(skill.path) ? skill.path : resolve(options.specDirectory, skill.path);
      try {
        const found = await readSkillDocument(folder, document);
        if ('refusal' in found) return toolFailure(`Skill '${requested}': ${found.refusal}`);
        loaded.add(requested);
        const header =
          document === undefined
            ? [
                `# Loaded Skill: ${id}`,
                ...(skill.description ? ['', `**Description**: ${skill.description.trim()}`] : []),
              ]
            : [`# Loaded Skill Document: ${id}/${found.name}`];
        return toolSuccess(redact([...header, '', '---', '', found.text].join('\n')));
      } catch (error) {
        return toolFailure(redact(`Skill '${requested}' could not be read: ${messageOf(error)}`));
      }
    },
  };
}

type Found = { name: string; text: string } | { refusal: string };

/** SKILL.md, else README.md, when no document is named; else the document, with `.md` tried second. */
async function readSkillDocument(folder: string, document: string | undefined): Promise<Found> {
  const candidates = document === undefined ? ['SKILL.md', 'README.md'] : [document, `${document}.md`];
  let refusal: string | undefined;
  for (const name of candidates) {
    const confined = await confinePath(folder, name, 'read').catch((error: unknown) => ({
      ok: false as const,
      message: messageOf(error),
    }));
    if (!confined.ok) {
      // "Not found" lets the next candidate try; anything else (a `..`, a link leading out) refuses.
      if (!confined.message.startsWith('File not found')) {
        return {
          refusal: `${confined.message.replace('the working directory', 'the skill folder')}; skills read only inside their own folder`,
        };
      }
      refusal ??= `no ${candidates.join(' or ')} in the skill folder`;
      continue;
    }
    try {
      const bytes = await readRegularFile(confined.path, maxSkillDocumentBytes);
      return { name: confined.relativePath, text: bytes.toString('utf8') };
    } catch (error) {
      if (error instanceof NotRegularFileError || error instanceof FileTooLargeError) {
        return { refusal: `${confined.relativePath}: ${error.message}` };
      }
      throw error;
    }
  }
  return { refusal: refusal ?? 'document not found' };
}

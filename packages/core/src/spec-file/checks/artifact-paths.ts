import { artifactPathComponents, folderConflict, isPathProblem } from '../../files/artifact-path-rules.js';
import type { SpecIssue } from '../../spec/v1/errors.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';

/**
 * Finds `outputs.artifacts` entries that would write the same file: identical `path` templates (a
 * template renders the same text twice), or static paths equal once `./`, doubled slashes and
 * surrounding spaces are ignored. A run would otherwise stop only after all its model calls (exit
 * 12); here it is a spec error naming both entries. Paths that may collide only through their
 * values at run time are still caught by the run.
 */
export function checkArtifactPaths(spec: Readonly<WorkflowSpec>, sourceMap: SourceMap): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const firstByKey = new Map<string, number>();
  (spec.outputs?.artifacts ?? []).forEach((artifact, index) => {
    const key = pathKey(artifact.path);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, index);
      return;
    }
    const firstPointer = toPointer(['outputs', 'artifacts', first, 'path']);
    const pointer = toPointer(['outputs', 'artifacts', index, 'path']);
    const firstLine = sourceMap.locate(firstPointer).line;
    const firstAt = firstLine === undefined ? firstPointer : `${firstPointer} (line ${firstLine})`;
    issues.push({
      ...sourceMap.locate(pointer),
      message: `artifact ${index + 1} would write the same file as artifact ${first + 1}: ${pointer} and ${firstAt} are both \`${artifact.path.trim()}\``,
      hint: 'Give each artifact its own path, e.g. a different file name.',
      code: 'duplicate',
    });
  });
  issues.push(...checkLiteralPaths(spec, sourceMap));
  return issues;
}

/**
 * Literal paths (no template in them) are checked by the rules the run applies, so a path that
 * leaves `--out`, a name too long for the file system, or a file whose path is another's folder is
 * a spec error here instead of a failure after every model call.
 */
function checkLiteralPaths(spec: Readonly<WorkflowSpec>, sourceMap: SourceMap): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const literal: { index: number; components: string[] }[] = [];
  (spec.outputs?.artifacts ?? []).forEach((artifact, index) => {
    if (/\{[{%#]/.test(artifact.path)) return;
    const components = artifactPathComponents(artifact.path);
    const pointer = toPointer(['outputs', 'artifacts', index, 'path']);
    if (isPathProblem(components)) {
      issues.push({
        ...sourceMap.locate(pointer),
        message: `artifact ${index + 1}: ${components.message}`,
        hint: components.hint,
        code: 'artifact-path',
      });
    } else {
      literal.push({ index, components });
    }
  });
  const conflict = folderConflict(literal.map((entry) => entry.components));
  if (conflict) {
    const folder = literal[conflict[0]] as { index: number; components: string[] };
    const file = literal[conflict[1]] as { index: number; components: string[] };
    issues.push({
      ...sourceMap.locate(toPointer(['outputs', 'artifacts', file.index, 'path'])),
      message: `artifact ${file.index + 1} is written inside \`${folder.components.join('/')}\`, which artifact ${folder.index + 1} writes as a file`,
      hint: 'A path cannot be both a file and a folder; rename one of the two artifacts.',
      code: 'artifact-path',
    });
  }
  return issues;
}

/** What two paths must share to name one file for sure, without rendering them. */
function pathKey(path: string): string {
  const trimmed = path.trim();
  if (/\{[{%#]/.test(trimmed)) return `template:${trimmed}`;
  // The run drops empty and `.` components the same way (resolveArtifactPath).
  const components = trimmed.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  return `static:${components.join('/')}`;
}

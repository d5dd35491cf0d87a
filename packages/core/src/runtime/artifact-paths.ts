import { join, resolve, sep } from 'node:path';
import { artifactPathComponents, isPathProblem } from '../files/artifact-path-rules.js';
import { ArtifactError } from '../spec/v1/errors.js';

export { sanitizeFilename } from '../files/artifact-path-rules.js';

/**
 * Turns a rendered artifact path into a file path inside `outDirectory`: absolute paths, `..` components and names over the file system's byte limit are refused,
 * every component is sanitised, `.` and empty components are dropped, and the result must stay
 * inside `outDirectory`.
 * @throws ArtifactError naming the artifact and how to fix its path.
 */
export function resolveArtifactPath(renderedPath: string, outDirectory: string, label: string): string {
  const trimmed = renderedPath.trim();
  const components = artifactPathComponents(trimmed);
  if (isPathProblem(components)) {
    throw new ArtifactError(`${label}: ${components.message}`, trimmed, { hint: components.hint });
  }
  const root = resolve(outDirectory);
  const target = join(root, ...components);
  if (!target.startsWith(root + sep)) {
    throw new ArtifactError(`${label}: the path '${trimmed}' is outside the output directory`, trimmed);
  }
  return target;
}

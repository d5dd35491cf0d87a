import { isAbsolute, join, resolve, sep } from 'node:path';
import { ArtifactError } from '../spec/v1/errors.js';

/**
 * Makes one path component safe (strands-cli HEAD `sanitize_filename`): characters other than
 * letters, digits, `_`, `.` and `-` become `_`; leading and trailing `.`/`_` go; runs of `_` collapse;
 * at most 100 characters; an empty result becomes `unnamed`.
 */
export function sanitizeFilename(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N}_.-]/gu, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .replace(/_+/g, '_')
    .slice(0, 100);
  return cleaned === '' ? 'unnamed' : cleaned;
}

/**
 * Turns a rendered artifact path into a file path inside `outDirectory` (with strands-cli's rules, so a spec
 * cannot write elsewhere): absolute paths and `..` components are refused, every component is sanitised, `.`
 * and empty components are dropped, and the result must stay inside `outDirectory`.
 * @throws ArtifactError naming the artifact and how to fix its path.
 */
export function resolveArtifactPath(renderedPath: string, outDirectory: string, label: string): string {
  const trimmed = renderedPath.trim();
  if (isAbsolute(trimmed) || /^[A-Za-z]:[\\/]/.test(trimmed) || trimmed.startsWith('\\')) {
    throw new ArtifactError(`${label}: the path '${trimmed}' is absolute`, trimmed, {
      hint: 'Artifact paths are relative to --out; remove the leading slash or drive.',
    });
  }
  const components = trimmed.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (components.includes('..')) {
    throw new ArtifactError(`${label}: the path '${trimmed}' leaves the output directory ('..')`, trimmed, {
      hint: 'Remove the ".." components; artifacts are always written inside --out.',
    });
  }
  if (components.length === 0) {
    throw new ArtifactError(`${label}: the path renders to nothing`, trimmed, {
      hint: 'Give the artifact a file name, e.g. path: "report.md".',
    });
  }
  const root = resolve(outDirectory);
  const target = join(root, ...components.map(sanitizeFilename));
  if (!target.startsWith(root + sep)) {
    throw new ArtifactError(`${label}: the path '${trimmed}' is outside the output directory`, trimmed);
  }
  return target;
}

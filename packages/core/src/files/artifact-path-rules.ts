/**
 * The rules a rendered artifact path must follow, without touching the disk: shared by `validate`
 * (literal paths), the check before a run's first model call and the write itself, so all three
 * refuse the same paths with the same words.
 */

/** The longest file or folder name most file systems take, in bytes (not characters). */
export const maxNameBytes = 255;

/** Why a path cannot be an artifact path, and how to fix it. */
export interface ArtifactPathProblem {
  readonly message: string;
  readonly hint: string;
}

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
 * The sanitised components of a rendered artifact path, or the problem with it: absolute paths and
 * `..` components are refused (artifacts stay inside `--out`), `.` and empty components are dropped,
 * and a component longer than {@link maxNameBytes} in UTF-8 is refused, since 100 characters of
 * most scripts outside ASCII take more bytes than a file system allows in one name.
 */
export function artifactPathComponents(renderedPath: string): string[] | ArtifactPathProblem {
  const trimmed = renderedPath.trim();
  if (isAbsolutePath(trimmed)) {
    return {
      message: `the path '${trimmed}' is absolute`,
      hint: 'Artifact paths are relative to --out; remove the leading slash or drive.',
    };
  }
  const components = trimmed.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (components.includes('..')) {
    return {
      message: `the path '${trimmed}' leaves the output directory ('..')`,
      hint: 'Remove the ".." components; artifacts are always written inside --out.',
    };
  }
  if (components.length === 0) {
    return {
      message: 'the path renders to nothing',
      hint: 'Give the artifact a file name, e.g. path: "report.md".',
    };
  }
  const sanitized = components.map(sanitizeFilename);
  const long = sanitized.find((name) => Buffer.byteLength(name, 'utf8') > maxNameBytes);
  if (long !== undefined) {
    return {
      message: `the name '${long}' is ${Buffer.byteLength(long, 'utf8')} bytes long; file systems take at most ${maxNameBytes} bytes in one name`,
      hint: 'Shorten the name (characters outside ASCII take 2 to 4 bytes each).',
    };
  }
  return sanitized;
}

/** True when `value` is a problem rather than the components of a path. */
export function isPathProblem(value: string[] | ArtifactPathProblem): value is ArtifactPathProblem {
  return !Array.isArray(value);
}

/**
 * The first pair of paths (as component lists) where one is a folder of the other (`report` and
 * `report/details.md`): one of them cannot be written once the other is. Indexes into `paths`.
 */
export function folderConflict(paths: readonly (readonly string[])[]): [number, number] | undefined {
  const keys = paths.map((components) => components.join('/'));
  for (let a = 0; a < keys.length; a++) {
    for (let b = 0; b < keys.length; b++) {
      const folder = keys[a] as string;
      if (a !== b && (keys[b] as string).startsWith(`${folder}/`)) return [a, b];
    }
  }
  return undefined;
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

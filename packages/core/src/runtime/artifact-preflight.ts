import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { folderConflict } from '../files/artifact-path-rules.js';
import { ArtifactError } from '../spec/v1/errors.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { resolveArtifactPath } from './artifact-paths.js';

/** Renders an artifact path from the run's inputs alone; throws when it needs a result. */
export type InputRenderer = (template: string) => string;

/**
 * Everything about the artifacts that can be known before the first model call, so a run that could
 * never write its outputs fails (exit 12) with nothing spent: `--out` must be a folder (or not exist
 * yet) that can be written to, and every path that renders from the inputs alone must follow the
 * path rules, must not be another artifact's folder, and must not exist already unless `force`.
 * Paths that need results are checked again when they are rendered, before anything is written.
 */
export async function checkArtifactsBeforeRun(
  spec: Readonly<WorkflowSpec>,
  outDirectory: string,
  force: boolean,
  render: InputRenderer,
): Promise<void> {
  const artifacts = spec.outputs?.artifacts ?? [];
  if (artifacts.length === 0) return;
  const root = resolve(outDirectory);
  await checkOutDirectory(root);
  const known: { label: string; path: string }[] = [];
  artifacts.forEach((artifact, index) => {
    const label = `artifact ${index + 1}`;
    let rendered: string;
    try {
      rendered = render(artifact.path);
    } catch {
      return; // the path needs a result: it is checked once it can be rendered
    }
    known.push({ label, path: resolveArtifactPath(rendered, root, label) });
  });
  throwOnFolderConflict(known, root);
  for (const { path } of known) {
    const existing = await lstat(path).catch(() => undefined);
    if (existing?.isDirectory()) throw new ArtifactError(`Artifact path is a directory: ${path}`, path);
    if (existing && !force) {
      throw new ArtifactError(`Artifact file already exists: ${path}`, path, {
        hint: 'Use --force to overwrite it, or choose another --out directory. No model was called.',
      });
    }
  }
}

/**
 * Throws when one artifact's path is another's folder (`report` and `report/details.md`): whichever
 * is written second would fail, after the first was already on disk.
 */
export function throwOnFolderConflict(
  paths: readonly { readonly label: string; readonly path: string }[],
  root: string,
): void {
  const conflict = folderConflict(paths.map(({ path }) => relative(root, path).split(sep)));
  if (!conflict) return;
  const folder = paths[conflict[0]] as { label: string; path: string };
  const file = paths[conflict[1]] as { label: string; path: string };
  throw new ArtifactError(
    `${file.label} is written inside ${folder.path}, which ${folder.label} writes as a file`,
    file.path,
    { hint: 'A path cannot be both a file and a folder; rename one of the two artifacts.' },
  );
}

/** `--out` must be a folder we may write in, or a path whose nearest existing folder we may write in. */
async function checkOutDirectory(root: string): Promise<void> {
  let current = root;
  for (;;) {
    const found = await lstat(current).catch(() => undefined);
    if (found) {
      if (!found.isDirectory() && !found.isSymbolicLink()) {
        throw new ArtifactError(`--out ${root}: ${current} is a file, not a folder`, root, {
          hint: 'Point --out at a folder (it is created if missing), or remove the file.',
        });
      }
      try {
        await access(current, constants.W_OK | constants.X_OK);
      } catch {
        throw new ArtifactError(`--out ${root}: the folder ${current} is not writable`, root, {
          hint: 'Choose an --out folder you can write to, or change its permissions.',
        });
      }
      return;
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

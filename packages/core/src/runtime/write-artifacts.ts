import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { isAlreadyExists, publishFile } from '../files/publish-file.js';
import { ArtifactError, StrandsError } from '../spec/v1/errors.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { resolveArtifactPath } from './artifact-paths.js';
import { throwOnFolderConflict } from './artifact-preflight.js';

/** One artifact, rendered and checked, ready to write. */
export interface RenderedArtifact {
  readonly path: string;
  readonly content: string;
}

/** Renders a template for an artifact (the run supplies the sandboxed renderer and context). */
export type ArtifactRenderer = (template: string, pointer: string) => string;

/**
 * Renders every `outputs.artifacts` entry (path and content) before anything is written, so a bad
 * template writes nothing. Template failures become ArtifactError (exit 12).
 */
export function renderArtifacts(
  spec: Readonly<WorkflowSpec>,
  outDirectory: string,
  render: ArtifactRenderer,
): RenderedArtifact[] {
  const rendered: RenderedArtifact[] = [];
  const labelled: { label: string; path: string }[] = [];
  const seen = new Set<string>();
  (spec.outputs?.artifacts ?? []).forEach((artifact, index) => {
    const pointer = `/outputs/artifacts/${index}`;
    const label = `artifact ${index + 1}`;
    const path = resolveArtifactPath(
      asArtifactError(() => render(artifact.path, `${pointer}/path`), label, 'path'),
      outDirectory,
      label,
    );
    if (seen.has(path)) {
      throw new ArtifactError(`${label}: another artifact is already written to ${path}`, path, {
        hint: 'Give each artifact its own path.',
      });
    }
    seen.add(path);
    labelled.push({ label, path });
    rendered.push({
      path,
      content: asArtifactError(() => render(artifact.from, `${pointer}/from`), label, 'content'),
    });
  });
  throwOnFolderConflict(labelled, resolve(outDirectory));
  return rendered;
}

/**
 * Writes rendered artifacts: every target is checked first (no symlinks, inside `outDirectory` even
 * through symlinked folders, no overwrite without `force`), then each file is written atomically
 * (temporary file, then published). Without `force` the publish itself fails when the file has
 * appeared since the check (another run writing the same `--out`), so that run never replaces it;
 * with `force` a replaced file keeps its permission bits. Returns the written paths.
 */
export async function writeArtifacts(
  artifacts: readonly RenderedArtifact[],
  outDirectory: string,
  force: boolean,
): Promise<string[]> {
  if (artifacts.length === 0) return [];
  const root = resolve(outDirectory);
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw new ArtifactError(`Cannot create the output directory ${root}: ${(error as Error).message}`, root, {
      cause: error,
    });
  }
  const realRoot = await realpath(root);
  for (const artifact of artifacts) await checkTarget(artifact.path, realRoot, force);
  const written: string[] = [];
  for (const artifact of artifacts) {
    await writeAtomically(artifact.path, artifact.content, force);
    written.push(artifact.path);
  }
  return written;
}

async function checkTarget(path: string, realRoot: string, force: boolean): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    throw new ArtifactError(`Refusing to write through a symbolic link: ${path}`, path, {
      hint: 'Remove the link or choose another artifact path.',
    });
  }
  if (existing && !force) {
    throw new ArtifactError(`Artifact file already exists: ${path}`, path, {
      hint: 'Use --force to overwrite it, or choose another --out directory.',
    });
  }
  if (existing?.isDirectory()) throw new ArtifactError(`Artifact path is a directory: ${path}`, path);
  // The nearest existing ancestor, resolved through links, must still be inside --out.
  let ancestor = dirname(path);
  for (;;) {
    const real = await realpath(ancestor).catch(() => undefined);
    if (real !== undefined) {
      if (real !== realRoot && !real.startsWith(realRoot + sep)) {
        throw new ArtifactError(`Artifact ${path} would land outside the output directory`, path, {
          hint: `A folder on the way is a link to ${real}; remove it.`,
        });
      }
      return;
    }
    ancestor = dirname(ancestor);
  }
}

async function writeAtomically(path: string, content: string, force: boolean): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await publishFile(path, content, force ? 'replace' : 'exclusive');
  } catch (error) {
    if (!force && isAlreadyExists(error)) {
      throw new ArtifactError(
        `Artifact file already exists: ${path} (written by another run meanwhile)`,
        path,
        {
          hint: 'Use --force to overwrite it, or give each run its own --out directory.',
          cause: error,
        },
      );
    }
    throw new ArtifactError(`Failed to write artifact ${path}: ${(error as Error).message}`, path, {
      cause: error,
    });
  }
}

function asArtifactError(render: () => string, label: string, what: string): string {
  try {
    return render();
  } catch (error) {
    if (ArtifactError.isInstance(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactError(`Failed to render the ${what} of ${label}: ${message}`, undefined, {
      hint: StrandsError.isInstance(error) ? error.hint : undefined,
      cause: error,
    });
  }
}

/** A path relative to the working directory when inside it, for messages and summaries. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

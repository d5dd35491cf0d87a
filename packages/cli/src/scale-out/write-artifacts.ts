import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { ArtifactError } from '@strands-cli/core/spec';
import type { ArtifactFileV1 } from '@strands-cli/engine-dbos';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the artifacts a worker returned under `out`, on this (the submitting) machine, with the
 * local rules: each path stays inside `out`, an existing file is kept unless `force`, and each file
 * is written atomically (temporary file, then rename). Every path is checked before any is written.
 * @throws ArtifactError (exit 12)
 */
export async function writeReturnedArtifacts(
  artifacts: readonly ArtifactFileV1[],
  out: string,
  force: boolean,
): Promise<string[]> {
  const root = resolve(out);
  const targets = artifacts.map((artifact) => {
    const target = resolve(root, artifact.path);
    if (isAbsolute(artifact.path) || !target.startsWith(root + sep)) {
      throw new ArtifactError(`The artifact path ${artifact.path} leaves the output folder`, artifact.path);
    }
    return { target, content: artifact.content };
  });
  if (!force) {
    for (const { target } of targets) {
      if (await exists(target)) {
        throw new ArtifactError(`${target} exists`, target, {
          hint: 'Add --force to overwrite it, or choose another -o folder.',
        });
      }
    }
  }
  for (const { target, content } of targets) {
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, content, { mode: 0o644 });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new ArtifactError(`Could not write ${target}`, target, { cause: error });
    }
  }
  return targets.map(({ target }) => target);
}

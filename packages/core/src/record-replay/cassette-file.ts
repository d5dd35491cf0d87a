import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from '../fs/regular-file.js';
import { ArtifactError, UsageError } from '../spec/v1/errors.js';
import { CASSETTE_FORMAT, CASSETTE_VERSION, type CassetteV1 } from './cassette-format.js';

/** A loose structural check: enough to reject a file that is not a cassette with a precise pointer. */
const cassetteShape = z.object({
  format: z.literal(CASSETTE_FORMAT),
  version: z.literal(CASSETTE_VERSION),
  providers: z.record(z.string(), z.object({ defaultModelId: z.string().optional() })).optional(),
  entries: z.array(
    z.object({
      key: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in hex' }),
      provider: z.string(),
      kind: z.enum(['generate', 'stream']),
      request: z.object({ provider: z.string(), modelId: z.string(), messages: z.array(z.unknown()) }),
      response: z.object({ text: z.string(), toolCalls: z.array(z.unknown()), finishReason: z.string() }),
      chunks: z.array(z.object({ type: z.string() })).optional(),
    }),
  ),
  tools: z
    .array(
      z.object({
        key: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in hex' }),
        tool: z.string(),
        input: z.unknown(),
        result: z.object({ content: z.string(), isError: z.boolean() }),
      }),
    )
    .optional(),
});

/**
 * Largest cassette `--replay` reads (256 MiB): far above what a recorded run produces, and a bound on
 * what a wrong path (a device, a huge unrelated file) can make the process load.
 */
export const maxCassetteBytes = 256 * 1024 * 1024;

/**
 * Reads and checks a cassette file. Throws a {@link UsageError} (exit 2) when there is no file at
 * `path`, and an {@link ArtifactError} (exit 12) naming the file and the problem otherwise.
 */
export async function readCassette(path: string): Promise<CassetteV1> {
  let text: string;
  try {
    text = (await readRegularFile(path, maxCassetteBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularFileError || error instanceof FileTooLargeError) {
      throw new ArtifactError(
        error instanceof NotRegularFileError
          ? `Cannot read the cassette ${path}: it is ${error.kind}, not a regular file`
          : `Cannot read the cassette ${path}: it is ${error.size} bytes; the limit is ${maxCassetteBytes} bytes (256 MiB)`,
        path,
        { hint: 'Give the path of a cassette file written by: strands run SPEC --record FILE', cause: error },
      );
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A path on the command line that names nothing is a usage mistake, not a failed write.
      throw new UsageError(`No cassette at ${path}: the file does not exist`, {
        hint: 'Check the --replay path, or record one first with: strands run SPEC --record FILE',
        cause: error,
      });
    }
    throw new ArtifactError(`Cannot read the cassette ${path}: ${(error as Error).message}`, path, {
      hint: 'Check the path, or record one first with: strands run SPEC --record FILE',
      cause: error,
    });
  }
  return parseCassette(text, path);
}

/** Parses and checks cassette text; `source` names it in errors. */
export function parseCassette(text: string, source: string): CassetteV1 {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ArtifactError(`${source} is not valid JSON: ${(error as Error).message}`, source, {
      hint: 'Re-record the cassette with: strands run SPEC --record FILE',
      cause: error,
    });
  }
  const version = (document as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > CASSETTE_VERSION) {
    throw new ArtifactError(
      `${source} is a version ${version} cassette; this strands-cli reads version ${CASSETTE_VERSION}`,
      source,
      { hint: 'Upgrade strands-cli, or re-record the cassette with this version.' },
    );
  }
  const checked = cassetteShape.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const pointer = `/${issue?.path.join('/') ?? ''}`;
    throw new ArtifactError(`${source} is not a strands cassette: ${pointer}: ${issue?.message}`, source, {
      hint: 'Re-record the cassette with: strands run SPEC --record FILE',
    });
  }
  const usage = (document as { usage?: CassetteV1['usage'] }).usage;
  return { ...(document as CassetteV1), usage: usage ?? { calls: 0, inputTokens: 0, outputTokens: 0 } };
}

/**
 * Cassette text: two-space JSON, except that each streamed chunk sits on one line, so a long stream
 * reads (and diffs) as one line per chunk. Ends with a newline.
 */
export function formatCassette(cassette: CassetteV1): string {
  return `${formatValue(cassette, '')}\n`;
}

function formatValue(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${formatValue(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(value).filter(([, member]) => member !== undefined);
  if (members.length === 0) return '{}';
  const lines = members.map(([name, member]) => {
    // Chunks are the only long lists of tiny objects: one line each.
    const rendered =
      name === 'chunks' && Array.isArray(member) && member.length > 0
        ? `[\n${member.map((chunk) => `${inner}  ${JSON.stringify(chunk)}`).join(',\n')}\n${inner}]`
        : formatValue(member, inner);
    return `${inner}${JSON.stringify(name)}: ${rendered}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/**
 * Writes a cassette atomically: a temporary file beside the target, then a rename, so a crash or a
 * concurrent reader never sees half a cassette. Creates the directory. Throws an {@link ArtifactError}.
 */
export async function writeCassette(path: string, cassette: CassetteV1): Promise<void> {
  const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}.cassette.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, formatCassette(cassette), { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new ArtifactError(`Cannot write the cassette ${path}: ${(error as Error).message}`, path, {
      hint: 'Check that the directory is writable.',
      cause: error,
    });
  }
}

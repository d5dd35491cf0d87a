import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { builtinPatternTypes, builtinProviders } from '@strands-cli/core/builtin-plugins';
import { ArtifactError, UsageError } from '@strands-cli/core/spec';
import { type Command, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { type StarterPattern, type StarterProvider, starterSpec } from '../init/init-starter-specs.js';
import { starterSpecAsJson } from '../init/starter-json.js';
import type { CliIO } from '../io.js';

/** Options of `strands init`. */
export interface InitOptions {
  readonly pattern?: StarterPattern;
  readonly provider?: StarterProvider;
  readonly force?: boolean;
}

/** The file name endings a spec may have (what `validate` and `run` read). */
const acceptedExtensions = ['.yaml', '.yml', '.json'];

/** Where the JSON Schema sits inside the core package. */
const schemaInPackage = 'schema/strands-workflow.schema.json';

/**
 * `strands init [file]`: writes a starter spec for a pattern and a provider, as JSON when the file
 * name ends in .json and as YAML otherwise. Refuses to overwrite an existing file without `--force`
 * (exit 12).
 */
export async function initCommand(file: string, options: InitOptions, io: CliIO): Promise<number> {
  const pattern = options.pattern ?? 'chain';
  const provider = options.provider ?? 'ollama';
  const extension = extname(file).toLowerCase();
  if (!acceptedExtensions.includes(extension)) {
    throw new UsageError(`strands init writes a spec file; '${file}' does not end in one of its extensions`, {
      hint: `Use a name ending in ${acceptedExtensions.join(', ')}, e.g. strands init workflow.yaml`,
    });
  }
  const target = resolve(io.cwd, file);
  if (existsSync(target) && !options.force) {
    throw new ArtifactError(`${file} already exists; strands init did not change it`, file, {
      hint: `Add --force to overwrite it, or give another file name: strands init other.yaml --pattern ${pattern}`,
    });
  }
  const reference = await schemaReference(dirname(target));
  const yamlText = starterSpec(pattern, provider, reference);
  const text = extension === '.json' ? await starterSpecAsJson(yamlText, reference) : yamlText;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    throw new ArtifactError(`Cannot write ${file}: ${(error as Error).message}`, file, {
      hint: 'Check that the directory is writable.',
      cause: error,
    });
  }
  io.stdout.write(
    `Wrote ${file}: a starter spec using the ${pattern} pattern on ${provider}.\n` +
      `Next: strands validate ${file}\n` +
      `      strands run ${file} --var topic="..."\n`,
  );
  return 0;
}

/**
 * The `$schema` reference for a spec written in `directory`: the schema of a locally installed
 * `@strands-cli/core` as a relative path when there is one (works offline, matches the installed
 * version), else the published copy on unpkg, pinned to this CLI's core version.
 */
export async function schemaReference(directory: string): Promise<string> {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', '@strands-cli', 'core', schemaInPackage);
    if (existsSync(candidate)) {
      const path = relative(directory, candidate).split(sep).join('/');
      return path.startsWith('.') ? path : `./${path}`;
    }
    if (dirname(current) === current) break;
  }
  return `https://unpkg.com/@strands-cli/core@${await coreVersion()}/${schemaInPackage}`;
}

/** The version of the `@strands-cli/core` this CLI runs with. */
async function coreVersion(): Promise<string> {
  const manifest = new URL(import.meta.resolve('@strands-cli/core/package.json'));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/** Registers `strands init`: its arguments, flags and help text. */
export function defineInitCommand(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('Write a starter spec with the $schema line for editors.')
    .argument('[file]', 'where to write it', 'workflow.yaml')
    .addOption(new Option('--pattern <pattern>', 'pattern').choices(builtinPatternTypes).default('chain'))
    .addOption(new Option('--provider <provider>', 'provider').choices(builtinProviders).default('ollama'))
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, options: InitOptions) => {
      context.setExitCode(await initCommand(file, options, context.io));
    });
}

import { resolve } from 'node:path';
import {
  builtinExecutorPackages,
  builtinProviderPackages,
  closeClientPool,
  type LoadedSpec,
  loadProvider,
  loadSpec,
} from '@strands-cli/core';
import { ExitCode } from '@strands-cli/core/spec';
import type { Command } from 'commander';
import { allowEndpointDescription, allowedEndpoints } from '../allowed-endpoints.js';
import { type CommandContext, collect } from '../command-context.js';
import { type DoctorLine, installedVersion, nodeLine } from '../doctor/doctor-checks.js';
import { specMcpLines } from '../doctor/doctor-mcp.js';
import { specProviderLines } from '../doctor/doctor-spec.js';
import { type CliIO, colorEnabled } from '../io.js';
import { pluginSources } from '../plugins/plugin-sources.js';
import { createStyle } from '../progress/format.js';
import { reportError } from '../report-error.js';

/** Options of `strands doctor`. */
export interface DoctorOptions {
  /** Endpoints the spec names that may receive credentials (doctor's check sends them, as a run does). */
  readonly allowEndpoint?: readonly string[];
}

/**
 * `strands doctor [SPEC]`: Node version, installed executor and provider packages with their
 * versions, and for a spec the credentials and reachability of every provider endpoint it uses and
 * its MCP servers (started and stopped again: the tools agents name must exist).
 * Exit 0 when nothing failed (warnings allowed), 10 otherwise, 3 when the spec does not load.
 */
export async function doctorCommand(
  specPath: string | undefined,
  io: CliIO,
  options: DoctorOptions = {},
): Promise<number> {
  try {
    const approved = allowedEndpoints(options.allowEndpoint ?? []);
    const file = specPath === undefined ? undefined : resolve(io.cwd, specPath);
    const sources = pluginSources(file, io);
    const sections: Array<[string, DoctorLine[]]> = [
      ['Runtime', [nodeLine()]],
      ['Plugins', pluginLines(sources.searchFrom)],
    ];
    if (file !== undefined) {
      const loaded = await loadSpec(file, { env: io.env, plugins: sources, requireInputs: false });
      sections.push([
        `Spec ${specPath}`,
        [
          ...patternPluginLines(loaded, sources.searchFrom),
          ...(await specProviderLines(loaded, sources, io.env, loadProvider, approved)),
          ...(await specMcpLines(loaded, sources, io.env, io.cwd)),
        ],
      ]);
    }
    return print(sections, io);
  } catch (error) {
    return reportError(error, io);
  } finally {
    await closeClientPool();
  }
}

/**
 * The executor package of a spec whose pattern is a plugin (the built-in ones are listed under
 * Plugins). A plugin that is not installed never gets here: loading the spec already failed with
 * the package name and its install command.
 */
function patternPluginLines(loaded: LoadedSpec, searchFrom: readonly string[]): DoctorLine[] {
  const type = loaded.spec.pattern.type;
  if (type in builtinExecutorPackages || loaded.executor === undefined) return [];
  const version = installedVersion(type, searchFrom);
  return [{ status: 'ok', text: `pattern ${type}: package ${type}${version ? ` ${version}` : ''}` }];
}

function pluginLines(searchFrom: readonly string[]): DoctorLine[] {
  const lines: DoctorLine[] = [];
  const core = installedVersion('@strands-cli/core', searchFrom);
  lines.push(
    core
      ? { status: 'ok', text: `@strands-cli/core ${core}` }
      : { status: 'error', text: '@strands-cli/core is missing' },
  );
  for (const [pattern, name] of Object.entries(builtinExecutorPackages)) {
    const version = installedVersion(name, searchFrom);
    lines.push(
      version
        ? { status: 'ok', text: `${name} ${version} (pattern ${pattern})` }
        : {
            status: 'warn',
            text: `${name} is not installed (pattern ${pattern})`,
            fix: `npm install ${name}`,
          },
    );
  }
  for (const [provider, name] of Object.entries(builtinProviderPackages)) {
    const version = installedVersion(name, searchFrom);
    lines.push(
      version
        ? { status: 'ok', text: `${name} ${version} (provider ${provider})` }
        : {
            status: 'warn',
            text: `${name} is not installed (provider ${provider})`,
            fix: `npm install ${name}`,
          },
    );
  }
  return lines;
}

function print(sections: ReadonlyArray<[string, DoctorLine[]]>, io: CliIO): number {
  const style = createStyle(colorEnabled(io, 'stdout'));
  const mark = { ok: style.green('✓'), note: style.dim('i'), warn: style.yellow('!'), error: style.red('✗') };
  let errors = 0;
  let warnings = 0;
  for (const [title, lines] of sections) {
    io.stdout.write(`${style.bold(title)}\n`);
    for (const line of lines) {
      if (line.status === 'error') errors += 1;
      if (line.status === 'warn') warnings += 1;
      io.stdout.write(`  ${mark[line.status]} ${line.text}\n`);
      if (line.fix && line.status !== 'ok') io.stdout.write(`      fix: ${line.fix}\n`);
    }
  }
  const verdict =
    errors > 0
      ? `${errors} problem(s) found${warnings > 0 ? `, ${warnings} warning(s)` : ''}`
      : `All checks passed${warnings > 0 ? ` (${warnings} warning(s))` : ''}`;
  io.stdout.write(`\n${verdict}\n`);
  return errors > 0 ? ExitCode.runtime : ExitCode.ok;
}

/** Registers `strands doctor`: its arguments, flags and help text. */
export function defineDoctorCommand(program: Command, context: CommandContext): void {
  program
    .command('doctor')
    .description(
      'Check Node, installed plugins and, for a spec, provider credentials and reachability and its MCP servers.',
    )
    .argument('[spec]', 'a workflow spec whose providers to check')
    .option('--allow-endpoint <url>', allowEndpointDescription, collect, [])
    .action(async (spec: string | undefined, options: DoctorOptions) => {
      context.setExitCode(await doctorCommand(spec, context.io, options));
    });
}

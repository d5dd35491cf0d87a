import { extname } from 'node:path';
import { type Document, LineCounter, parseDocument, visit } from 'yaml';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from '../../fs/regular-file.js';
import { type SpecIssue, SpecValidationError } from '../../spec/v1/errors.js';
import { duplicateKeyErrors } from './duplicate-keys.js';
import { createSourceMap, type SourceMap } from './source-map.js';

/** Largest spec file accepted (10 MiB, as strands-cli). */
export const maxSpecFileBytes = 10 * 1024 * 1024;

/** A parsed spec file: its text, its data and where each part of it is. */
export interface SpecSource {
  readonly file: string | undefined;
  readonly text: string;
  /** The parsed data (a plain object once {@link readSpecSource} succeeded). */
  readonly document: Record<string, unknown>;
  readonly sourceMap: SourceMap;
}

/** The syntax of a spec file, from its extension. */
export type SpecSyntax = 'yaml' | 'json';

/**
 * Reads a spec file: it must exist, be at most 10 MiB, end in .yaml/.yml/.json, parse, and hold a
 * mapping at the top level. Every failure is a {@link SpecValidationError} (exit 3) naming the file
 * and, for syntax errors, the line and column.
 */
export async function readSpecSource(file: string): Promise<SpecSource> {
  const syntax = syntaxOf(file);
  let bytes: Buffer;
  try {
    // Opened without blocking and checked on the descriptor: a FIFO would otherwise hang the command.
    bytes = await readRegularFile(file, maxSpecFileBytes);
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      throw fail(
        file,
        `${file} is not a file (it is ${error.kind})`,
        'Give the path of a .yaml, .yml or .json spec file.',
      );
    }
    if (error instanceof FileTooLargeError) {
      throw fail(
        file,
        `${file} is ${(error.size / 1024 / 1024).toFixed(1)} MiB; the limit is 10 MiB`,
        'Split the spec, or move large text into input files.',
      );
    }
    throw fail(
      file,
      `Spec file not found: ${file}`,
      'Check the path; a relative path starts at the current directory.',
    );
  }
  const text = decodeUtf8(bytes, file);
  return parseSpecText(text, syntax, file);
}

/**
 * The file's text, or a located error when it is not valid UTF-8 (a lenient decode would turn the
 * bad bytes into U+FFFD and run a prompt the user never wrote).
 */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    // Binary search for the longest prefix that decodes: the first bad byte follows it.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const middle = Math.floor((good + bad) / 2);
      try {
        strict.decode(bytes.subarray(0, middle));
        good = middle;
      } catch {
        bad = middle;
      }
    }
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, good));
    const lines = prefix.split('\n');
    const issue: SpecIssue = {
      file,
      pointer: '',
      line: lines.length,
      column: (lines.at(-1)?.length ?? 0) + 1,
      message: `the file is not valid UTF-8 (byte 0x${(bytes[good] ?? 0).toString(16).padStart(2, '0')} at offset ${good})`,
      code: 'parse',
    };
    throw new SpecValidationError(`${file} is not valid UTF-8 text`, [issue], {
      file,
      hint: 'Save the spec as UTF-8 (most editors: "Save with encoding").',
    });
  }
}

/** Parses spec text (already read) in the given syntax; see {@link readSpecSource}. */
export function parseSpecText(rawText: string, syntax: SpecSyntax, file?: string): SpecSource {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  // Duplicate keys are found by duplicateKeyErrors: the library's own check is quadratic per mapping.
  const yamlDocument = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const duplicates = duplicateKeyErrors(yamlDocument, lineCounter);
  if (duplicates.length > 0) {
    yamlDocument.errors.push(...duplicates);
    yamlDocument.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  const sourceMap = createSourceMap(yamlDocument, lineCounter, text, file);
  let data: unknown;
  if (syntax === 'json') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw jsonSyntaxError(error, text, lineCounter, file);
    }
  } else {
    const first = yamlDocument.errors[0];
    if (first) {
      const issues: SpecIssue[] = yamlDocument.errors.slice(0, 5).map((problem) => ({
        ...(file === undefined ? {} : { file }),
        pointer: '',
        line: problem.linePos?.[0].line,
        column: problem.linePos?.[0].col,
        message: `YAML syntax error: ${firstLine(problem.message)}`,
        code: 'parse',
      }));
      throw new SpecValidationError(`${file ?? 'The spec'} is not valid YAML`, issues, {
        ...(file === undefined ? {} : { file }),
        hint: 'Fix the YAML syntax at the position shown (quotes, indentation, a missing ":").',
      });
    }
    try {
      data = yamlDocument.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw aliasError(error, yamlDocument, lineCounter, file);
    }
  }
  if (data === null || data === undefined)
    throw fail(file, `${file ?? 'The spec'} is empty`, 'Write a spec: start from `strands init`.');
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `a ${typeof data}`;
    throw fail(
      file,
      `The top level of ${file ?? 'a spec'} must be a mapping of keys (version, name, runtime, agents, pattern), found ${found}`,
      'Start the file with `version: 0` and `name: ...` at column 1.',
    );
  }
  return { file, text, document: data as Record<string, unknown>, sourceMap };
}

function syntaxOf(file: string): SpecSyntax {
  const extension = extname(file).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.json') return 'json';
  throw fail(
    file,
    `Unsupported spec file extension '${extension || '(none)'}': ${file}`,
    'Name the spec file .yaml, .yml or .json.',
  );
}

function jsonSyntaxError(
  error: unknown,
  text: string,
  lineCounter: LineCounter,
  file: string | undefined,
): SpecValidationError {
  const message = error instanceof Error ? error.message : String(error);
  const offset = /position (\d+)/.exec(message)?.[1];
  const position =
    offset === undefined ? undefined : lineCounter.linePos(Math.min(Number(offset), text.length));
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const issue: SpecIssue = {
    ...(file === undefined ? {} : { file }),
    pointer: '',
    line: position?.line ?? (lineColumn ? Number(lineColumn[1]) : undefined),
    column: position?.col ?? (lineColumn ? Number(lineColumn[2]) : undefined),
    message: `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`,
    code: 'parse',
  };
  return new SpecValidationError(`${file ?? 'The spec'} is not valid JSON`, [issue], {
    ...(file === undefined ? {} : { file }),
    hint: 'Fix the JSON syntax at the position shown (commas, quotes, brackets).',
  });
}

/**
 * `toJS` refuses a document whose aliases expand too much (a "billion laughs" bomb); report it at the
 * first alias instead of letting the library's error escape as an internal one.
 */
function aliasError(
  error: unknown,
  document: Document,
  lineCounter: LineCounter,
  file: string | undefined,
): SpecValidationError {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  const position = offset === undefined ? undefined : lineCounter.linePos(offset);
  const reason = error instanceof Error ? error.message : String(error);
  const issue: SpecIssue = {
    ...(file === undefined ? {} : { file }),
    pointer: '',
    ...(position ? { line: position.line, column: position.col } : {}),
    message: `YAML aliases expand too much (${reason})`,
    code: 'parse',
  };
  return new SpecValidationError(`${file ?? 'The spec'} could not be read`, [issue], {
    ...(file === undefined ? {} : { file }),
    hint: 'Use fewer YAML anchors and aliases (*name): at most 100 alias expansions are allowed.',
  });
}

function fail(file: string | undefined, message: string, hint: string): SpecValidationError {
  return new SpecValidationError(message, [], { ...(file === undefined ? {} : { file }), hint });
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * The repository's import graph, as plain data: every workspace package, every source file, and every
 * import, export-from, dynamic import() and require() specifier in those files with its line number.
 * The boundary rules judge this data; keeping it plain lets a test build a synthetic repository.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

/** A workspace package as the rules see it. */
export interface WorkspacePackage {
  /** The `name` in its package.json. */
  name: string;
  /** Its folder, relative to the repository root, with forward slashes: `packages/core`. */
  directory: string;
  /** What an installed copy gets: `dependencies`, `peerDependencies` and `optionalDependencies`. */
  dependencies: readonly string[];
  /** Present only inside this repository: `devDependencies`. */
  devDependencies: readonly string[];
  /**
   * Its entry points, from the package.json `exports` map: subpath (`/spec`, `` for the root) to the
   * source file behind it (`packages/core/src/spec/v1/index.js`). An import of a subpath not listed
   * here counts as an import of the package folder.
   */
  entries?: Readonly<Record<string, string>>;
}

/** One source file: its repository-relative path (forward slashes) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Everything the rules need to know about a repository. */
export interface RepositorySnapshot {
  packages: readonly WorkspacePackage[];
  files: readonly SourceFile[];
}

/** What an import specifier points at. */
export type ImportTarget =
  | { kind: 'builtin' }
  | { kind: 'relative'; path: string; package: WorkspacePackage | undefined }
  | {
      kind: 'package';
      name: string;
      subpath: string;
      package: WorkspacePackage | undefined;
      /** For a workspace package: the source file (or folder) the specifier reaches. */
      path: string | undefined;
    };

/** One import in one file. */
export interface ImportEdge {
  file: string;
  /** 1-based line of the specifier. */
  line: number;
  specifier: string;
  /** True for `import type`, `export type` and `typeof import(...)`: nothing is loaded at run time. */
  typeOnly: boolean;
  /** The package the importing file belongs to. */
  from: WorkspacePackage | undefined;
  target: ImportTarget;
}

const builtins = new Set(builtinModules);

/** The package whose folder holds `path` (the deepest one, should packages ever nest). */
export function packageOf(packages: readonly WorkspacePackage[], path: string): WorkspacePackage | undefined {
  let owner: WorkspacePackage | undefined;
  for (const candidate of packages) {
    const inside = path === candidate.directory || path.startsWith(`${candidate.directory}/`);
    if (inside && candidate.directory.length > (owner?.directory.length ?? -1)) owner = candidate;
  }
  return owner;
}

function splitPackageSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const nameParts = specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1);
  const name = nameParts.join('/');
  return { name, subpath: specifier.slice(name.length) };
}

function resolveTarget(packages: readonly WorkspacePackage[], file: string, specifier: string): ImportTarget {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const path = posix.normalize(posix.join(posix.dirname(file), specifier));
    return { kind: 'relative', path, package: packageOf(packages, path) };
  }
  if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0] ?? specifier)) {
    return { kind: 'builtin' };
  }
  const { name, subpath } = splitPackageSpecifier(specifier);
  const target = packages.find((candidate) => candidate.name === name);
  const path = target ? (target.entries?.[subpath] ?? target.directory) : undefined;
  return { kind: 'package', name, subpath, package: target, path };
}

interface FoundImport {
  specifier: ts.StringLiteral;
  typeOnly: boolean;
}

const allTypeOnly = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): boolean =>
  elements.length > 0 && elements.every((element) => element.isTypeOnly);

/** The import a node makes, if it makes one with a literal specifier. */
function importAt(node: ts.Node): FoundImport | undefined {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
    const clause = node.importClause;
    const bindings = clause?.namedBindings;
    const namedTypesOnly =
      clause?.name === undefined && bindings !== undefined && ts.isNamedImports(bindings)
        ? allTypeOnly(bindings.elements)
        : false;
    return { specifier: node.moduleSpecifier, typeOnly: (clause?.isTypeOnly ?? false) || namedTypesOnly };
  }
  if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    const clause = node.exportClause;
    const namedTypesOnly = clause !== undefined && ts.isNamedExports(clause) && allTypeOnly(clause.elements);
    return { specifier: node.moduleSpecifier, typeOnly: node.isTypeOnly || namedTypesOnly };
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const loads =
      callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
    const [argument] = node.arguments;
    if (loads && argument !== undefined && ts.isStringLiteralLike(argument)) {
      return { specifier: argument as ts.StringLiteral, typeOnly: false };
    }
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
    const { literal } = node.argument;
    if (ts.isStringLiteral(literal)) return { specifier: literal, typeOnly: true };
  }
  return undefined;
}

/**
 * Every import of every file: static imports, export-from, dynamic import(), require() and
 * `import('x')` types. The files are parsed, so an import inside a string, a template or a comment
 * is not mistaken for one.
 */
export function importEdges(repository: RepositorySnapshot): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of repository.files) {
    const from = packageOf(repository.packages, file.path);
    const kind = /\.[cm]?ts$/.test(file.path) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, kind);
    const visit = (node: ts.Node): void => {
      const found = importAt(node);
      if (found !== undefined) {
        const specifier = found.specifier.text;
        edges.push({
          file: file.path,
          line: source.getLineAndCharacterOfPosition(found.specifier.getStart(source)).line + 1,
          specifier,
          typeOnly: found.typeOnly,
          from,
          target: resolveTarget(repository.packages, file.path, specifier),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

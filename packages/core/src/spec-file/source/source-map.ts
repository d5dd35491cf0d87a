import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  Scalar,
} from 'yaml';
import type { SpecLocation } from '../../spec/v1/errors.js';
import { fromPointer } from './json-pointer.js';

/** Finds where a JSON pointer is in the spec file text, for `file:line:col` in every message. */
export interface SourceMap {
  /** The location of the key (for map entries) or item at `pointer`, or of its deepest existing parent. */
  locate(pointer: string): SpecLocation;
  /**
   * The file position of a line/column inside the string value at `pointer` (for template errors),
   * exact for block scalars (`|`, `>`) and single-line strings, the value's start otherwise.
   */
  locateInValue(pointer: string, line: number, column: number): SpecLocation;
}

interface Found {
  node: Node | undefined;
  pair: Pair | undefined;
  complete: boolean;
}

/** A source map over a parsed YAML (or JSON) document. */
export function createSourceMap(
  document: Document | undefined,
  lineCounter: LineCounter | undefined,
  text: string,
  file: string | undefined,
): SourceMap {
  const position = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined || !lineCounter) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const withFile = (location: SpecLocation): SpecLocation =>
    file === undefined ? location : { file, ...location };

  function find(pointer: string): Found {
    let node: Node | undefined = document?.contents ?? undefined;
    let pair: Pair | undefined;
    for (const segment of fromPointer(pointer)) {
      if (isMap(node)) {
        const entry = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
        );
        if (!entry) return { node, pair, complete: false };
        pair = entry;
        node = (entry.value as Node | null) ?? undefined;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!/^\d+$/.test(segment) || item === undefined) return { node, pair, complete: false };
        pair = undefined;
        node = item as Node;
      } else {
        return { node, pair, complete: false };
      }
    }
    return { node, pair, complete: true };
  }

  return {
    locate(pointer) {
      const found = find(pointer);
      const keyNode = found.pair?.key as Node | undefined;
      const anchor = keyNode?.range?.[0] ?? found.node?.range?.[0];
      return withFile({ pointer, ...position(anchor) });
    },
    locateInValue(pointer, line, column) {
      const found = find(pointer);
      const node = found.node;
      if (!found.complete || !isScalar(node) || !node.range) return this.locate(pointer);
      const start = position(node.range[0]);
      if (start.line === undefined || start.column === undefined) return this.locate(pointer);
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        const indent = blockIndentation(text, lineCounter, start.line + 1);
        return withFile({ pointer, line: start.line + line, column: indent + column });
      }
      if (line === 1) {
        const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
        return withFile({ pointer, line: start.line, column: start.column + column - (quoted ? 0 : 1) });
      }
      return withFile({ pointer, ...start });
    },
  };
}

/** The indentation of a block scalar: leading spaces of its first non-blank line, from `line` on. */
function blockIndentation(text: string, lineCounter: LineCounter | undefined, line: number): number {
  const starts = lineCounter?.lineStarts ?? [];
  for (let current = line; current <= starts.length; current += 1) {
    const startOffset = starts[current - 1] ?? text.length;
    let index = startOffset;
    while (text[index] === ' ') index += 1;
    if (text[index] !== '\n' && text[index] !== '\r' && index < text.length) return index - startOffset;
  }
  return 0;
}

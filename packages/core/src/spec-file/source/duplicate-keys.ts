import { type Document, isScalar, type LineCounter, visit, YAMLParseError } from 'yaml';

/**
 * A "Map keys must be unique" error for every repeated scalar key, found in one pass with a set per
 * mapping. The YAML library's own check compares each new key with every earlier key of its
 * mapping, so a mapping of 40,000 keys (labels, say) took seconds; the parser runs with that check
 * off and this one in its place. Positioned at the repeated key, as the library does, in
 * document order.
 */
export function duplicateKeyErrors(document: Document, lineCounter: LineCounter): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Only scalar keys can be equal to another key: the library compares other nodes by identity.
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const offset = pair.key.range?.[0] ?? 0;
          const error = new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
          const position = lineCounter.linePos(offset);
          error.linePos = [position];
          error.message = `${error.message} at line ${position.line}, column ${position.col}`;
          errors.push(error);
        }
        seen.add(pair.key.value);
      }
    },
  });
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

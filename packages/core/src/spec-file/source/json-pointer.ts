/** JSON pointers (RFC 6901) for spec locations. */

export { toPointer } from '../../executor-utils/names-and-pointers.js';

/** Splits a pointer into its segments (`''` and `/` give no segments). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The pointer shown to users: `(root)` for the whole document. */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '(root)' : pointer;
}

/** The version of this package, reported by `strands doctor` and sent in the User-Agent header. */
export const VERSION = '0.1.0';

/** This package's version (kept equal to package.json). */
export const VERSION = '0.1.0';

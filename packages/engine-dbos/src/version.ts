/** The version of this package, kept equal to package.json (a workspace test checks it). */
export const VERSION = '0.1.0';

/** @strands-cli/cli: the `strands` command, usable programmatically through `main`. */

export type { CliIO } from './io.js';
export { main } from './main.js';
export { VERSION } from './version.js';

#!/usr/bin/env node
// The `strands` command. All logic lives in ../dist; this file only hands over the arguments.

// A closed pipe (`strands schema | head`) is not an error worth a stack trace: stop writing quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Scripts call `strands --version` often: answer it (exactly as the full parser would) without
  // loading the parser and the command table, so it costs little more than starting Node.
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`strands-cli ${VERSION}\n`);
} else {
  const { main } = await import('../dist/main.js');
  process.exitCode = await main(argv);
}

#!/usr/bin/env node
// The `strands` command. All logic lives in ../dist; this file only hands over the arguments.
import { main } from '../dist/main.js';

// A closed pipe (`strands schema | head`) is not an error worth a stack trace: stop writing quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `strands` command. All logic lives in ../dist; this file only hands over the arguments.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));

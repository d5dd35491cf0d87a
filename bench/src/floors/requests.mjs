// Shared by the floor scripts: the recorded request bodies to send, from the JSON file named by argv[3].
import { readFileSync } from 'node:fs';

/** `[url, requests]`: the loopback server's URL and the request bodies (path and body) to send in order. */
export function readArgs() {
  const [url, file] = process.argv.slice(2);
  return [url, JSON.parse(readFileSync(file, 'utf8'))];
}

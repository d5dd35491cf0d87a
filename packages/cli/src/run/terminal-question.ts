import { read } from 'node:fs';
import { isatty } from 'node:tty';
import type { HumanInputV1 } from '@strands-cli/core';
import type { CliIO } from '../io.js';

/** True when questions can be asked in the terminal: standard input is a TTY. */
export function canAskInTerminal(): boolean {
  return isatty(0);
}

/**
 * Asks human-in-the-loop questions in the terminal, one at a time (parallel branches may ask at once).
 * Standard input is read directly, one line per answer, and nothing is left reading afterwards, so the
 * process still ends on its own. An empty line takes the question's default when it has one; an
 * answer the step refuses is asked again with the reason.
 */
export function terminalQuestioner(io: CliIO): (request: HumanInputV1) => Promise<string> {
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const asked = queue.then(() => askOne(io, request));
    queue = asked.catch(() => undefined);
    return asked;
  };
}

async function askOne(io: CliIO, request: HumanInputV1): Promise<string> {
  io.stderr.write(`\n── Human input: ${request.step.label} ──\n${request.prompt.trim()}\n`);
  if (request.contextDisplay?.trim()) io.stderr.write(`\n${request.contextDisplay.trim()}\n`);
  const suffix = request.default === undefined ? '' : ` [${request.default}]`;
  for (;;) {
    io.stderr.write(`\nYour answer${suffix}: `);
    const line = await readLine();
    if (line === undefined) {
      if (request.default !== undefined) return request.default;
      throw new Error('Standard input ended before the question was answered');
    }
    const answer = line.trim() === '' && request.default !== undefined ? request.default : line.trim();
    const problem = answer === '' ? 'An empty answer is not accepted.' : request.validate?.(answer);
    if (problem === undefined) return answer;
    io.stderr.write(`${problem}\n`);
  }
}

/** Reads one line from file descriptor 0; undefined at end of input. */
function readLine(): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const bytes: number[] = [];
    const buffer = Buffer.alloc(1);
    const next = (): void => {
      read(0, buffer, 0, 1, null, (error, count) => {
        if (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
            setTimeout(next, 20);
            return;
          }
          reject(error);
          return;
        }
        if (count === 0) {
          resolve(bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : undefined);
          return;
        }
        if (buffer[0] === 0x0a) {
          resolve(Buffer.from(bytes).toString('utf8').replace(/\r$/, ''));
          return;
        }
        bytes.push(buffer[0] as number);
        next();
      });
    };
    next();
  });
}

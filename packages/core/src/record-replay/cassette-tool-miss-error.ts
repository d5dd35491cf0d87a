import { ExitCode, StrandsError } from '../spec/v1/errors.js';
import { stableStringify } from './canonical-request.js';

const cassetteToolMissErrorMarker = Symbol.for('strands-cli.error.CassetteToolMissError');

/** Characters of the input shown in the message; a long input is cut there. */
const shownInputLength = 300;

/**
 * A replayed tool call found no answer in a cassette that records tool calls (exit 10): the model asked
 * for a call the recording never made, or made it more often. The tool is not run in its place, since a
 * replay must not send requests or write files; `--live-tools` runs every tool for real instead.
 */
export class CassetteToolMissError extends StrandsError {
  protected readonly [cassetteToolMissErrorMarker] = true;

  /** True for a CassetteToolMissError, even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is CassetteToolMissError {
    return StrandsError.hasMarker(value, cassetteToolMissErrorMarker);
  }

  /** The cassette file (or a label for an in-memory cassette). */
  readonly cassette: string;
  /** The tool the model called. */
  readonly tool: string;
  readonly input: unknown;
  /** How many answers the cassette holds for this exact call (all of them already used). */
  readonly recordedTimes: number;

  constructor(init: { cassette: string; tool: string; input: unknown; recordedTimes?: number }) {
    super(missMessage(init), ExitCode.runtime, {
      hint: `Re-record the cassette (strands run SPEC --record ${init.cassette}), or run the tools for real with --replay ${init.cassette} --live-tools.`,
    });
    this.name = 'CassetteToolMissError';
    this.cassette = init.cassette;
    this.tool = init.tool;
    this.input = init.input;
    this.recordedTimes = init.recordedTimes ?? 0;
  }
}

function missMessage(init: {
  cassette: string;
  tool: string;
  input: unknown;
  recordedTimes?: number;
}): string {
  const text = stableStringify(init.input ?? null);
  const input = text.length > shownInputLength ? `${text.slice(0, shownInputLength)}...` : text;
  const what = `a call of tool '${init.tool}' with input ${input}`;
  if (init.recordedTimes) {
    return `The cassette ${init.cassette} holds ${init.recordedTimes} answer(s) for ${what}, and the run asked for one more: the run makes this call more often than the recording did.`;
  }
  return `No recorded result in ${init.cassette} for ${what}.`;
}

import { ExitCode, StrandsError } from '../spec/v1/errors.js';
import type { CanonicalRequestV1, CassetteEntryV1 } from './cassette-format.js';
import { diffRequests, formatDifference, type RequestDifference, requestDistance } from './request-diff.js';

const cassetteMissErrorMarker = Symbol.for('strands-cli.error.CassetteMissError');

/** Differences listed in a miss message; the rest are counted. */
const shownDifferences = 6;

/** The recorded request closest to one that missed, and how it differs. */
export interface NearestRecordedRequest {
  /** 0-based position in the cassette's `entries`. */
  readonly index: number;
  readonly entry: CassetteEntryV1;
  readonly differences: readonly RequestDifference[];
}

/**
 * Finds the recorded request nearest to `request`: among entries of the same provider and model when
 * there are any (else the same provider, else all), the one with the fewest and smallest differences;
 * the earliest wins a tie.
 */
export function findNearestRecorded(
  entries: readonly CassetteEntryV1[],
  request: CanonicalRequestV1,
): NearestRecordedRequest | undefined {
  const indexed = entries.map((entry, index) => ({ entry, index }));
  const sameModel = indexed.filter(
    ({ entry }) => entry.request.provider === request.provider && entry.request.modelId === request.modelId,
  );
  const sameProvider = indexed.filter(({ entry }) => entry.request.provider === request.provider);
  const pool = sameModel.length > 0 ? sameModel : sameProvider.length > 0 ? sameProvider : indexed;
  let best: (NearestRecordedRequest & { distance: number }) | undefined;
  for (const { entry, index } of pool) {
    const differences = diffRequests(entry.request, request);
    const distance = requestDistance(differences);
    if (best === undefined || distance < best.distance) best = { index, entry, differences, distance };
  }
  return best && { index: best.index, entry: best.entry, differences: best.differences };
}

/**
 * A replayed model call found no answer in the cassette (exit 10): the request changed since the
 * recording (a prompt, a model, a tool), or it was made more often than recorded. The message shows
 * the nearest recorded request and what differs.
 */
export class CassetteMissError extends StrandsError {
  protected readonly [cassetteMissErrorMarker] = true;

  /** True for a CassetteMissError, even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is CassetteMissError {
    return StrandsError.hasMarker(value, cassetteMissErrorMarker);
  }

  /** The cassette file (or a label for an in-memory cassette). */
  readonly cassette: string;
  readonly request: CanonicalRequestV1;
  readonly nearest: NearestRecordedRequest | undefined;
  /** Set when the request was recorded, but fewer times than it is now made. */
  readonly recordedTimes: number;

  constructor(init: {
    cassette: string;
    request: CanonicalRequestV1;
    nearest: NearestRecordedRequest | undefined;
    recordedTimes?: number;
  }) {
    super(missMessage(init), ExitCode.runtime, {
      hint: `Re-record the cassette (strands run SPEC --record ${init.cassette}), or undo the change to the spec or its inputs.`,
    });
    this.name = 'CassetteMissError';
    this.cassette = init.cassette;
    this.request = init.request;
    this.nearest = init.nearest;
    this.recordedTimes = init.recordedTimes ?? 0;
  }
}

function missMessage(init: {
  cassette: string;
  request: CanonicalRequestV1;
  nearest: NearestRecordedRequest | undefined;
  recordedTimes?: number;
}): string {
  const { request, nearest } = init;
  const what = `a request to ${request.provider} model '${request.modelId}'`;
  if (init.recordedTimes) {
    return `The cassette ${init.cassette} holds ${init.recordedTimes} answer(s) for ${what}, and the run asked for one more: the run makes this call more often than the recording did.`;
  }
  const head = `No recorded answer in ${init.cassette} for ${what}.`;
  if (!nearest) return `${head} The cassette holds no requests.`;
  const { differences } = nearest;
  const lines = differences
    .slice(0, shownDifferences)
    .map((difference) => `  - ${formatDifference(difference)}`);
  if (differences.length > shownDifferences)
    lines.push(`  - and ${differences.length - shownDifferences} more difference(s)`);
  return `${head}\nNearest recorded request: entry ${nearest.index + 1} (key ${nearest.entry.key.slice(0, 12)}), which differs in:\n${lines.join('\n')}`;
}

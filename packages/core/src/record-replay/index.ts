/**
 * Record and replay at the provider boundary: a recorder wraps provider clients and writes every model
 * call to a cassette; a replayer answers the same calls from the cassette without any network.
 */

export { canonicalRequest, requestKey, stableStringify, toolCallKey } from './canonical-request.js';
export { formatCassette, parseCassette, readCassette, writeCassette } from './cassette-file.js';
export * from './cassette-format.js';
export type { NearestRecordedRequest } from './cassette-miss-error.js';
export { CassetteMissError, findNearestRecorded } from './cassette-miss-error.js';
export { CassetteToolMissError } from './cassette-tool-miss-error.js';
export type { RecordReplayOptions, RecordReplaySession } from './record-replay-run.js';
export { prepareRecordReplay, specProviderNames } from './record-replay-run.js';
export type { RecordedProviderInfo, Recorder, RecorderOptions } from './recorder.js';
export { createRecorder } from './recorder.js';
export { replayProviderPlugin, replayProviderPlugins } from './replay-provider-plugin.js';
export type { Replayer, ReplayerOptions } from './replayer.js';
export { createReplayer, loadReplayer } from './replayer.js';
export type { RequestDifference } from './request-diff.js';
export { diffRequests, formatDifference } from './request-diff.js';
export type { ToolReplayer } from './tool-replayer.js';
export { createToolReplayer } from './tool-replayer.js';

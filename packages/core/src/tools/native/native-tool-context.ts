import type { GuardedHttpClient } from '../network/guarded-http-client.js';

/** Size and time limits of the native tools and HTTP executors. */
export interface ToolLimits {
  /** Longest HTTP response body handed to the model, in bytes. @default 65536 */
  readonly httpBodyBytes: number;
  /** Deadline of one `http_request` call, in ms (executors use their `timeout_ms`). @default 30000 */
  readonly httpTimeoutMs: number;
  /** Longest file content `file_read` returns, in bytes. @default 262144 */
  readonly fileReadBytes: number;
  /** Largest content `file_write` accepts, in bytes. @default 1048576 */
  readonly fileWriteBytes: number;
}

/** The default {@link ToolLimits}. */
export const defaultToolLimits: ToolLimits = {
  httpBodyBytes: 64 * 1024,
  httpTimeoutMs: 30_000,
  fileReadBytes: 256 * 1024,
  fileWriteBytes: 1024 * 1024,
};

/** What a native tool may use and do in one run. */
export interface NativeToolContext {
  /** The directory file tools are confined to. */
  readonly workingDirectory: string;
  readonly allowFileWrite: boolean;
  readonly limits: ToolLimits;
  /** The clock of `current_time` (injected in tests). */
  readonly now: () => Date;
  /** The run's shared pool for `http_request`, created on first use. */
  readonly httpClient: () => GuardedHttpClient;
  /** Hides the run's secret values in everything a tool returns. */
  readonly redact: (text: string) => string;
}

import type { GuardedHttpClient } from '../network/guarded-http-client.js';
import type { SpecVerifyReport } from './spec-verify/spec-verify-report.js';

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
  /** How much of a file `grep`, `head`, `tail` and `search` read, in bytes. @default 10485760 */
  readonly retrievalScanBytes: number;
  /** Longest text `grep`, `head`, `tail` and `search` return, in bytes. @default 65536 */
  readonly retrievalOutputBytes: number;
  /** Longest run of one `python_exec` call, in ms (the model may ask for less). @default 30000 */
  readonly pythonTimeoutMs: number;
  /** Address space a `python_exec` process may use, in bytes. @default 536870912 */
  readonly pythonMemoryBytes: number;
  /** Longest stdout (and stderr) of one `python_exec` call kept for the model, in bytes. @default 65536 */
  readonly pythonOutputBytes: number;
  /** How much of a page `web_fetch` downloads before it stops reading, in bytes. @default 5242880 */
  readonly webFetchBodyBytes: number;
  /** Longest page text (markdown or body) `web_fetch` and the search tools return, in bytes. @default 65536 */
  readonly webOutputBytes: number;
}

/** The default {@link ToolLimits}. */
export const defaultToolLimits: ToolLimits = {
  httpBodyBytes: 64 * 1024,
  httpTimeoutMs: 30_000,
  fileReadBytes: 256 * 1024,
  fileWriteBytes: 1024 * 1024,
  retrievalScanBytes: 10 * 1024 * 1024,
  retrievalOutputBytes: 64 * 1024,
  pythonTimeoutMs: 30_000,
  pythonMemoryBytes: 512 * 1024 * 1024,
  pythonOutputBytes: 64 * 1024,
  webFetchBodyBytes: 5 * 1024 * 1024,
  webOutputBytes: 64 * 1024,
};

/** What a native tool may use and do in one run. */
export interface NativeToolContext {
  /** The directory file tools are confined to. */
  readonly workingDirectory: string;
  readonly allowFileWrite: boolean;
  /** `--allow-code-exec`: whether `python_exec` may run code. */
  readonly allowCodeExec: boolean;
  /** The Python interpreter `python_exec` runs (a name looked up on PATH, or a path). @default 'python3' */
  readonly pythonCommand?: string;
  /**
   * Checks a spec given as text the way a run would (plugins resolved from the run's sources); what
   * `spec_verify` reports. Absent when the run does not offer spec checking.
   */
  readonly verifySpec?: (text: string, checkCapability: boolean) => Promise<SpecVerifyReport>;
  readonly limits: ToolLimits;
  /** The clock of `current_time` (injected in tests). */
  readonly now: () => Date;
  /** The run's shared pool for `http_request`, created on first use. */
  readonly httpClient: () => GuardedHttpClient;
  /**
   * The run's environment: `tavily_search` reads `TAVILY_API_KEY` and the search tools their base URL
   * overrides from it. @default {}
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Hides the run's secret values in everything a tool returns. */
  readonly redact: (text: string) => string;
}

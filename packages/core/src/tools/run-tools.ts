import type { ToolV1 } from '../spec/v1/tool-v1.js';
import type { WorkflowSpec } from '../spec-file/schema/workflow-spec.js';

/** What a run's tools may do, decided by the user. */
export interface RunToolsOptions {
  readonly spec: Readonly<WorkflowSpec>;
  /** Environment for `${NAME}` header values and secrets. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--allow-private-network` or `STRANDS_HTTP_ALLOW_PRIVATE=1`. */
  readonly allowPrivateNetwork: boolean;
  /** `--allow-file-write`. */
  readonly allowFileWrite: boolean;
  /** The directory file tools are confined to. */
  readonly workingDirectory: string;
}

/** The tools of one run. Builds each tool once; `close()` releases HTTP pools. */
export interface RunTools {
  /** Tools for a (validated) list of tool ids, in a stable order. */
  toolsFor(toolIds: readonly string[]): readonly ToolV1[];
  /** System-prompt text describing these tools (e.g. the HTTP Tools Reference), or undefined. */
  systemPromptSection(toolIds: readonly string[]): string | undefined;
  /** Number of HTTP connection pools opened so far (for counts and tests). */
  readonly openedPools: number;
  /** Closes every pool opened by this run. Idempotent. */
  close(): Promise<void>;
}

/** Creates the tool set of one run. (Stub until the tools work lands: no tools.) */
export function createRunTools(_options: RunToolsOptions): RunTools {
  return {
    toolsFor: () => [],
    systemPromptSection: () => undefined,
    openedPools: 0,
    close: async () => {},
  };
}

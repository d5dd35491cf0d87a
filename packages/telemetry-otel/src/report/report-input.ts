import type { TraceDocument } from '../trace-document.js';

/** What one invocation was given and answered, as far as the run kept it. */
export interface StepIo {
  readonly input?: string;
  readonly output?: string;
}

/** The pattern's plan drawing (what `strands plan` shows): nodes and their edges. */
export interface ReportGraph {
  readonly nodes: readonly {
    readonly id: string;
    readonly label: string;
    /** The agent the node runs, when it runs one: matches invocations whose labels name no node. */
    readonly agentId?: string;
    readonly shape?: 'box' | 'diamond' | 'round';
  }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label?: string }[];
}

/** Everything the run report is drawn from. Only `trace` is required. */
export interface ReportInput {
  /** The run's trace JSON (`--trace`, a session's `trace.json`). */
  readonly trace: TraceDocument;
  /** Inputs and outputs by invocation number (the step span's `strands.invocation`). */
  readonly stepIo?: Readonly<Record<string, StepIo>>;
  /** The pattern's plan graph; without it the graph is inferred from the spans (no edges). */
  readonly graph?: ReportGraph;
  /**
   * Applied to every text the report shows (inputs, outputs, errors, labels): the project's secret
   * policy. The texts are also escaped and shortened, whatever this does.
   */
  readonly redact?: (text: string) => string;
  /** When the report was made (ISO 8601); shown in its footer. */
  readonly generatedAt?: string;
}

/** Limits of the report's texts. */
export interface ReportLimits {
  /** Characters of one input or output shown before it is cut with a note. @default 20000 */
  readonly maxTextChars?: number;
}

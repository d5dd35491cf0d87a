/** One located problem in a spec checked by `spec_verify`, in the shape a model can act on. */
export interface SpecVerifyProblem {
  /** JSON pointer of the offending value (`''` for the whole document). */
  readonly pointer: string;
  /** 1-based line in the text the model sent, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly col?: number;
  readonly message: string;
  /** How to fix it, when the check knows. */
  readonly fix?: string;
  /** Short category (`schema`, `reference`, `template`, `capability`, `usage`...). */
  readonly code: string;
}

/** What `spec_verify` returns: the verdict of this project's own loader and capability check. */
export interface SpecVerifyReport {
  /** True when the spec loads and this version can run it. */
  readonly valid: boolean;
  /** True when the spec parses and passes the schema and reference checks. */
  readonly schema_valid: boolean;
  /** Whether this version runs everything the spec uses; null when not checked or not loadable. */
  readonly capability_supported: boolean | null;
  /** Problems that stop the spec from loading (a run would exit 3 or 2). */
  readonly errors: readonly SpecVerifyProblem[];
  /** Features the spec uses that this version cannot run (a run would exit 18). */
  readonly issues: readonly SpecVerifyProblem[];
  /** Things worth fixing that do not stop a run. */
  readonly warnings: readonly SpecVerifyProblem[];
  /** A summary of a spec that loaded. */
  readonly spec_info?: {
    readonly name: string;
    readonly version: string | number;
    readonly pattern_type: string;
    readonly provider: string;
    readonly agent_count: number;
  };
}

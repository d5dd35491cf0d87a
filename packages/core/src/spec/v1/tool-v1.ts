/** A JSON Schema object, as sent to a model for tool inputs. */
export type JsonSchemaV1 = { readonly [key: string]: unknown };

/** What a tool call returns to the model. Failures are results too: the model sees them and can react. */
export interface ToolResultV1 {
  /** Text (often JSON) handed back to the model. */
  readonly content: string;
  /** True when the call failed; the text then says why. */
  readonly isError?: boolean;
}

/** A tool an agent can call. Tools are immutable and safe to call concurrently. */
export interface ToolV1 {
  /** The name the model uses to call it (`^[a-zA-Z0-9_-]{1,64}$`). */
  readonly name: string;
  /** What it does, for the model. */
  readonly description: string;
  /** JSON Schema of the input object. */
  readonly inputSchema: JsonSchemaV1;
  /** Runs the tool. Must honour `signal` and should not throw for expected failures (return `isError`). */
  call(input: Record<string, unknown>, options: { readonly signal: AbortSignal }): Promise<ToolResultV1>;
}

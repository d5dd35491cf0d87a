/** Keeps the last `limit` characters written to a stream, for an error message about a failed start. */
export class StderrTail {
  #text = '';
  readonly #limit: number;

  constructor(limit = 2000) {
    this.#limit = limit;
  }

  /** Adds a chunk. */
  push(chunk: Buffer | string): void {
    this.#text = (this.#text + chunk.toString()).slice(-this.#limit);
  }

  /** The kept text, trimmed; empty when the process wrote nothing. */
  get text(): string {
    return this.#text.trim();
  }
}

import { ExitCode, StrandsError } from '@strands-cli/core/spec';

const graphLoopErrorMarker = Symbol.for('strands-cli.error.GraphLoopError');

/**
 * A graph stopped because a node was visited `max_iterations` times or the run took
 * `budgets.max_steps` node executions: almost always a loop whose exit condition never holds
 * (exit 20, like the other budgets).
 */
export class GraphLoopError extends StrandsError {
  protected readonly [graphLoopErrorMarker] = true;

  /** True for a GraphLoopError, even one thrown by another copy of the package. */
  static override isInstance(value: unknown): value is GraphLoopError {
    return StrandsError.hasMarker(value, graphLoopErrorMarker);
  }

  /** The nodes of the loop that was running when the limit was hit, in the order they ran. */
  readonly loop: readonly string[];

  constructor(message: string, loop: readonly string[], hint: string) {
    super(message, ExitCode.budget, { hint });
    this.name = 'GraphLoopError';
    this.loop = loop;
  }
}

import { HUMAN_AGENT_ID } from '@strands-cli/core/executor-utils';
import type { GraphConfig } from './graph-config.js';

/** What `nodes.<id>` holds in templates and in the artifact context. */
export interface NodeRecord {
  readonly response: string;
  readonly agent: string;
  readonly status: 'not_executed' | 'success' | 'waiting_for_user';
  /** How many times the node has run. */
  readonly iteration: number;
  /** The latest answer parsed as JSON, when the node's agent declares an `output_schema`. */
  readonly json?: unknown;
}

/**
 * The state of a graph run: every node's latest record (nodes that have not run appear as
 * `not_executed` with an empty response, so templates can test them), the path walked, visit counts
 * and the latest human answer.
 */
export class GraphState {
  readonly records: Record<string, NodeRecord>;
  readonly path: string[] = [];
  readonly visits: Record<string, number>;
  hitlResponse: string | undefined;
  tokens = 0;

  constructor(config: GraphConfig) {
    const ids = Object.keys(config.nodes);
    this.records = Object.fromEntries(
      Object.entries(config.nodes).map(([id, node]) => [
        id,
        {
          response: '',
          agent: 'agent' in node ? node.agent : HUMAN_AGENT_ID,
          status: 'not_executed',
          iteration: 0,
        },
      ]),
    );
    this.visits = Object.fromEntries(ids.map((id) => [id, 0]));
  }

  /** The names node templates and conditions see: a copy, so nodes running together see the same. */
  scope(): Record<string, unknown> {
    return { nodes: { ...this.records }, hitl_response: this.hitlResponse ?? '' };
  }

  /** Counts a visit that is about to start and returns its number (1 for the first). */
  visit(id: string): number {
    const count = (this.visits[id] ?? 0) + 1;
    this.visits[id] = count;
    this.path.push(id);
    return count;
  }

  /** Records what a node produced. */
  finish(id: string, agent: string, response: string, tokens: number, human: boolean, json?: unknown): void {
    this.records[id] = {
      response,
      agent,
      status: 'success',
      iteration: this.visits[id] ?? 1,
      ...(json === undefined ? {} : { json }),
    };
    this.tokens += tokens;
    if (human) this.hitlResponse = response;
  }

  /**
   * The loop the run is in: the nodes walked since `id` last ran (or since the latest node that
   * repeats, without `id`), in the order they ran.
   */
  loopAt(id?: string): string[] {
    const walked = id === undefined ? this.path : [...this.path, id];
    for (let end = walked.length - 1; end > 0; end--) {
      const node = walked[end] as string;
      const start = walked.lastIndexOf(node, end - 1);
      if (start >= 0) return [...new Set(walked.slice(start, end))];
    }
    return id === undefined ? [] : [id];
  }

  /** The artifact context and `execution_context`. */
  context(terminal: string): Record<string, unknown> {
    return {
      nodes: this.records,
      terminal_node: terminal,
      total_steps: this.path.length,
      iteration_counts: Object.fromEntries(Object.entries(this.visits).filter(([, count]) => count > 0)),
      execution_path: [...this.path],
      cumulative_tokens: this.tokens,
    };
  }
}

import { runFailFast } from '@strands-cli/core/executor-utils';
import {
  type ExecutorContextV1,
  type ExecutorResultV1,
  RuntimeFailure,
  StepFailedError,
} from '@strands-cli/core/spec';
import type { MapConfig, MapItemResult } from './map-config.js';
import { parseItems } from './parse-items.js';

const pointer = '/pattern/config';

/**
 * Runs the `map` pattern: every item through `agent` at once (the core bounds the real concurrency by
 * `runtime.max_parallel`), then `reduce` if given. The first failure cancels the items still running.
 */
export async function runMap(context: ExecutorContextV1<MapConfig>): Promise<ExecutorResultV1> {
  const { config } = context;
  const items = resolveItems(context);
  const results = await runFailFast(
    items.map((item, index) => async (signal: AbortSignal): Promise<MapItemResult> => {
      const label = `item ${index + 1}`;
      let input: string;
      try {
        input = context.render(config.input ?? '{{ item }}', { item, index, items }, `${pointer}/input`);
      } catch (error) {
        throw new StepFailedError(label, config.agent, error);
      }
      // A failed invocation comes back from the core already naming `label` and the agent.
      const result = await context.invokeAgent({
        agentId: config.agent,
        input,
        step: { kind: 'map-item', label, pointer: `${pointer}/items/${index}` },
        signal,
      });
      return { index, item, response: result.text };
    }),
    context.signal,
  );
  if (!config.reduce) {
    return {
      response: results.map((result) => result.response).join('\n\n'),
      agentId: config.agent,
      context: { results, items },
    };
  }
  const reduce = config.reduce;
  const input = context.render(reduce.input, { results, items, ...reduce.vars }, `${pointer}/reduce/input`);
  const reduced = await context.invokeAgent({
    agentId: reduce.agent,
    input,
    toolOverrides: reduce.tool_overrides,
    step: { kind: 'reduce', label: 'reduce', pointer: `${pointer}/reduce` },
  });
  return { response: reduced.text, agentId: reduce.agent, context: { results, items } };
}

/** The items to map over, checked against `max_items`. */
function resolveItems(context: ExecutorContextV1<MapConfig>): unknown[] {
  const { config } = context;
  let items: unknown[];
  if (Array.isArray(config.items)) {
    items = config.items;
  } else {
    const parsed = parseItems(context.render(config.items, {}, `${pointer}/items`));
    if ('error' in parsed) {
      throw new RuntimeFailure(`pattern.config.items: ${parsed.error}`, {
        hint: 'Render a JSON array (e.g. "{{ cities | tojson }}") or one item per line.',
      });
    }
    items = parsed.items;
  }
  if (items.length === 0) {
    throw new RuntimeFailure('pattern.config.items rendered to an empty list; there is nothing to map over', {
      hint: 'Give the input variable at least one item, e.g. --var cities=\'["Oslo"]\'.',
    });
  }
  if (items.length > config.max_items) {
    throw new RuntimeFailure(
      `pattern.config.items has ${items.length} items, more than max_items (${config.max_items})`,
      {
        hint: 'Raise pattern.config.max_items, or pass fewer items.',
      },
    );
  }
  return items;
}

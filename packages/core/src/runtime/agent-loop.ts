import { CassetteToolMissError } from '../record-replay/cassette-tool-miss-error.js';
import { RuntimeFailure } from '../spec/v1/errors.js';
import type { ModelMessageV1, ToolCallV1, ToolResultPartV1, UsageV1 } from '../spec/v1/model-provider-v1.js';
import type { CachedAgent } from './agent-cache.js';
import { abortReason } from './clock.js';
import { ConversationSize, compactConversation } from './context/compact-conversation.js';
import type { CompactionSettings } from './context/compaction.js';
import { journaledModelTurn, journaledToolCall } from './journal/journaled-effects.js';
import type { InvocationScope, TurnServices } from './model-turn.js';
import { toolFailureContent } from './tool-failure.js';

/** Model turns one invocation may take when the caller sets no limit. */
export const defaultMaxTurns = 25;

/** The outcome of one agent invocation. */
export interface AgentLoopResult {
  readonly text: string;
  readonly usage: UsageV1;
  readonly turns: number;
  readonly toolCalls: number;
  /** The distinct tools the model called, in first-call order. */
  readonly toolsUsed: readonly string[];
}

/** Per-invocation context features. */
export interface AgentLoopContext {
  /** Appended to the agent's system prompt for this invocation (earlier workflow notes). */
  readonly systemSuffix?: string;
  /** Summarise older messages when the conversation outgrows the threshold. */
  readonly compaction?: CompactionSettings;
}

/**
 * Runs one invocation as a fresh conversation (no history leaks between steps): the agent's system prompt and
 * the rendered input, then model turn → the requested tool calls, run concurrently → their results →
 * the next turn, until the model answers without tool calls. A tool the agent does not have, or a
 * tool that throws, becomes an error result the model can react to. With compaction, a conversation
 * that outgrows its threshold has its older messages replaced by a summary before the next turn.
 * @throws RuntimeFailure when the model still calls tools after `maxTurns` turns.
 */
export async function runAgentLoop(
  services: TurnServices,
  scope: InvocationScope,
  agent: CachedAgent,
  input: string,
  maxTurns: number = defaultMaxTurns,
  context: AgentLoopContext = {},
): Promise<AgentLoopResult> {
  let messages: ModelMessageV1[] = [{ role: 'user', content: input }];
  const system = context.systemSuffix
    ? `${agent.systemPrompt}\n\n${context.systemSuffix}`
    : agent.systemPrompt;
  const size = new ConversationSize();
  const toolsUsed = new Set<string>();
  let inputTokens = 0;
  let outputTokens = 0;
  let toolCalls = 0;
  for (let turn = 1; turn <= maxTurns; turn += 1) {
    const { compaction } = context;
    const tokens = compaction ? size.tokens(system, messages) : 0;
    if (compaction && turn > 1 && tokens > compaction.whenTokensOver) {
      messages = [...(await compactConversation(services, scope, agent, compaction, messages, turn, tokens))];
      size.reset();
    }
    const { response, usage } = await journaledModelTurn(
      services,
      scope,
      agent.model,
      {
        modelId: agent.model.modelId,
        system,
        // A copy per request: providers and recorders may keep what they were sent.
        messages: [...messages],
        ...(agent.toolDefinitions.length > 0 ? { tools: agent.toolDefinitions } : {}),
        inference: agent.model.inference,
      },
      turn,
    );
    inputTokens += usage.inputTokens;
    outputTokens += usage.outputTokens;
    if (response.toolCalls.length === 0) {
      return {
        text: response.text,
        usage: { inputTokens, outputTokens },
        turns: turn,
        toolCalls,
        toolsUsed: [...toolsUsed],
      };
    }
    toolCalls += response.toolCalls.length;
    for (const call of response.toolCalls) toolsUsed.add(call.name);
    messages.push({ role: 'assistant', content: response.text, toolCalls: response.toolCalls });
    size.reported(usage, messages.length);
    const results = await Promise.all(
      response.toolCalls.map((call, index) =>
        journaledToolCall(
          services,
          scope.position === undefined ? undefined : `${scope.position}/turn/${turn}/tool/${index}`,
          scope.step.label,
          call,
          () => runToolCall(services, scope, agent, call),
        ),
      ),
    );
    if (scope.signal.aborted) throw abortReason(scope.signal);
    messages.push({ role: 'tool', results });
  }
  throw new RuntimeFailure(
    `${scope.step.label}: agent '${agent.id}' was still calling tools after ${maxTurns} model turns`,
    {
      hint: 'Tell the agent in its prompt when to stop calling tools and answer, or raise the turn limit (maxTurns / --max-turns).',
    },
  );
}

async function runToolCall(
  services: TurnServices,
  scope: InvocationScope,
  agent: CachedAgent,
  call: ToolCallV1,
): Promise<ToolResultPartV1> {
  const event = { step: scope.step, agentId: scope.agentId, invocation: scope.invocation };
  const started = services.clock.now();
  // The arguments and result travel by reference: an emitter with no listener costs nothing more.
  services.emit({ type: 'tool-start', ...event, tool: call.name, callId: call.id, arguments: call.input });
  const tool = agent.tools.find((candidate) => candidate.name === call.name);
  let content: string;
  let isError: boolean;
  if (!tool) {
    const available = agent.tools.map((candidate) => candidate.name).join(', ') || 'none';
    content = `Unknown tool '${call.name}'. Available tools: ${available}.`;
    isError = true;
  } else {
    try {
      const input =
        call.input && typeof call.input === 'object' && !Array.isArray(call.input) ? call.input : {};
      const result = await tool.call(input, { signal: scope.signal });
      content = result.content;
      isError = result.isError === true;
    } catch (error) {
      // A replay that has no recorded result must stop the run: the model would otherwise see an
      // error the recording never had, and every later request would miss with a confusing diff.
      if (CassetteToolMissError.isInstance(error)) throw error;
      content = toolFailureContent(call.name, error);
      isError = true;
    }
  }
  services.emit({
    type: 'tool-end',
    ...event,
    tool: call.name,
    callId: call.id,
    ok: !isError,
    durationMs: services.clock.now() - started,
    result: content,
  });
  return { toolCallId: call.id, toolName: call.name, content, isError };
}

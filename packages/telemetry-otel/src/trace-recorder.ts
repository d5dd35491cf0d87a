import type { RunEvent } from '@strands-cli/core';
import { agentInputMessages, agentOutputMessages } from './content/content-attributes.js';
import type { ContentRedactor } from './content/content-redactor.js';
import { GenAi, Operation, Strands } from './gen-ai-names.js';
import { GroupTracker } from './group-tracker.js';
import { finishReasonName, rootEventOf } from './root-events.js';
import type { SpanRecord, SpanSink } from './span-record.js';
import { SpanWriter } from './span-writer.js';

/** Options of {@link TraceRecorder}. */
export interface TraceRecorderOptions {
  /** Receives spans as they start and end (the OpenTelemetry bridge); none records only. */
  readonly sink?: SpanSink;
  /** The wall clock, in milliseconds since the epoch. Events carry only the run's elapsed time. */
  readonly now?: () => number;
  /**
   * Captures message content (agent input/output, tool arguments/results) through this redactor.
   * Without it (the default) no prompt, answer, argument or result text is put on any span.
   */
  readonly content?: ContentRedactor;
}

/** The spans open for one agent invocation. */
interface InvocationSpans {
  readonly step: SpanRecord;
  readonly agent: SpanRecord;
  /** The grouping span the step nests under (a branch, an iteration), if any. */
  readonly group: SpanRecord | undefined;
  chat?: SpanRecord;
}

/**
 * Turns a run's events into a span tree following the OpenTelemetry GenAI conventions:
 * `invoke_workflow {name}` → a grouping span where the pattern has one (`branch {id}`,
 * `iteration {n}`, `round {n}`, `node {id}`) → one span per pattern unit (step, task, branch step,
 * node visit, worker) → `invoke_agent {agent}` → `chat {model}` per model turn and `execute_tool {tool}` per tool call.
 * Listening to events (rather than threading spans through the executors) keeps every executor,
 * built-in or third-party, traced the same way.
 */
export class TraceRecorder {
  readonly #writer: SpanWriter;
  readonly #now: () => number;
  readonly #invocations = new Map<number, InvocationSpans>();
  readonly #tools = new Map<string, SpanRecord>();
  readonly #content: ContentRedactor | undefined;
  readonly #groups = new GroupTracker({
    start: (name, at, attributes) => this.#writer.start(name, this.#root, at, attributes),
    end: (span, status, at) => this.#writer.endWith(span, status, at),
  });
  #root: SpanRecord | undefined;
  #resumed = false;

  constructor(options: TraceRecorderOptions = {}) {
    this.#writer = new SpanWriter(options.sink);
    this.#now = options.now ?? Date.now;
    this.#content = options.content;
  }

  /** Every span recorded so far, in the order they started. */
  get spans(): readonly SpanRecord[] {
    return this.#writer.spans;
  }

  /** The root span, once the run started. */
  get root(): SpanRecord | undefined {
    return this.#root;
  }

  /** Feeds one run event. Never throws: a broken trace must not break the run. */
  readonly onEvent = (event: RunEvent): void => {
    try {
      this.#handle(event);
    } catch {
      // Tracing is an observer; losing a span is better than failing the run it observes.
    }
  };

  #handle(event: RunEvent): void {
    if (event.type === 'run-start') {
      this.#writer.origin = this.#now() - event.elapsedMs;
      this.#root = this.#writer.start(`${Operation.workflow} ${event.name}`, undefined, event.elapsedMs, {
        [GenAi.operationName]: Operation.workflow,
        [Strands.specName]: event.name,
        [Strands.patternType]: event.pattern,
        [Strands.maxParallel]: event.maxParallel,
      });
      return;
    }
    const root = this.#root;
    if (!root) return;
    const at = event.elapsedMs;
    switch (event.type) {
      case 'step-start': {
        const group = this.#groups.enter(event.step, at);
        const unit = this.#writer.start(event.step.label, group ?? root, at, {
          [Strands.stepKind]: event.step.kind,
          [Strands.stepPointer]: event.step.pointer,
          [Strands.invocation]: event.invocation,
          ...(event.step.occurrence === undefined ? {} : { [Strands.stepOccurrence]: event.step.occurrence }),
        });
        const agent = this.#writer.start(`${Operation.agent} ${event.agentId}`, unit, at, {
          [GenAi.operationName]: Operation.agent,
          [GenAi.agentName]: event.agentId,
        });
        if (this.#content && event.input !== undefined)
          agent.attributes[GenAi.inputMessages] = agentInputMessages(this.#content.input(event.input));
        this.#invocations.set(event.invocation, { step: unit, agent, group });
        return;
      }
      case 'model-request': {
        const spans = this.#invocations.get(event.invocation);
        if (!spans) return;
        spans.agent.attributes[GenAi.providerName] = event.providerId;
        spans.agent.attributes[GenAi.requestModel] = event.modelId;
        if (spans.chat) return; // a retried attempt of the same turn stays in its span
        spans.chat = this.#writer.start(`${Operation.chat} ${event.modelId}`, spans.agent, at, {
          [GenAi.operationName]: Operation.chat,
          [GenAi.providerName]: event.providerId,
          [GenAi.requestModel]: event.modelId,
          [Strands.turn]: event.turn,
        });
        return;
      }
      case 'retry': {
        const chat = this.#invocations.get(event.invocation)?.chat;
        if (chat)
          this.#writer.event(chat, 'retry_attempt', at, {
            attempt: event.attempt,
            max_attempts: event.maxAttempts,
            delay_ms: event.delayMs,
            error: event.error,
          });
        return;
      }
      case 'usage': {
        const spans = this.#invocations.get(event.invocation);
        const chat = spans?.chat;
        if (!spans || !chat) return;
        chat.attributes[GenAi.responseModel] = chat.attributes[GenAi.requestModel] ?? '';
        chat.attributes[GenAi.inputTokens] = event.usage.inputTokens;
        chat.attributes[GenAi.outputTokens] = event.usage.outputTokens;
        if (event.finishReason) chat.attributes[GenAi.finishReasons] = [finishReasonName(event.finishReason)];
        if (event.estimated) chat.attributes['strands.usage.estimated'] = true;
        chat.status.code = 'OK';
        this.#writer.end(chat, at);
        spans.chat = undefined;
        return;
      }
      case 'tool-start': {
        const agent = this.#invocations.get(event.invocation)?.agent;
        if (!agent) return;
        const span = this.#writer.start(`${Operation.tool} ${event.tool}`, agent, at, {
          [GenAi.operationName]: Operation.tool,
          [GenAi.toolName]: event.tool,
          [GenAi.toolCallId]: event.callId,
        });
        if (this.#content && event.arguments !== undefined)
          span.attributes[GenAi.toolCallArguments] = this.#content.input(event.arguments);
        this.#tools.set(`${event.invocation}:${event.callId}`, span);
        return;
      }
      case 'tool-end': {
        const key = `${event.invocation}:${event.callId}`;
        const span = this.#tools.get(key);
        if (!span) return;
        this.#tools.delete(key);
        if (this.#content && event.result !== undefined)
          span.attributes[GenAi.toolCallResult] = this.#content.output(event.result);
        span.status.code = event.ok ? 'OK' : 'ERROR';
        this.#writer.end(span, at);
        return;
      }
      case 'compaction': {
        const agent = this.#invocations.get(event.invocation)?.agent;
        if (agent)
          this.#writer.event(agent, 'compaction', at, {
            tokens: event.tokens,
            threshold: event.threshold,
            summarized: event.summarized,
          });
        return;
      }
      case 'step-end':
        this.#endInvocation(event, at);
        return;
      case 'run-end':
        this.#endRun(root, event, at);
        return;
      default: {
        const rootEvent = rootEventOf(event);
        if (rootEvent) this.#writer.event(root, rootEvent.name, at, rootEvent.attributes);
        return;
      }
    }
  }

  #endInvocation(event: Extract<RunEvent, { type: 'step-end' }>, at: number): void {
    const spans = this.#invocations.get(event.invocation);
    if (!spans) return;
    this.#invocations.delete(event.invocation);
    const status = event.ok
      ? { code: 'OK' as const }
      : { code: 'ERROR' as const, ...(event.error ? { message: event.error } : {}) };
    for (const [key, tool] of this.#tools) {
      if (!key.startsWith(`${event.invocation}:`)) continue;
      this.#tools.delete(key);
      this.#writer.endWith(tool, status, at);
    }
    if (spans.chat) this.#writer.endWith(spans.chat, status, at);
    spans.agent.attributes[GenAi.inputTokens] = event.usage.inputTokens;
    spans.agent.attributes[GenAi.outputTokens] = event.usage.outputTokens;
    if (event.replayed) {
      spans.step.attributes[Strands.replayed] = true;
      if (!this.#resumed && this.#root)
        this.#writer.event(this.#root, 'resume', at, { from_step: event.step.label });
      this.#resumed = true;
    }
    if (event.cancelled) spans.step.attributes[Strands.cancelled] = true;
    if (this.#content && event.output !== undefined)
      spans.agent.attributes[GenAi.outputMessages] = agentOutputMessages(this.#content.output(event.output));
    this.#writer.endWith(spans.agent, status, at);
    this.#writer.endWith(spans.step, status, at);
    if (spans.group) this.#groups.leave(spans.group, at, !event.ok && event.cancelled !== true);
  }

  #endRun(root: SpanRecord, event: Extract<RunEvent, { type: 'run-end' }>, at: number): void {
    // Anything still open was cut short by the run's end (a failure or a pause elsewhere).
    for (const spans of this.#invocations.values()) {
      for (const span of [spans.chat, spans.agent, spans.step]) {
        if (span) this.#writer.endWith(span, { code: 'ERROR', message: 'The run ended first' }, at);
      }
    }
    this.#invocations.clear();
    for (const tool of this.#tools.values())
      this.#writer.endWith(tool, { code: 'ERROR', message: 'The run ended first' }, at);
    this.#tools.clear();
    this.#groups.closeAll(at);
    root.attributes[GenAi.inputTokens] = event.usage.inputTokens;
    root.attributes[GenAi.outputTokens] = event.usage.outputTokens;
    this.#writer.endWith(
      root,
      event.ok ? { code: 'OK' } : { code: 'ERROR', ...(event.error ? { message: event.error } : {}) },
      at,
    );
  }
}

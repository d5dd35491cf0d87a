import { randomBytes } from 'node:crypto';
import type { RunEvent } from '@strands-cli/core';
import { agentInputMessages, agentOutputMessages } from './content/content-attributes.js';
import type { ContentRedactor } from './content/content-redactor.js';
import { GenAi, Operation, Strands } from './gen-ai-names.js';
import { GroupTracker } from './group-tracker.js';
import type { Attributes, SpanRecord, SpanSink } from './span-record.js';

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
  readonly #sink: SpanSink | undefined;
  readonly #now: () => number;
  readonly #spans: SpanRecord[] = [];
  readonly #invocations = new Map<number, InvocationSpans>();
  readonly #tools = new Map<string, SpanRecord>();
  readonly #content: ContentRedactor | undefined;
  readonly #groups = new GroupTracker({
    start: (name, at, attributes) => this.#start(name, this.#root, at, attributes),
    end: (span, status, at) => this.#endWith(span, status, at),
  });
  #origin = 0;
  #root: SpanRecord | undefined;
  #resumed = false;

  constructor(options: TraceRecorderOptions = {}) {
    this.#sink = options.sink;
    this.#now = options.now ?? Date.now;
    this.#content = options.content;
  }

  /** Every span recorded so far, in the order they started. */
  get spans(): readonly SpanRecord[] {
    return this.#spans;
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
      this.#origin = this.#now() - event.elapsedMs;
      this.#root = this.#start(`${Operation.workflow} ${event.name}`, undefined, event.elapsedMs, {
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
        const unit = this.#start(event.step.label, group ?? root, at, {
          [Strands.stepKind]: event.step.kind,
          [Strands.stepPointer]: event.step.pointer,
          [Strands.invocation]: event.invocation,
          ...(event.step.occurrence === undefined ? {} : { [Strands.stepOccurrence]: event.step.occurrence }),
        });
        const agent = this.#start(`${Operation.agent} ${event.agentId}`, unit, at, {
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
        spans.chat = this.#start(`${Operation.chat} ${event.modelId}`, spans.agent, at, {
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
          this.#event(chat, 'retry_attempt', at, {
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
        this.#end(chat, at);
        spans.chat = undefined;
        return;
      }
      case 'tool-start': {
        const agent = this.#invocations.get(event.invocation)?.agent;
        if (!agent) return;
        const span = this.#start(`${Operation.tool} ${event.tool}`, agent, at, {
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
        this.#end(span, at);
        return;
      }
      case 'compaction': {
        const agent = this.#invocations.get(event.invocation)?.agent;
        if (agent)
          this.#event(agent, 'compaction', at, {
            tokens: event.tokens,
            threshold: event.threshold,
            summarized: event.summarized,
          });
        return;
      }
      case 'step-end':
        this.#endInvocation(event, at);
        return;
      case 'budget-warning':
        this.#event(root, 'budget_warning', at, {
          budget: event.budget,
          limit: event.limit,
          used: event.used,
          threshold: event.threshold,
        });
        return;
      case 'human-input-required':
        this.#event(root, 'hitl_pause', at, { step: event.step.label, position: event.position });
        return;
      case 'human-answer':
        this.#event(root, 'hitl_answer', at, { step: event.step.label, position: event.position });
        return;
      case 'human-timeout':
        this.#event(root, 'hitl_timeout', at, { step: event.step.label, position: event.position });
        return;
      case 'journal-diverged':
        this.#event(root, 'journal_diverged', at, { step: event.label, position: event.position });
        return;
      case 'run-end':
        this.#endRun(root, event, at);
        return;
      default:
        return;
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
      this.#endWith(tool, status, at);
    }
    if (spans.chat) this.#endWith(spans.chat, status, at);
    spans.agent.attributes[GenAi.inputTokens] = event.usage.inputTokens;
    spans.agent.attributes[GenAi.outputTokens] = event.usage.outputTokens;
    if (event.replayed) {
      spans.step.attributes[Strands.replayed] = true;
      if (!this.#resumed && this.#root)
        this.#event(this.#root, 'resume', at, { from_step: event.step.label });
      this.#resumed = true;
    }
    if (event.cancelled) spans.step.attributes[Strands.cancelled] = true;
    if (this.#content && event.output !== undefined)
      spans.agent.attributes[GenAi.outputMessages] = agentOutputMessages(this.#content.output(event.output));
    this.#endWith(spans.agent, status, at);
    this.#endWith(spans.step, status, at);
    if (spans.group) this.#groups.leave(spans.group, at, !event.ok && event.cancelled !== true);
  }

  #endRun(root: SpanRecord, event: Extract<RunEvent, { type: 'run-end' }>, at: number): void {
    // Anything still open was cut short by the run's end (a failure or a pause elsewhere).
    for (const spans of this.#invocations.values()) {
      for (const span of [spans.chat, spans.agent, spans.step]) {
        if (span) this.#endWith(span, { code: 'ERROR', message: 'The run ended first' }, at);
      }
    }
    this.#invocations.clear();
    for (const tool of this.#tools.values())
      this.#endWith(tool, { code: 'ERROR', message: 'The run ended first' }, at);
    this.#tools.clear();
    this.#groups.closeAll(at);
    root.attributes[GenAi.inputTokens] = event.usage.inputTokens;
    root.attributes[GenAi.outputTokens] = event.usage.outputTokens;
    this.#endWith(
      root,
      event.ok ? { code: 'OK' } : { code: 'ERROR', ...(event.error ? { message: event.error } : {}) },
      at,
    );
  }

  #start(name: string, parent: SpanRecord | undefined, at: number, attributes: Attributes): SpanRecord {
    const record: SpanRecord = {
      name,
      spanId: randomBytes(8).toString('hex'),
      traceId: parent?.traceId ?? randomBytes(16).toString('hex'),
      parentSpanId: parent?.spanId,
      startTime: this.#origin + at,
      endTime: undefined,
      attributes,
      events: [],
      status: { code: 'UNSET' },
    };
    this.#spans.push(record);
    this.#sink?.start(record, parent);
    return record;
  }

  #event(span: SpanRecord, name: string, at: number, attributes: Attributes): void {
    const event = { name, time: this.#origin + at, attributes };
    span.events.push(event);
    this.#sink?.event(span, event);
  }

  #endWith(span: SpanRecord, status: SpanRecord['status'], at: number): void {
    span.status.code = status.code;
    if (status.message !== undefined) span.status.message = status.message;
    this.#end(span, at);
  }

  #end(span: SpanRecord, at: number): void {
    if (span.endTime !== undefined) return;
    span.endTime = this.#origin + at;
    this.#sink?.end(span);
  }
}

/** The GenAI convention's finish reason names. */
function finishReasonName(reason: string): string {
  return reason === 'tool-calls' ? 'tool_call' : reason.replace('-', '_');
}

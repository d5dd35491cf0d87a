/**
 * The OpenTelemetry GenAI semantic-convention names this package writes. They are kept here as plain
 * strings: the upstream constants live only in an "incubating" entry point that marks them deprecated
 * (they moved to a separate conventions repository), and importing it would load a large module for
 * a dozen strings.
 */
export const GenAi = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  finishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  agentName: 'gen_ai.agent.name',
  toolName: 'gen_ai.tool.name',
  toolCallId: 'gen_ai.tool.call.id',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  toolCallArguments: 'gen_ai.tool.call.arguments',
  toolCallResult: 'gen_ai.tool.call.result',
} as const;

/** Values of `gen_ai.operation.name`, which also start the span names. */
export const Operation = {
  workflow: 'invoke_workflow',
  agent: 'invoke_agent',
  chat: 'chat',
  tool: 'execute_tool',
} as const;

/** strands-cli's own attribute names, kept so dashboards built for it still find them. */
export const Strands = {
  specName: 'spec.name',
  patternType: 'pattern.type',
  stepKind: 'strands.step.kind',
  stepPointer: 'strands.step.pointer',
  stepOccurrence: 'strands.step.occurrence',
  invocation: 'strands.invocation',
  turn: 'strands.turn',
  replayed: 'strands.replayed',
  cancelled: 'strands.cancelled',
  maxParallel: 'strands.max_parallel',
  group: 'strands.group',
} as const;

import {
  type RecordedRequest,
  reply,
  type ScriptedReply,
  type ScriptedToolCall,
} from '@strands-cli/test-servers';
import type { ProviderTarget } from '../providers/provider-targets.js';
import { type Conversation, plausibleUsage, readConversation } from './conversation.js';

/** A provider the examples use: any provider target of the e2e suite (each has a loopback server). */
export type ExampleProvider = ProviderTarget['id'];

/**
 * How one `examples/<name>.yaml` is recorded: the providers it calls, a scripted model that answers
 * like a real one would (by content, since concurrent requests arrive in any order), and what the run
 * must produce.
 */
export interface ExampleScript {
  /** The file name in `examples/` without `.yaml`. */
  readonly name: string;
  readonly providers: readonly ExampleProvider[];
  /** Answers one model request. */
  readonly answer: (conversation: Conversation) => ScriptedReply;
  /** Model calls one run makes. */
  readonly modelCalls: number;
  /** Tool calls one run makes (each is recorded in the cassette's `tools`). @default 0 */
  readonly toolCalls?: number;
  /** Artifact file names the run writes (under `--out`). */
  readonly artifacts: readonly string[];
  /** Text the final response contains. */
  readonly resultContains: string;
  /** The example's HTTP tool calls the local status API (examples/local-api/status-api.mjs). */
  readonly usesStatusApi?: boolean;
}

/** The responder a loopback server gets for an example. */
export function responderFor(script: ExampleScript): (request: RecordedRequest) => ScriptedReply {
  return (request) => script.answer(readConversation(request));
}

/** A text answer with plausible usage. */
export function say(conversation: Conversation, text: string): ScriptedReply {
  return reply.text(text, { usage: plausibleUsage(conversation, text) });
}

/**
 * An {@link ExampleScript.answer} that says the text of the first entry whose prefix the request's
 * input starts with, and answers any other request with {@link unexpected}.
 * @example
 * answer: sayByPrefix([['Outline a', outline], ['Write the explainer', article]]),
 */
export function sayByPrefix(
  answers: ReadonlyArray<readonly [prefix: string, text: string]>,
): (conversation: Conversation) => ScriptedReply {
  return (conversation) => {
    const match = answers.find(([prefix]) => conversation.input.startsWith(prefix));
    return match ? say(conversation, match[1]) : unexpected(conversation);
  };
}

/** A tool-call answer with plausible usage. */
export function callTools(
  conversation: Conversation,
  calls: readonly ScriptedToolCall[],
  text?: string,
): ScriptedReply {
  return reply.toolCalls(calls, {
    ...(text === undefined ? {} : { text }),
    usage: plausibleUsage(conversation, text ?? '', calls.length),
  });
}

/** A loud answer for a request the script did not expect: the recording test then fails on it. */
export function unexpected(conversation: Conversation): ScriptedReply {
  return reply.error(400, {
    message: `scripted model: unexpected request '${conversation.input.slice(0, 60)}'`,
  });
}

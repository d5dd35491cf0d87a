import { reply, type ScriptedReply } from './scripted-reply.js';

/**
 * A turn of the core's conformance harness (`HarnessTurn` in `@strands-cli/core/testing`), typed here
 * structurally so the servers import nothing but Node built-ins.
 */
export type ConformanceTurn =
  | { readonly text: string; readonly usage?: { inputTokens: number; outputTokens: number } }
  | {
      readonly toolCall: { readonly name: string; readonly input: Record<string, unknown> };
      readonly usage?: { inputTokens: number; outputTokens: number };
    }
  | { readonly status: number; readonly retryAfterSeconds?: number }
  | { readonly hang: true };

/** Translates a conformance-suite turn into a scripted reply (for `testModelProvider` harnesses). */
export function scriptedReplyFor(turn: ConformanceTurn): ScriptedReply {
  if ('hang' in turn) return reply.stall();
  if ('status' in turn) {
    const headers: Record<string, string> =
      turn.retryAfterSeconds === undefined ? {} : { 'retry-after': String(turn.retryAfterSeconds) };
    return reply.error(turn.status, { headers });
  }
  const usage = turn.usage ? { input: turn.usage.inputTokens, output: turn.usage.outputTokens } : undefined;
  if ('toolCall' in turn) return reply.toolCalls([turn.toolCall], usage ? { usage } : {});
  return reply.text(turn.text, usage ? { usage } : {});
}

import type { RunEvent } from '@strands-cli/core';
import { formatDuration, formatTokens, type Style } from './format.js';

/**
 * The one-line description of an event for the plain (non-TTY) progress and for `--debug`, or
 * undefined when the event does not get a line at this level. `debug` adds cache, pool and request
 * lines.
 */
export function eventLine(event: RunEvent, style: Style, debug: boolean): string | undefined {
  switch (event.type) {
    case 'run-start':
      return `Running ${event.name} (${event.pattern}, max_parallel ${event.maxParallel})`;
    case 'step-start':
      return `${style.dim('→')} ${event.step.label} · ${event.agentId}`;
    case 'step-end':
      // A step stopped by Ctrl-C or by a failing sibling did nothing wrong; calling it failed would
      // send the user looking for a second error.
      if (event.ok && event.replayed === true)
        return `${style.green('✓')} ${event.step.label} · ${event.agentId} · from the session (no model call)`;
      if (!event.ok && event.cancelled === true)
        return `${style.dim('⊘')} ${event.step.label} · ${event.agentId} · ${formatDuration(event.durationMs)} · cancelled`;
      return event.ok
        ? `${style.green('✓')} ${event.step.label} · ${event.agentId} · ${formatDuration(event.durationMs)} · ${formatTokens(event.usage)}`
        : `${style.red('✗')} ${event.step.label} · ${event.agentId} · ${formatDuration(event.durationMs)} · ${event.error ?? 'failed'}`;
    case 'retry':
      return `${style.yellow('↻')} ${event.step.label} · ${event.providerId}: ${event.error}; attempt ${event.attempt + 1} of ${event.maxAttempts} in ${formatDuration(event.delayMs)}`;
    case 'compaction':
      return `${style.dim('≋')} ${event.step.label} · ${event.agentId}: conversation at ${event.tokens} tokens (over ${event.threshold}); summarised ${event.summarized} messages with ${event.modelId}, kept ${event.kept}`;
    case 'budget-warning':
      return `${style.yellow('⚠')} budget ${event.budget}: ${event.used} of ${event.limit} used (warning at ${Math.round(event.threshold * 100)}%)`;
    case 'mcp-server-skip':
      // The reason names the server already; its stderr tail (later lines) is for the error case only.
      return `${style.yellow('⚠')} ${event.reason.split('\n')[0]} (optional: running without its tools)`;
    case 'journal-diverged':
      return `${style.yellow('⚠')} ${event.label} changed since the session was saved: it and every later step run live`;
    case 'human-input-required':
      return `${style.yellow('?')} ${event.step.label} waits for a human answer`;
    case 'human-timeout':
      return `${style.yellow('⚠')} ${event.step.label}: the time to answer ran out; using the default answer '${event.answer}'`;
    case 'tool-end':
      return debug
        ? `  tool ${event.tool} · ${event.step.label} · ${event.ok ? 'ok' : 'error'} · ${formatDuration(event.durationMs)}`
        : undefined;
    case 'agent-build':
      return debug
        ? `  agent cache miss: built '${event.agentId}' (${event.providerId}/${event.modelId}, tools: ${event.tools.join(', ') || 'none'})`
        : undefined;
    case 'agent-reuse':
      return debug ? `  agent cache hit: reused '${event.agentId}'` : undefined;
    case 'client-create':
      return debug
        ? `  client pool miss: created ${event.providerId} client (${event.transportKey})`
        : undefined;
    case 'client-reuse':
      return debug
        ? `  client pool hit: reused ${event.providerId} client (${event.transportKey})`
        : undefined;
    case 'model-request':
      return debug
        ? `  request ${event.providerId}/${event.modelId} · ${event.step.label} · turn ${event.turn}${event.attempt > 1 ? ` · attempt ${event.attempt}` : ''}`
        : undefined;
    default:
      return undefined;
  }
}

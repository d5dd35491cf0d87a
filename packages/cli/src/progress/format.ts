import type { UsageV1 } from '@strands-cli/core/spec';

/** `850ms`, `1.24s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** `1,234 tokens (in 1,000, out 234)`. */
export function formatTokens(usage: UsageV1): string {
  const total = usage.inputTokens + usage.outputTokens;
  return `${total.toLocaleString('en-US')} tokens (in ${usage.inputTokens.toLocaleString('en-US')}, out ${usage.outputTokens.toLocaleString('en-US')})`;
}

/** ANSI styling that is a no-op when colour is off. */
export interface Style {
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
}

/** A {@link Style} for `enabled` colour. */
export function createStyle(enabled: boolean): Style {
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    dim: wrap(2, 22),
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    bold: wrap(1, 22),
  };
}

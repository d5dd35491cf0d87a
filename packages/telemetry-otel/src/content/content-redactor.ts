import { compileLinearRegex } from '@strands-cli/core';
import { isSecretKey, Marker, redactPii } from './pii-rules.js';

/** `telemetry.redact` as this package reads it. */
export interface RedactSection {
  readonly tool_inputs?: boolean;
  readonly tool_outputs?: boolean;
  readonly custom_patterns?: readonly string[];
}

/** Turns captured content into the text a span carries. */
export interface ContentRedactor {
  /** An input (an agent's user message, a tool's arguments) as span text. */
  input(value: unknown): string;
  /** An output (an agent's answer, a tool's result) as span text. */
  output(value: unknown): string;
}

/**
 * Builds the redactor of captured content. Content already had the run's secrets replaced (the
 * project's secret policy, applied to every event); on top of that, strands-cli's rules mask
 * personal data: inputs when `tool_inputs` (default true), outputs when `tool_outputs` (default
 * false). `custom_patterns` run on the linear-time engine (RE2 syntax), so no pattern can stall a run.
 */
export function createContentRedactor(section: RedactSection | undefined): ContentRedactor {
  const custom = (section?.custom_patterns ?? []).map((pattern) => compileLinearRegex(pattern));
  const applyCustom = (text: string): string =>
    custom.reduce((result, pattern) => pattern.matcher(result).replaceAll(() => Marker.custom), text);
  const mask = (value: unknown): string => applyCustom(redactPii(toText(maskKeys(value))));
  const plain = (value: unknown): string => applyCustom(toText(value));
  const inputs = section?.tool_inputs ?? true;
  const outputs = section?.tool_outputs ?? false;
  return { input: inputs ? mask : plain, output: outputs ? mask : plain };
}

/** A copy of `value` whose members under secret-like keys are masked. */
function maskKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [
        key,
        isSecretKey(key) && (typeof member === 'string' || typeof member === 'number')
          ? Marker.secret
          : maskKeys(member),
      ]),
    );
  }
  return value;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

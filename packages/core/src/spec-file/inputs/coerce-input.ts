import type { InputTypeName } from '../schema/inputs.js';

/** The result of {@link coerceInput}: the typed value, or why it does not fit. */
export type Coerced =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string };

const truthy = new Set(['true', 'yes', 'on', '1']);
const falsy = new Set(['false', 'no', 'off', '0']);

/**
 * Converts a value to a declared input type. Strings (from `--var`) are parsed: numbers, whole
 * numbers, booleans (true/false, yes/no, on/off, 1/0) and JSON lists/mappings.
 */
export function coerceInput(value: unknown, type: InputTypeName): Coerced {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      return { ok: false, problem: 'expected text' };
    case 'number': {
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
      return Number.isFinite(parsed)
        ? { ok: true, value: parsed }
        : { ok: false, problem: 'expected a number, e.g. 3.5' };
    }
    case 'integer': {
      if (typeof value === 'number' && Number.isInteger(value)) return { ok: true, value };
      if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value))
        return { ok: true, value: Number.parseInt(value, 10) };
      return { ok: false, problem: 'expected a whole number, e.g. 3' };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const word = typeof value === 'string' ? value.trim().toLowerCase() : String(value);
      if (truthy.has(word)) return { ok: true, value: true };
      if (falsy.has(word)) return { ok: true, value: false };
      return { ok: false, problem: 'expected a boolean: yes/no, on/off, 1/0 or true/false' };
    }
    case 'array':
    case 'object': {
      const parsed = typeof value === 'string' ? parseJson(value) : value;
      const fits = type === 'array' ? Array.isArray(parsed) : isMapping(parsed);
      if (fits) return { ok: true, value: parsed };
      return {
        ok: false,
        problem:
          type === 'array'
            ? 'expected a JSON list, e.g. ["a","b"]'
            : 'expected a JSON object, e.g. {"key":"value"}',
      };
    }
  }
}

/** A placeholder of the declared type, for static template checks when no value is known yet. */
export function placeholderFor(name: string, type: InputTypeName, allowed?: readonly unknown[]): unknown {
  if (allowed && allowed.length > 0) return allowed[0];
  switch (type) {
    case 'string':
      return `<${name}>`;
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

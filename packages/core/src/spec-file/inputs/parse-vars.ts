import { UsageError } from '../../spec/v1/errors.js';

/**
 * Splits `--var key=value` arguments (a record, as the library API takes, is used as is: its values
 * may be of any type and are coerced to each input's declared type as `--var` text is) at the first `=` (so values may contain `=`); key and value are
 * trimmed; an empty value is allowed. A missing `=` or an empty key is a {@link UsageError} (exit 2).
 */
export function parseVarArguments(
  vars: readonly string[] | Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  if (vars === undefined) return {};
  if (!Array.isArray(vars)) return { ...(vars as Readonly<Record<string, unknown>>) };
  const parsed: Record<string, unknown> = {};
  for (const argument of vars as readonly string[]) {
    const separator = argument.indexOf('=');
    const key = separator < 0 ? '' : argument.slice(0, separator).trim();
    if (separator < 0 || key === '') {
      throw new UsageError(`--var expects key=value, got '${argument}'`, {
        hint: 'Write the name, an equals sign and the value, e.g. --var topic="solar power".',
      });
    }
    parsed[key] = argument.slice(separator + 1).trim();
  }
  return parsed;
}

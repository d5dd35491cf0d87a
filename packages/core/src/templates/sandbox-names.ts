/**
 * Python internals (`__class__`, `__mro__`, `__globals__`, ...) are the classic way out of a Jinja
 * sandbox. Ours has none to offer (templates see plain data only), so such a name is always a
 * mistake or a probe, and the user should read that, not a request to pass it as `--var`.
 */

/** Hint shown with a template that reads a Python internal. */
export const sandboxNameHint =
  'Remove the __...__ name: templates see only data (inputs, --var values and the names this place provides).';

const messageMarker = ' is not available: the template sandbox does not expose Python internals ';

/** The first dunder name in a template expression (`__class__` in `''.__class__`), if any. */
export function dunderNameIn(expression: string): string | undefined {
  return /(?<![A-Za-z0-9_])__[A-Za-z0-9_]*?__(?![A-Za-z0-9_])/.exec(expression)?.[0];
}

/** What a render failure says when `expression` reads the Python internal `name`. */
export function sandboxNameMessage(expression: string, name: string): string {
  return `\`${expression}\`${messageMarker}such as ${name}`;
}

/** True for a message built by {@link sandboxNameMessage} (with or without a location around it). */
export function isSandboxNameMessage(message: string): boolean {
  return message.includes(messageMarker);
}

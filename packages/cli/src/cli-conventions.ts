import { type Command, Help, InvalidArgumentError, type Option } from 'commander';

/**
 * Rules every command of the program follows, applied once to the whole command tree so a command
 * defined anywhere gets them:
 * - an option's value may not be empty, and may not look like another option: commander takes the
 *   next word as the value, so `--out -q` would otherwise write into a folder named `-q`;
 * - `--help` does not print empty defaults (`(default: [])` tells a reader nothing).
 */
export function applyCliConventions(command: Command): Command {
  for (const option of command.options) {
    if (option.required || option.optional) guardValue(option);
  }
  command.configureHelp({ ...command.configureHelp(), optionDescription: describeOption });
  for (const sub of command.commands) applyCliConventions(sub);
  return command;
}

/** Why `value` cannot be the value of an option, or undefined when it can. */
export function optionValueProblem(value: string): string | undefined {
  if (value.trim() === '') return 'It is empty: give it a value.';
  // A lone `-` (stdin by convention) and negative numbers are values, not options.
  if (/^-[A-Za-z-]/.test(value)) {
    return `It looks like an option, not a value: give this option its value first (a value that starts with "-" can be written as ./${value}).`;
  }
  return undefined;
}

function guardValue(option: Option): void {
  const parse = option.parseArg;
  option.argParser((value: string, previous: unknown) => {
    const problem = optionValueProblem(value);
    if (problem) throw new InvalidArgumentError(problem);
    return parse ? parse(value, previous) : value;
  });
}

function isEmptyDefault(value: unknown): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0);
}

function describeOption(this: Help, option: Option): string {
  if (!isEmptyDefault(option.defaultValue)) return Help.prototype.optionDescription.call(this, option);
  const shown = Object.assign(Object.create(Object.getPrototypeOf(option) as object) as Option, option, {
    defaultValue: undefined,
  });
  return Help.prototype.optionDescription.call(this, shown);
}

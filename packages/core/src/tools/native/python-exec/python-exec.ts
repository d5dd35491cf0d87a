import type { ToolV1 } from '../../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { PythonNotFoundError, type PythonRunResult, runPython } from './run-python.js';

/** What `python_exec` says while the user has not opted in. */
export const codeExecOptIn =
  'python_exec is disabled: running code needs an explicit opt-in. Run strands run with --allow-code-exec to let agents run Python (in a child process with time, memory and output limits, but with network access and read access to files).';

/** The time limit when the model asks for none, in seconds. */
const defaultTimeoutSeconds = 10;

function describeOutcome(result: PythonRunResult, timeoutSeconds: number): { text: string; failed: boolean } {
  const parts: string[] = [];
  if (result.stdout !== '') parts.push(result.stdout);
  if (result.stderr !== '') parts.push(`[stderr]\n${result.stderr}`);
  if (result.truncated) parts.push('[output truncated at the output limit]');
  const output = parts.join('\n');
  if (result.timedOut) {
    return {
      text: `Execution stopped: the code ran past its ${timeoutSeconds} s time limit and was killed.${output ? `\n${output}` : ''}`,
      failed: true,
    };
  }
  if (result.exitCode !== 0) {
    const how =
      result.exitCode === null
        ? `was killed by ${result.signal ?? 'a signal'} (a resource limit)`
        : `exited with code ${result.exitCode}`;
    return { text: `Execution failed: the code ${how}.${output ? `\n${output}` : ''}`, failed: true };
  }
  return { text: output === '' ? 'Code executed successfully (no output)' : output, failed: false };
}

/**
 * `python_exec`: runs Python 3 code the model writes and returns what it printed. Refused unless the
 * user opted in with `--allow-code-exec`; the code runs in a child process, not in this one.
 */
export function createPythonExecTool(context: NativeToolContext): ToolV1 {
  const maxSeconds = Math.max(1, Math.floor(context.limits.pythonTimeoutMs / 1000));
  return {
    name: 'python_exec',
    description: `Run Python 3 code and return what it prints (stdout, and stderr when not empty). Use print() to show results. The code runs in an empty temporary folder, without environment variables, at most ${maxSeconds} s. Needs --allow-code-exec.`,
    inputSchema: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'Python code to execute' },
        timeout: {
          type: 'integer',
          description: `Timeout in seconds (default: ${defaultTimeoutSeconds}, at most ${maxSeconds})`,
        },
      },
      required: ['code'],
    },
    async call(input, options) {
      if (!context.allowCodeExec) return toolFailure(codeExecOptIn);
      if (typeof input.code !== 'string' || input.code.trim() === '') {
        return toolFailure("Missing required 'code' parameter (Python source)");
      }
      const asked =
        typeof input.timeout === 'number' && input.timeout > 0 ? input.timeout : defaultTimeoutSeconds;
      const timeoutSeconds = Math.min(asked, maxSeconds);
      try {
        const result = await runPython(input.code, {
          command: context.pythonCommand ?? 'python3',
          limits: {
            timeoutMs: Math.min(timeoutSeconds * 1000, context.limits.pythonTimeoutMs),
            memoryBytes: context.limits.pythonMemoryBytes,
            outputBytes: context.limits.pythonOutputBytes,
          },
          signal: options.signal,
        });
        const { text, failed } = describeOutcome(result, timeoutSeconds);
        return failed ? toolFailure(context.redact(text)) : toolSuccess(context.redact(text));
      } catch (error) {
        if (error instanceof PythonNotFoundError) return toolFailure(error.message);
        return toolFailure(context.redact(`python_exec failed: ${messageOf(error)}`));
      }
    },
  };
}

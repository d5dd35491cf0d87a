import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nativeContext, signal } from '../../__fixtures__/native-context.js';
import { defaultToolLimits } from '../native-tool-context.js';
import { codeExecOptIn, createPythonExecTool } from './python-exec.js';

const allowed = (overrides = {}) =>
  createPythonExecTool(nativeContext({ allowCodeExec: true, ...overrides }));

describe('python_exec', () => {
  it('is refused with the reason until the user opts in', async () => {
    const tool = createPythonExecTool(nativeContext());
    expect(await tool.call({ code: 'print(1)' }, signal())).toEqual({
      isError: true,
      content: codeExecOptIn,
    });
  });

  it('runs the code and returns what it prints', async () => {
    const result = await allowed().call({ code: 'import math\nprint(math.factorial(15))' }, signal());
    expect(result).toEqual({ content: '1307674368000\n' });
  });

  it('runs in an empty temporary folder, deleted afterwards, without the parent environment', async () => {
    process.env.STRANDS_TEST_SECRET = 'do-not-leak';
    try {
      const code =
        'import os\nprint(os.getcwd())\nprint(os.listdir("."))\nprint("STRANDS_TEST_SECRET" in os.environ, "HOME" in os.environ)';
      const result = await allowed().call({ code }, signal());
      const [folder, listing, environment] = result.content.trim().split('\n');
      expect(listing).toBe("['main.py']");
      expect(environment).toBe('False False');
      expect(existsSync(folder!)).toBe(false);
    } finally {
      delete process.env.STRANDS_TEST_SECRET;
    }
  });

  it('kills an infinite loop at its time limit', async () => {
    const limits = { ...defaultToolLimits, pythonTimeoutMs: 2000 };
    const result = await allowed({ limits }).call({ code: 'while True: pass' }, signal());
    expect(result.isError).toBe(true);
    expect(result.content).toContain('ran past its 2 s time limit and was killed');
  }, 20_000);

  it('keeps what the code printed before it was killed', async () => {
    // The code waits instead of spinning, and the limit is generous: on a loaded CI machine Python
    // can take seconds to start, and the printed line must be out before the kill for the check to mean anything.
    const limits = { ...defaultToolLimits, pythonTimeoutMs: 8000 };
    const result = await allowed({ limits }).call(
      { code: 'import time\nprint("started", flush=True)\nwhile True: time.sleep(0.2)' },
      signal(),
    );
    expect(result.isError).toBe(true);
    expect(result.content).toContain('ran past its 8 s time limit and was killed');
    expect(result.content).toContain('started');
  }, 30_000);

  it('reports an exception with its traceback as a tool error', async () => {
    const result = await allowed().call({ code: 'raise ValueError("bad input")' }, signal());
    expect(result.isError).toBe(true);
    expect(result.content).toContain('exited with code 1');
    expect(result.content).toContain('ValueError: bad input');
  });

  it('stops code that allocates past the memory limit', async () => {
    const limits = { ...defaultToolLimits, pythonMemoryBytes: 256 * 1024 * 1024 };
    const result = await allowed({ limits }).call(
      { code: 'block = bytearray(1024 * 1024 * 1024)' },
      signal(),
    );
    expect(result.isError).toBe(true);
    expect(result.content).toContain('MemoryError');
  });

  it('keeps only the first bytes of a long output', async () => {
    const limits = { ...defaultToolLimits, pythonOutputBytes: 64 };
    const result = await allowed({ limits }).call({ code: 'print("x" * 10000)' }, signal());
    expect(result.content).toBe(`${'x'.repeat(64)}\n[output truncated at the output limit]`);
  });

  it('says plainly when Python is not installed', async () => {
    const result = await allowed({ pythonCommand: 'no-such-python-3' }).call({ code: 'print(1)' }, signal());
    expect(result).toEqual({
      isError: true,
      content:
        "python_exec needs 'no-such-python-3', which was not found on PATH; install Python 3 to use this tool",
    });
  });
});

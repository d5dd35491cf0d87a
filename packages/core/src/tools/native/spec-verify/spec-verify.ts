import type { ToolV1 } from '../../../spec/v1/tool-v1.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';

/** The longest spec text `spec_verify` accepts: the same limit as a spec file. */
const maxSpecTextBytes = 10 * 1024 * 1024;

/**
 * `spec_verify`: checks a workflow spec given as text with this project's own loader and capability
 * check, and returns a JSON report (`valid`, `errors` and `issues` with pointer, line, col, message
 * and fix) the model can act on. Nothing is written and no plugin is installed.
 */
export function createSpecVerifyTool(context: NativeToolContext): ToolV1 {
  return {
    name: 'spec_verify',
    description:
      'Validate a strands workflow spec (YAML or JSON text) and return a JSON report: valid, schema_valid, capability_supported, errors and issues (each with pointer, line, col, message, fix), warnings and spec_info.',
    inputSchema: {
      type: 'object',
      properties: {
        spec_content: { type: 'string', description: 'YAML or JSON workflow spec content to validate' },
        check_capability: {
          type: 'boolean',
          description: 'Also report features this version cannot run (default: true)',
        },
      },
      required: ['spec_content'],
    },
    async call(input) {
      const text = input.spec_content;
      if (typeof text !== 'string' || text.trim() === '') {
        return toolFailure("Missing required 'spec_content' parameter (the spec as YAML or JSON text)");
      }
      const size = Buffer.byteLength(text, 'utf8');
      if (size > maxSpecTextBytes) {
        return toolFailure(`The spec is ${size} bytes; spec_verify checks at most ${maxSpecTextBytes} bytes`);
      }
      if (context.verifySpec === undefined) {
        return toolFailure('spec_verify is not available in this run (no spec loader was given)');
      }
      try {
        const report = await context.verifySpec(text, input.check_capability !== false);
        // A failed check is still a successful call: the report is the answer the model asked for.
        return toolSuccess(context.redact(JSON.stringify(report, null, 2)));
      } catch (error) {
        return toolFailure(context.redact(`spec_verify failed: ${messageOf(error)}`));
      }
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { KnownViolation } from './boundary-model.js';
import { checkBoundaries, formatViolation } from './check-boundaries.js';
import { boundaryRules, knownViolations } from './rules.js';
import { syntheticRepository } from './synthetic-repository.js';

/** One deliberate violation per rule: a file added to the clean repository, and the rules it breaks. */
const violations = [
  {
    rule: 'relative-import-stays-in-its-package',
    path: 'packages/executor-a/src/shared.ts',
    text: "import { helper } from '../../core/src/runtime/run.js';",
    breaks: ['relative-import-stays-in-its-package'],
  },
  {
    rule: 'plugins-stay-independent',
    path: 'examples/plugin-c/src/reuse.ts',
    text: "import chain from '@strands-cli/executor-a';",
    breaks: ['plugins-stay-independent', 'workspace-imports-are-declared'],
  },
  {
    rule: 'core-never-imports-a-plugin',
    path: 'packages/core/src/plugins/builtin.ts',
    text: "const chain = await import('@strands-cli/executor-a');",
    breaks: ['core-never-imports-a-plugin', 'workspace-imports-are-declared'],
  },
  {
    rule: 'cli-is-run-not-imported',
    path: 'tests-e2e/src/version.test.ts',
    text: "import { VERSION } from '@strands-cli/cli';",
    breaks: ['cli-is-run-not-imported'],
  },
  {
    rule: 'contract-imports-only-node-builtins',
    path: 'packages/core/src/spec/v1/executor-v1.ts',
    text: "import type { WorkflowSpec } from '../../spec-file/schema/workflow-spec.js';",
    breaks: ['contract-imports-only-node-builtins'],
  },
  {
    rule: 'contract-imports-only-node-builtins',
    path: 'packages/core/src/spec/v1/define.ts',
    text: "import { z } from 'zod';",
    breaks: ['contract-imports-only-node-builtins'],
  },
  {
    rule: 'product-code-ships-no-test-code',
    path: 'packages/provider-b/src/transport.ts',
    text: "import { vi } from 'vitest';",
    breaks: ['product-code-ships-no-test-code'],
  },
  {
    rule: 'product-code-ships-no-test-code',
    path: 'packages/core/src/runtime/defaults.ts',
    text: "export { mockProvider } from '../testing/index.js';",
    breaks: ['product-code-ships-no-test-code'],
  },
  {
    rule: 'product-code-ships-no-test-code',
    path: 'packages/executor-a/src/conformance.ts',
    text: "import { testExecutor } from '@strands-cli/core/testing';",
    breaks: ['product-code-ships-no-test-code'],
  },
  {
    rule: 'workspace-imports-are-declared',
    path: 'tests-e2e/src/chain.test.ts',
    text: "import chain from '@strands-cli/executor-a';",
    breaks: ['workspace-imports-are-declared'],
  },
  {
    rule: 'workspace-imports-are-declared',
    path: 'packages/executor-d/src/index.ts',
    text: "import { defineExecutor } from '@strands-cli/core/spec';",
    breaks: ['workspace-imports-are-declared'],
  },
];

describe('boundary rules on a synthetic repository', () => {
  it('find nothing in the clean repository', () => {
    expect(checkBoundaries(syntheticRepository(), []).violations.map(formatViolation)).toEqual([]);
  });

  it('have a deliberate violation for every rule', () => {
    expect(new Set(violations.map(({ rule }) => rule))).toEqual(new Set(boundaryRules.map(({ id }) => id)));
  });

  it.each(violations)('$rule: reports $path', ({ path, text, breaks }) => {
    const report = checkBoundaries(syntheticRepository([{ path, text: `// first line\n${text}\n` }]), []);
    expect(report.violations.map(({ rule }) => rule.id).sort()).toEqual([...breaks].sort());
    expect(report.unexpected).toHaveLength(breaks.length);
    for (const violation of report.violations) {
      expect(formatViolation(violation)).toBe(
        `${path}:2 imports ${violation.specifier} — ${violation.rule.id}: ${violation.rule.why} — fix: ${violation.rule.fix}`,
      );
    }
  });
});

describe('known violations', () => {
  const file = { path: 'packages/provider-b/src/transport.ts', text: "import { vi } from 'vitest';\n" };
  const entry: KnownViolation = {
    file: file.path,
    imports: 'vitest',
    rule: 'product-code-ships-no-test-code',
    reason: 'being moved',
  };

  it('are reported but not unexpected', () => {
    const report = checkBoundaries(syntheticRepository([file]), [entry]);
    expect(report.violations).toHaveLength(1);
    expect(report.unexpected).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('are stale once the violation is gone', () => {
    expect(checkBoundaries(syntheticRepository(), [entry]).stale).toEqual([entry]);
  });

  it('name a rule that exists and give a reason', () => {
    const ids = new Set(boundaryRules.map(({ id }) => id));
    for (const known of knownViolations) {
      expect(ids.has(known.rule), known.rule).toBe(true);
      expect(known.file && known.imports && known.reason).toBeTruthy();
    }
  });
});

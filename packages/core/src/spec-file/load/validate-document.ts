import type { PluginSources } from '../../plugins/load-plugin.js';
import type { SpecIssue } from '../../spec/v1/errors.js';
import { type RawZodIssue, zodIssuesToSpecIssues } from '../issues/zod-issues.js';
import { type WorkflowSpec, workflowSpecSchema } from '../schema/workflow-spec.js';
import type { SourceMap } from '../source/source-map.js';
import { type PatternOwner, resolvePatternOwner } from './pattern-owner.js';

/** A document that passed the schema: the typed spec, its parsed pattern config and the pattern's owner. */
export interface ValidDocument {
  readonly spec: WorkflowSpec;
  readonly owner: PatternOwner;
  /** `pattern.config` parsed by the owner's schema (as written when the owner is unavailable). */
  readonly patternConfig: unknown;
}

/**
 * Validates a document against the top-level schema and `pattern.config` against the schema of
 * the pattern that owns `pattern.type`, collecting every issue of both.
 */
export async function validateDocument(
  document: Record<string, unknown>,
  plugins: PluginSources,
  sourceMap: SourceMap,
): Promise<ValidDocument | { issues: SpecIssue[] }> {
  const issues: SpecIssue[] = [];
  const top = workflowSpecSchema.safeParse(document);
  if (!top.success) {
    issues.push(
      ...zodIssuesToSpecIssues(
        top.error.issues as unknown as RawZodIssue[],
        workflowSpecSchema,
        document,
        [],
        sourceMap,
      ),
    );
  }
  const pattern = document.pattern as { type?: unknown; config?: unknown } | undefined;
  if (!pattern || typeof pattern !== 'object' || typeof pattern.type !== 'string' || pattern.type === '') {
    return { issues };
  }
  const owner = await resolvePatternOwner(pattern.type, plugins, sourceMap);
  if (!('kind' in owner)) return { issues: [...issues, owner] };
  let patternConfig: unknown = pattern.config;
  if (owner.kind !== 'unavailable') {
    const config = owner.configSchema.safeParse(pattern.config);
    if (config.success) {
      patternConfig = config.data;
    } else {
      issues.push(
        ...zodIssuesToSpecIssues(
          config.error.issues as unknown as RawZodIssue[],
          owner.configSchema,
          pattern.config,
          ['pattern', 'config'],
          sourceMap,
        ),
      );
    }
  }
  if (issues.length > 0 || !top.success) return { issues };
  return { spec: top.data, owner, patternConfig };
}

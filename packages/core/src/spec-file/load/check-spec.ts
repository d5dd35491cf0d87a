import type { PluginSources } from '../../plugins/load-plugin.js';
import type { ProviderFacts } from '../../plugins/provider-manifest.js';
import type { CapabilityIssue, SpecIssue } from '../../spec/v1/errors.js';
import type { AnalysisV1, TemplateSiteV1 } from '../../spec/v1/executor-v1.js';
import { artifactSpecScope } from '../artifact-spec-scope.js';
import { checkArtifactPaths } from '../checks/artifact-paths.js';
import { checkCapabilities } from '../checks/capability.js';
import { checkCrossReferences, toolMentions } from '../checks/cross-references.js';
import { checkEndpoints } from '../checks/endpoints.js';
import { checkProviders } from '../checks/providers.js';
import { checkTemplates } from '../checks/template-checks.js';
import { indexTools } from '../checks/tool-ids.js';
import { atomicInputNames, isAtomicSpec } from '../inputs/atomic-inputs.js';
import type { ResolvedInputs } from '../inputs/resolve-variables.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';
import type { PatternOwner } from './pattern-owner.js';

/** Everything found about a schema-valid spec. */
export interface SpecFindings {
  readonly issues: SpecIssue[];
  readonly warnings: SpecIssue[];
  readonly capabilityIssues: CapabilityIssue[];
  readonly providers: ReadonlyMap<string, ProviderFacts>;
  /** `--var` values a template reads a missing member of (usage errors, exit 2). */
  readonly usageProblems: readonly string[];
  /** The inputs of an atomic agent spec (its input_schema properties), which templates may read. */
  readonly atomicInputNames: readonly string[];
  /** Templates that use a name nothing declares: fine only if `--var` supplies it. */
  readonly undeclared: readonly { readonly variable: string; readonly issue: SpecIssue }[];
}

/** Inputs of {@link checkSpec}. */
export interface CheckSpecInput {
  readonly spec: WorkflowSpec;
  readonly owner: PatternOwner;
  readonly analysis: AnalysisV1;
  readonly inputs: ResolvedInputs;
  readonly file: string | undefined;
  readonly baseDirectory: string;
  readonly plugins: PluginSources;
  readonly sourceMap: SourceMap;
  /** Names given with `--var`. */
  readonly cliNames?: ReadonlySet<string>;
}

/**
 * Cross-references, artifact paths, static template checks, providers and capabilities of a
 * schema-valid spec.
 */
export async function checkSpec(input: CheckSpecInput): Promise<SpecFindings> {
  const { spec, owner, analysis, inputs, sourceMap } = input;
  const tools = indexTools(spec);
  const cross = checkCrossReferences(spec, analysis, tools, sourceMap);
  const variables = { ...inputs.placeholders };
  const atomicNames = isAtomicSpec(spec, input.file) ? await atomicInputNames(spec, input.baseDirectory) : [];
  for (const name of atomicNames) variables[name] ??= `<${name}>`;
  const templateIssues = checkTemplates([...analysis.templates, ...artifactSites(spec, analysis)], {
    variables,
    opaqueNames: inputs.opaqueNames,
    ...(input.cliNames ? { cliNames: input.cliNames } : {}),
    sourceMap,
  });
  const usageProblems = templateIssues.flatMap((issue) => (issue.usage === undefined ? [] : [issue.usage]));
  const providers = await checkProviders(spec, input.plugins, sourceMap);
  const capabilityIssues = [...patternCapability(owner), ...providers.capabilityIssues];
  capabilityIssues.push(...checkCapabilities(spec, tools, toolMentions(spec, analysis)));
  const warnings = [...cross.warnings, ...providers.warnings];
  if (
    owner.kind === 'executor' &&
    analysis.artifactScope === undefined &&
    (spec.outputs?.artifacts ?? []).length > 0
  ) {
    warnings.push({
      ...sourceMap.locate('/outputs/artifacts'),
      message: `the ${spec.pattern.type} executor does not describe its artifact context, so artifact templates were not checked`,
      code: 'unchecked',
    });
  }
  const undeclared = templateIssues.flatMap(({ variable, ...issue }) =>
    variable === undefined ? [] : [{ variable, issue }],
  );
  return {
    issues: [
      ...inputs.issues,
      ...cross.issues,
      ...checkArtifactPaths(spec, sourceMap),
      ...checkEndpoints(spec, sourceMap),
      ...templateIssues.filter((issue) => issue.variable === undefined && issue.usage === undefined),
      ...providers.issues,
    ],
    undeclared,
    usageProblems,
    atomicInputNames: atomicNames,
    warnings,
    capabilityIssues,
    providers: providers.descriptors,
  };
}

function patternCapability(owner: PatternOwner): CapabilityIssue[] {
  if (owner.kind === 'unavailable') {
    return [
      {
        pointer: '/pattern/type',
        reason: owner.error.message,
        remediation:
          (owner.error as { hint?: string }).hint ??
          'Install the executor package that implements this pattern.',
      },
    ];
  }
  return [];
}

/** Template sites of `outputs.artifacts`, when the pattern describes its artifact context. */
function artifactSites(spec: WorkflowSpec, analysis: AnalysisV1): TemplateSiteV1[] {
  if (analysis.artifactScope === undefined) return [];
  const scope = {
    ...artifactSpecScope(spec),
    last_response: '<final response>',
    TRACE: '',
    ...analysis.artifactScope,
  };
  const patternNames = Object.keys(analysis.artifactScope).join(', ');
  const hint = `Artifacts see last_response, TRACE, the inputs, the spec's name, runtime and context_policy${patternNames ? `, and ${patternNames}` : ''}.`;
  return (spec.outputs?.artifacts ?? []).flatMap((artifact, index) => [
    { pointer: toPointer(['outputs', 'artifacts', index, 'path']), template: artifact.path, scope, hint },
    { pointer: toPointer(['outputs', 'artifacts', index, 'from']), template: artifact.from, scope, hint },
  ]);
}

import { hitlStepSchema, identifierSchema, nonEmptyStringSchema } from '@strands-cli/core/executor-utils';
import * as z from 'zod';

const depsSchema = z
  .array(identifierSchema)
  .optional()
  .meta({ description: 'Ids of the tasks that must finish first; their results are visible as tasks.<id>.' });

/** A task that runs an agent. */
export const agentTaskSchema = z.strictObject({
  id: identifierSchema.meta({ description: 'The task id, used in deps and in {{ tasks.<id>.response }}.' }),
  agent: nonEmptyStringSchema.meta({ description: 'The id of an agent in `agents`.' }),
  deps: depsSchema,
  description: z.string().optional(),
  input: z
    .string()
    .optional()
    .meta({ description: 'The user message, a template that may read its ancestors.' }),
});

/** A task that asks a person once its deps are done; the answer is its response. */
export const hitlTaskSchema = hitlStepSchema.extend({ id: identifierSchema, deps: depsSchema });

/**
 * Most tasks a workflow may have. Analysis and runs grow linearly, but a spec near the 10 MiB file
 * limit holds ~80,000 tasks and takes a gigabyte to load; a located error is better than that.
 */
export const maxWorkflowTasks = 10_000;

/** Schema of `pattern.config` for `type: workflow` (strict: typos fail). */
export const workflowConfigSchema = z
  .strictObject({
    tasks: z
      .array(z.union([agentTaskSchema, hitlTaskSchema]))
      .min(1, { message: 'a workflow needs at least one task' })
      .max(maxWorkflowTasks)
      .meta({ description: 'Tasks of a DAG; each starts when all its deps have finished.' }),
  })
  .meta({ description: 'A workflow: a DAG of tasks linked by deps.' });

/** A validated `workflow` pattern config. */
export type WorkflowConfig = z.infer<typeof workflowConfigSchema>;
/** One task of a workflow config. */
export type WorkflowTask = WorkflowConfig['tasks'][number];

/** The `inputs` section: declared parameters (with types, defaults, enums) and their values. */
import * as z from 'zod';

/** The type names an input may declare. */
export const inputTypeNames = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;
/** One of {@link inputTypeNames}. */
export type InputTypeName = (typeof inputTypeNames)[number];

const inputTypeName = z.enum(inputTypeNames);

/** An input declaration: a type name, or `{type, description, default, enum}`. */
export const inputSpecSchema = z.union([
  inputTypeName,
  z.strictObject({
    type: inputTypeName,
    description: z.string().optional(),
    default: z.unknown().optional(),
    enum: z.array(z.unknown()).optional().meta({ description: 'The allowed values.' }),
  }),
]);

const inputValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

/** `inputs`. */
export const inputsSchema = z
  .strictObject({
    required: z
      .record(z.string(), inputSpecSchema)
      .optional()
      .meta({ description: 'Inputs a run must get (a value, a default, or --var name=...).' }),
    optional: z
      .record(z.string(), inputSpecSchema)
      .optional()
      .meta({ description: 'Inputs that may be left out.' }),
    values: z
      .record(z.string(), inputValueSchema)
      .optional()
      .meta({ description: 'Values; --var key=value on the command line overrides them.' }),
  })
  .meta({ description: 'Workflow parameters. Templates use them by name: {{ topic }}.' });

/** One input declaration. */
export type InputSpec = z.infer<typeof inputSpecSchema>;

/** The first problem a JSON Schema found in a value. */
export interface SchemaViolation {
  /** JSON pointer of the failing value (`''` for the whole document). */
  readonly pointer: string;
  /** What is wrong there, e.g. `must have required property 'priority'`. */
  readonly message: string;
}

/** Checks one value against a compiled schema: `undefined` when it conforms. */
export type SchemaCheck = (value: unknown) => SchemaViolation | undefined;

type AjvModule = typeof import('ajv/dist/2020.js');
type AjvInstance = InstanceType<AjvModule['Ajv2020']>;

let ajv: Promise<AjvInstance> | undefined;

/**
 * Ajv for draft 2020-12, created on first use: only runs whose agents declare a contract pay for
 * loading it (it is tens of milliseconds, and `validate` or `--help` must not). Schemas are users'
 * own files, so unknown keywords and formats are tolerated rather than refused (`strict: false`) and
 * nothing is logged to the console.
 */
function loadAjv(): Promise<AjvInstance> {
  ajv ??= import('ajv/dist/2020.js').then(
    ({ Ajv2020 }) => new Ajv2020({ strict: false, allErrors: false, validateFormats: false, logger: false }),
  );
  return ajv;
}

/**
 * Compiles `schema` (a JSON Schema, draft 2020-12 by default) into a check that reports the first
 * failing JSON pointer. Throws Ajv's own error for a schema that is not valid JSON Schema.
 */
export async function compileSchema(schema: Record<string, unknown>): Promise<SchemaCheck> {
  const instance = await loadAjv();
  // A `$id` would register the schema globally and a second compile of it would clash; a contract
  // is used by one agent only, so it is compiled without one. `$schema` is dropped too: a draft-07
  // schema (common in the wild) would otherwise be refused for its meta-schema alone, while its
  // keywords read the same under 2020-12.
  const { $id: _id, $schema: _schema, ...anonymous } = schema;
  const validate = instance.compile(anonymous);
  return (value) => {
    if (validate(value)) return undefined;
    const [error] = validate.errors ?? [];
    if (!error) return { pointer: '', message: 'does not match the schema' };
    const detail =
      error.keyword === 'additionalProperties'
        ? `${error.message ?? 'is not allowed'} '${String((error.params as { additionalProperty?: unknown }).additionalProperty)}'`
        : error.keyword === 'enum'
          ? `${error.message ?? 'is not allowed'}: ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
          : (error.message ?? 'does not match the schema');
    return { pointer: error.instancePath, message: detail };
  };
}

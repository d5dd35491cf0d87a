/**
 * Renders docs/spec-keys.md, the table of every key of the spec format, from its JSON Schema, so the
 * reference can never miss a key the validator accepts. `scripts/generate-spec-reference.mjs` writes
 * the file; `spec-reference.test.ts` fails when it is stale. A development tool: package.json `files`
 * leaves `dist/schema` out of the published package.
 */

/** The parts of a JSON Schema node the reference reads. */
interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
  readonly if?: SchemaNode;
  readonly then?: SchemaNode;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly pattern?: string;
  readonly uniqueItems?: boolean;
}

/** One row of a key table. */
interface KeyRow {
  readonly key: string;
  readonly type: string;
  readonly required: string;
  readonly notes: string;
}

// Zod writes the safe-integer range on every integer; it says nothing to a reader.
const unbounded = (value: number | undefined) =>
  value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER;

/** The placeholder a map key gets in a path, by the map's own key. */
const mapPlaceholders: Readonly<Record<string, string>> = {
  agents: '<agent_id>',
  routes: '<route>',
  nodes: '<node_id>',
  required: '<input>',
  optional: '<input>',
  values: '<input>',
};

const code = (text: string) => `\`${text}\``;

function variantsOf(node: SchemaNode): readonly SchemaNode[] {
  return node.anyOf ?? node.oneOf ?? [];
}

/**
 * Each known pattern type with its config schema: from the `if`/`then` per type the schema uses, or
 * from a union of one object per type.
 */
function patternForms(node: SchemaNode): Array<{ type: unknown; config: SchemaNode | undefined }> {
  const conditional = (node.allOf ?? []).filter((part) => part.if?.properties?.type?.const !== undefined);
  if (conditional.length > 0) {
    return conditional.map((part) => ({
      type: part.if?.properties?.type?.const,
      config: part.then?.properties?.config,
    }));
  }
  return variantsOf(node).map((form) => ({
    type: form.properties?.type?.const,
    config: form.properties?.config,
  }));
}

/** A short type: `string`, `integer or string`, `list of string`, `map of object`, `"chain"`. */
function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return code(JSON.stringify(node.const));
  if (node.enum) return `one of ${node.enum.map((value) => code(String(value))).join(', ')}`;
  const variants = variantsOf(node);
  if (variants.length > 0) return [...new Set(variants.map(typeOf))].join(' or ');
  const types = typeof node.type === 'string' ? [node.type] : [...(node.type ?? [])];
  if (types.length === 0) return 'any';
  return types
    .map((type) => {
      if (type === 'array') return node.items ? `list of ${typeOf(node.items)}` : 'list';
      if (type === 'object' && !node.properties && typeof node.additionalProperties === 'object') {
        return `map of ${typeOf(node.additionalProperties)}`;
      }
      return type;
    })
    .join(' or ');
}

/** The description plus the constraints a reader needs (range, length, pattern, default). */
function notesOf(node: SchemaNode): string {
  const notes: string[] = [];
  const description = node.description ?? '';
  if (description) notes.push(description);
  const low = unbounded(node.minimum) ? node.exclusiveMinimum : node.minimum;
  const high = unbounded(node.maximum) ? undefined : node.maximum;
  if (low !== undefined && high !== undefined) {
    if (!description.includes(`${low} to ${high}`)) notes.push(`${low} to ${high}.`);
  } else if (node.exclusiveMinimum !== undefined) notes.push(`> ${node.exclusiveMinimum}.`);
  else if (low !== undefined) notes.push(`≥ ${low}.`);
  else if (high !== undefined) notes.push(`≤ ${high}.`);
  if (node.minLength) notes.push(`At least ${node.minLength} character${node.minLength > 1 ? 's' : ''}.`);
  if (node.minItems) notes.push(`At least ${node.minItems} item${node.minItems > 1 ? 's' : ''}.`);
  if (node.uniqueItems) notes.push('No duplicates.');
  const pattern = node.pattern ?? node.items?.pattern;
  if (pattern) notes.push(`Matches ${code(pattern)}.`);
  if (node.default !== undefined && !/\(default /.test(description)) {
    notes.push(`Default ${code(JSON.stringify(node.default))}.`);
  }
  return notes.join(' ');
}

/** The object forms of a node (itself, or its object variants), with the form's label. */
function objectForms(node: SchemaNode): Form[] {
  const variants = variantsOf(node).filter((variant) => variant.properties);
  if (variants.length === 0) return node.properties ? [{ node }] : [];
  return variants.map((variant) => {
    const tag = variant.properties?.type?.const;
    return tag === undefined ? { node: variant } : { node: variant, label: `type: ${String(tag)}` };
  });
}

/** The child schema an array or map holds, with the path segment that stands for it. */
function containedOf(node: SchemaNode, key: string): { node: SchemaNode; segment: string } | undefined {
  for (const form of [node, ...variantsOf(node)]) {
    if (form.items) return { node: form.items, segment: '[]' };
    if (!form.properties && typeof form.additionalProperties === 'object') {
      return { node: form.additionalProperties, segment: `.${mapPlaceholders[key] ?? '<name>'}` };
    }
  }
  return undefined;
}

interface Form {
  readonly node: SchemaNode;
  readonly label?: string;
}

const requires = (form: Form, name: string) => form.node.required?.includes(name) ?? false;
const defines = (form: Form, name: string) => form.node.properties?.[name] !== undefined;

/** A required key no other form has: setting it is what selects this form (`$ref` of an agent). */
function discriminatorOf(form: Form, forms: readonly Form[]): string | undefined {
  return form.node.required?.find((key) => forms.every((other) => other === form || !defines(other, key)));
}

/**
 * The "required" cell of a key that may exist in several forms of an object (an agent written inline
 * or by `$ref`; an agent step or a `type: hitl` step).
 */
function requiredText(name: string, forms: readonly Form[]): string {
  const requiring = forms.filter((form) => requires(form, name));
  if (requiring.length === 0) return '';
  if (requiring.length === forms.length) return 'yes';
  const others = forms.filter((form) => !requiring.includes(form));
  const defining = forms.filter((form) => defines(form, name));
  // Keys of one tagged form (the HITL step) or of the untagged form beside it: the scope note says which.
  if (
    requiring.length === defining.length &&
    (requiring.every((form) => form.label) || others.every((form) => form.label))
  ) {
    return 'yes';
  }
  if (requiring.length === defining.length) return '';
  const switches = others.map((form) => discriminatorOf(form, forms));
  if (switches.every(Boolean))
    return `unless ${switches.map((key) => code(key as string)).join(' or ')} is set`;
  return 'in some forms';
}

/** Adds a row for every key under `node` (properties, array items, map values), depth first. */
function collectRows(node: SchemaNode, path: string, rows: KeyRow[], seen: Set<string>): void {
  const forms = objectForms(node);
  const names = [...new Set(forms.flatMap((form) => Object.keys(form.node.properties ?? {})))];
  for (const name of names) {
    const defining = forms.filter((form) => form.node.properties?.[name]);
    const child = defining[0]?.node.properties?.[name] as SchemaNode;
    const key = path ? `${path}.${name}` : name;
    if (seen.has(key)) continue;
    seen.add(key);
    const required = requiredText(name, forms);
    const only = defining.length < forms.length ? defining.map((form) => form.label).filter(Boolean) : [];
    const scope =
      only.length > 0 ? `Only with ${only.map((label) => code(label as string)).join(', ')}.` : '';
    const notes = [scope, notesOf(child)].filter(Boolean).join(' ');
    rows.push({ key: code(key), type: typeOf(child), required, notes });
    collectRows(child, key, rows, seen);
    const contained = containedOf(child, name);
    if (contained) collectRows(contained.node, `${key}${contained.segment}`, rows, seen);
  }
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function table(rows: readonly KeyRow[]): string {
  const lines = ['| key | type | required | notes |', '|---|---|---|---|'];
  for (const row of rows) {
    lines.push(`| ${[row.key, row.type, row.required, row.notes].map(escapeCell).join(' | ')} |`);
  }
  return lines.join('\n');
}

function rowsUnder(node: SchemaNode, path: string): KeyRow[] {
  const rows: KeyRow[] = [];
  collectRows(node, path, rows, new Set());
  return rows;
}

/** The whole docs/spec-keys.md for a schema document. */
export function renderSpecReference(schema: object): string {
  const root = schema as SchemaNode;
  const properties = root.properties ?? {};
  const topRows: KeyRow[] = Object.entries(properties).map(([name, node]) => ({
    key: code(name),
    type: typeOf(node),
    required: root.required?.includes(name) ? 'yes' : '',
    notes: notesOf(node),
  }));
  const sections = [
    '# Spec keys',
    '<!-- Generated from packages/core/schema/strands-workflow.schema.json by packages/cli/scripts/generate-spec-reference.mjs. Do not edit. -->',
    'Every key the spec format accepts, generated from its JSON Schema (`strands schema`). What the keys ' +
      'mean and how they work together is in [spec-format.md](spec-format.md); the patterns in ' +
      '[patterns.md](patterns.md). `<agent_id>`, `<input>`, `<route>`, `<name>` stand for names you choose; ' +
      '`[]` marks the items of a list. Keys marked "Only with `type: hitl`" belong to the human-in-the-loop ' +
      'form of a step, which asks a person and pauses the run until the answer is given.',
    '## Top level',
    table(topRows),
  ];
  for (const [name, node] of Object.entries(properties)) {
    if (name === 'pattern') continue;
    const rows = rowsUnder(node, name);
    const contained = containedOf(node, name);
    if (contained) rows.push(...rowsUnder(contained.node, `${name}${contained.segment}`));
    if (rows.length > 0) sections.push(`## ${name}`, table(rows));
  }
  for (const { type, config } of patternForms(properties.pattern ?? {})) {
    if (type === undefined || !config) continue;
    const heading = `## pattern: \`type: ${String(type)}\``;
    sections.push(config.description ? `${heading}\n\n${config.description}` : heading);
    sections.push(table(rowsUnder(config, 'config')));
  }
  return `${sections.join('\n\n')}\n`;
}

/**
 * The JSON form of a starter spec, for `strands init x.json`. The starters are YAML text (they carry
 * comments for a newcomer); JSON has no comments, so they are parsed and written again as data.
 */

/**
 * `yamlText` (a starter written by `starterSpec`) as a JSON spec, with `schemaReference` as its
 * `$schema` key (the spec format accepts that key; JSON editors read it to complete and check keys).
 */
export async function starterSpecAsJson(yamlText: string, schemaReference: string): Promise<string> {
  // Loaded here only: no other command needs a second YAML parser, so it stays out of their start-up.
  // Through `default`: yaml is CommonJS, and the bundled CLI's lazy chunk exposes only its default.
  const { default: yaml } = await import('yaml');
  const data = yaml.parse(yamlText) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: schemaReference, ...data }, null, 2)}\n`;
}

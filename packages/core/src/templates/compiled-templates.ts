/**
 * Parsed templates kept in the engine between renders. A workflow renders the same few templates
 * once per step (and the rewrites for Jinja2 semantics make them longer), and parsing costs more
 * than most renders, so each distinct template is registered once and rendered by name afterwards.
 */

/** The part of the minijinja-js Environment this cache drives. */
export interface TemplateHost {
  renderStr(source: string, context: unknown): string;
  addTemplate(name: string, source: string): void;
  renderTemplate(name: string, context: unknown): string;
  clearTemplates(): void;
}

/** Distinct templates kept per environment: far more than a spec holds, small next to the engine. */
const capacity = 512;

const registries = new WeakMap<TemplateHost, Map<string, string>>();

/**
 * Renders `prepare(source)` in `host` like `host.renderStr`, preparing and parsing it only the first
 * time `source` is seen. A template that fails to parse is not kept: it is rendered by `renderStr`,
 * which reports the error exactly as before.
 */
export function renderCompiled(
  host: TemplateHost,
  source: string,
  prepare: (source: string) => string,
  context: unknown,
): string {
  let names = registries.get(host);
  if (!names) {
    names = new Map();
    registries.set(host, names);
  }
  let name = names.get(source);
  if (name === undefined) {
    if (names.size >= capacity) {
      // Dropping everything is simpler than tracking use and costs one parse per template again.
      host.clearTemplates();
      names.clear();
    }
    // No file extension in the name: the engine picks auto-escaping by extension, and Jinja2's
    // default environment escapes nothing.
    const candidate = `template-${names.size}`;
    const prepared = prepare(source);
    try {
      host.addTemplate(candidate, prepared);
    } catch {
      return host.renderStr(prepared, context);
    }
    names.set(source, candidate);
    name = candidate;
  }
  return host.renderTemplate(name, context);
}

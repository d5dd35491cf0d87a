/**
 * The HTML libraries of the web tools, loaded on the first call that needs them: together they cost
 * ~0.3-0.4 s of import time, which `validate`, `--help` and runs without web tools must never pay.
 */

/** A parsed HTML document (linkedom's `Document`, typed loosely: linkedom ships no DOM typings). */
export type HtmlDocument = {
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  readonly documentElement: unknown;
};

/** The part of a DOM element the search parsers read. */
export type HtmlElement = {
  querySelector(selector: string): HtmlElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  readonly textContent: string | null;
  readonly classList: { contains(name: string): boolean };
};

let linkedom: Promise<typeof import('linkedom')> | undefined;

/** Parses an HTML string into a DOM document (linkedom, loaded on first use). */
export async function parseHtml(html: string): Promise<HtmlDocument> {
  linkedom ??= import('linkedom');
  const { parseHTML } = await linkedom;
  return parseHTML(html).document as unknown as HtmlDocument;
}

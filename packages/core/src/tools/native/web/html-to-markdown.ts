import { type HtmlDocument, parseHtml } from './load-dom.js';

/** The page as markdown, with the title the page declares. */
export interface PageMarkdown {
  readonly title: string | undefined;
  readonly markdown: string;
}

type Turndown = { turndown(html: string | object): string };
let turndown: Promise<Turndown> | undefined;

async function loadTurndown(): Promise<Turndown> {
  const { default: TurndownService } = await import('turndown');
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
  });
  // Scripts, styles and forms carry no reading content; left in they fill the model's context with code.
  service.remove(['script', 'style', 'noscript', 'iframe', 'form', 'button'] as never);
  return service;
}

/** Rewrites relative link and image URLs against the page URL, so the model can fetch what it cites. */
function absolutizeLinks(document: HtmlDocument, base: string): void {
  for (const [selector, attribute] of [
    ['a[href]', 'href'],
    ['img[src]', 'src'],
  ] as const) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const value = element.getAttribute(attribute);
      if (value === null || value.startsWith('#')) continue;
      try {
        element.setAttribute(attribute, new URL(value, base).href);
      } catch {
        // An unparsable URL stays as the page wrote it.
      }
    }
  }
}

/**
 * Extracts the main content of an HTML page with Mozilla's Readability (the algorithm of Firefox's
 * reader view) on a linkedom DOM and converts it to markdown with turndown. When Readability finds no
 * article (a page of links, a tiny page), the whole body is converted instead. All three libraries
 * load on the first call.
 */
export async function htmlToMarkdown(html: string, url: string): Promise<PageMarkdown> {
  turndown ??= loadTurndown();
  const [document, { Readability }, service] = await Promise.all([
    parseHtml(html),
    import('@mozilla/readability'),
    turndown,
  ]);
  absolutizeLinks(document, url);
  const titleElement = document.querySelectorAll('title')[0];
  const pageTitle = titleElement?.textContent?.trim() || undefined;
  // Readability changes the document it reads, so the fallback parses the page afresh.
  const article = new Readability(document as never, { keepClasses: false }).parse();
  const content = article?.content?.trim() ? article.content : undefined;
  // A fragment without <body> (linkedom adds none) is converted as it is.
  const source = content ?? (await parseHtml(html)).querySelectorAll('body')[0] ?? html;
  const markdown = service.turndown(source as never);
  return { title: article?.title?.trim() || pageTitle, markdown: markdown.trim() };
}

import type { ToolV1 } from '../../../spec/v1/tool-v1.js';
import { guardedRequest } from '../../network/guarded-request.js';
import { messageOf, toolFailure, toolSuccess } from '../../tool-result.js';
import type { NativeToolContext } from '../native-tool-context.js';
import { capText } from './cap-text.js';
import { contentKindOf } from './content-kind.js';
import { decodeBody } from './decode-body.js';
import { htmlToMarkdown } from './html-to-markdown.js';

/** The time limit when the model asks for none, in seconds (strands-cli's default). */
const defaultTimeoutSeconds = 10;

const defaultHeaders: Readonly<Record<string, string>> = {
  'user-agent': 'strands-cli-web-fetch',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
};

/** The validated arguments of one call, or an error message for the model. */
type FetchArguments = {
  readonly url: string;
  readonly mode: 'html' | 'markdown';
  readonly timeoutSeconds: number;
  readonly headers: Record<string, string>;
  readonly includeRawHtml: boolean;
};

function readArguments(input: Readonly<Record<string, unknown>>): FetchArguments | string {
  const url = typeof input.url === 'string' ? input.url.trim() : '';
  if (url === '') return 'No URL provided.';
  const mode = typeof input.mode === 'string' ? input.mode.toLowerCase() : 'html';
  if (mode !== 'html' && mode !== 'markdown') return `Unsupported mode '${mode}'. Use 'html' or 'markdown'.`;
  const timeout = input.timeout ?? defaultTimeoutSeconds;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    return 'timeout must be a number of seconds greater than zero.';
  }
  const headers = input.headers ?? {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    return 'headers must be an object/dictionary of string values.';
  }
  const custom = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
  if (input.include_raw_html !== undefined && typeof input.include_raw_html !== 'boolean') {
    return 'include_raw_html must be a boolean value.';
  }
  return {
    url,
    mode,
    timeoutSeconds: timeout,
    headers: { ...defaultHeaders, ...custom },
    includeRawHtml: input.include_raw_html === true,
  };
}

/**
 * `web_fetch`: GETs a public http(s) page through the run's guarded pool (private and metadata
 * addresses refused unless the user allowed them, every redirect re-checked) and returns it as
 * strands-cli does: `{status, url, headers, body}` in `html` mode, `{status, url, title, markdown}` with
 * the page's main content in `markdown` mode. Bodies are read up to a size limit, decoded by their
 * declared charset and capped before they reach the model; binary content is refused.
 */
export function createWebFetchTool(context: NativeToolContext): ToolV1 {
  const { limits } = context;
  const maxSeconds = Math.max(1, Math.floor(limits.httpTimeoutMs / 1000));
  return {
    name: 'web_fetch',
    description: `Fetch a public web page over HTTP/HTTPS. mode="markdown" returns the page's main content as markdown; mode="html" returns the raw body. Text longer than ${limits.webOutputBytes} bytes is cut with a note. Loopback, private and cloud metadata addresses are refused unless the user allowed them.`,
    inputSchema: {
      type: 'object',
      properties: {
        url: { type: 'string', description: 'HTTP or HTTPS URL to fetch.' },
        timeout: {
          type: 'integer',
          default: defaultTimeoutSeconds,
          minimum: 1,
          description: `Request timeout in seconds (at most ${maxSeconds}).`,
        },
        headers: {
          type: 'object',
          description: 'Optional HTTP headers to include with the request.',
          additionalProperties: { type: 'string' },
        },
        mode: {
          type: 'string',
          enum: ['html', 'markdown'],
          default: 'html',
          description: 'Response processing mode.',
        },
        include_raw_html: {
          type: 'boolean',
          default: false,
          description: 'Include the raw HTML when returning markdown output.',
        },
      },
      required: ['url'],
    },
    async call(input, { signal }) {
      const args = readArguments(input);
      if (typeof args === 'string') return toolFailure(args);
      const response = await guardedRequest(context.httpClient(), {
        url: args.url,
        method: 'GET',
        headers: args.headers,
        timeoutMs: Math.min(args.timeoutSeconds * 1000, limits.httpTimeoutMs),
        maxBodyBytes: limits.webFetchBodyBytes,
        signal,
      });
      if (!response.ok) return toolFailure(context.redact(response.message));
      const contentType = response.headers['content-type'];
      const kind = contentKindOf(contentType, response.bytes);
      if (kind === 'binary') {
        return toolFailure(
          `${response.url} returned binary content (${contentType ?? 'unknown type'}, status ${response.status}); web_fetch returns only HTML and text pages.`,
        );
      }
      const text = decodeBody(response.bytes, contentType, kind === 'html');
      const readNote = response.truncated
        ? `\n[truncated: the page is longer than ${limits.webFetchBodyBytes} bytes; only the first ${limits.webFetchBodyBytes} bytes were read]`
        : '';
      const cap = (value: string) => {
        const capped = capText(value, limits.webOutputBytes);
        return capped.truncated ? capped.text : capped.text + readNote;
      };
      let payload: Record<string, unknown>;
      if (args.mode === 'html') {
        payload = { status: response.status, url: response.url, headers: response.headers, body: cap(text) };
      } else if (kind === 'html') {
        try {
          const page = await htmlToMarkdown(text, response.url);
          payload = {
            status: response.status,
            url: response.url,
            title: page.title,
            markdown: cap(page.markdown),
          };
        } catch (error) {
          return toolFailure(
            context.redact(`Could not convert ${response.url} to markdown: ${messageOf(error)}`),
          );
        }
        if (args.includeRawHtml) payload.raw_html = cap(text);
      } else {
        // Plain text, JSON or XML is already readable: returned as it came.
        payload = { status: response.status, url: response.url, markdown: cap(text) };
      }
      return toolSuccess(context.redact(JSON.stringify(payload)));
    },
  };
}

/**
 * Makes an NDJSON response body fail with a `SyntaxError` on the first line that is not JSON.
 * ollama-js skips such lines with a console warning, which would turn a broken server into a
 * confusing "stream ended early" error and print to the user's terminal.
 */
export function strictNdjson(response: Response): Response {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !response.body || !type.includes('ndjson')) return response;
  const decoder = new TextDecoder();
  let pending = '';
  const checked = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pending += decoder.decode(chunk, { stream: true });
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) parseLine(line);
        controller.enqueue(chunk);
      },
      flush() {
        parseLine(pending + decoder.decode());
      },
    }),
  );
  return new Response(checked, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** Throws a `SyntaxError` (which errors the stream) when a non-empty line is not JSON. */
function parseLine(line: string): void {
  if (line.trim() !== '') JSON.parse(line);
}

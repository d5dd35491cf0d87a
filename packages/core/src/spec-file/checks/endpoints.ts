import type { SpecIssue } from '../../spec/v1/errors.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import { toPointer } from '../source/json-pointer.js';
import type { SourceMap } from '../source/source-map.js';

/**
 * Checks `runtime.host` and every `agents.<id>.host`: each must be an http(s) URL. Anything else
 * cannot reach a server, and a run would only find out after retrying it as if the network were down.
 */
export function checkEndpoints(spec: Readonly<WorkflowSpec>, sourceMap: SourceMap): SpecIssue[] {
  const places: { host: string | undefined; path: (string | number)[] }[] = [
    { host: spec.runtime.host, path: ['runtime', 'host'] },
    ...Object.entries(spec.agents).map(([id, agent]) => ({ host: agent.host, path: ['agents', id, 'host'] })),
  ];
  return places.flatMap(({ host, path }) =>
    host === undefined || isHttpUrl(host)
      ? []
      : [
          {
            ...sourceMap.locate(toPointer(path)),
            message: `${path.join('.')} \`${host}\` is not an http(s) URL`,
            hint: 'Write the server address with its scheme, e.g. host: "http://localhost:11434".',
            code: 'endpoint',
          },
        ],
  );
}

/** True for an absolute `http:` or `https:` URL with a host name. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

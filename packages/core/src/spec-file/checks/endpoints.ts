import type { SpecIssue } from '../../spec/v1/errors.js';
import type { WorkflowSpec } from '../schema/workflow-spec.js';
import type { SourceMap } from '../source/source-map.js';

/**
 * Checks `runtime.host`: it must be an http(s) URL. Anything else cannot reach a server, and a run
 * would only find out after retrying it as if the network were down.
 */
export function checkEndpoints(spec: Readonly<WorkflowSpec>, sourceMap: SourceMap): SpecIssue[] {
  const host = spec.runtime.host;
  if (host === undefined || isHttpUrl(host)) return [];
  return [
    {
      ...sourceMap.locate('/runtime/host'),
      message: `runtime.host \`${host}\` is not an http(s) URL`,
      hint: 'Write the server address with its scheme, e.g. host: "http://localhost:11434".',
      code: 'endpoint',
    },
  ];
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

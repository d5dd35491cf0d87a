import { isSecretVariableName, REDACTED, type SessionRecordV1 } from '@strands-cli/core';

/**
 * The `--var` values of a session with the values of secret-named variables (api_key, token, ...)
 * masked: a session keeps them so a resume loads the spec as the run did, but they are never shown.
 * Values that are secret by content are caught by the redacting output streams.
 */
export function maskedVars(vars: readonly string[]): string[] {
  return vars.map((entry) => {
    const equals = entry.indexOf('=');
    if (equals === -1) return entry;
    const key = entry.slice(0, equals);
    return isSecretVariableName(key) ? `${key}=${REDACTED}` : entry;
  });
}

/** A session record as `sessions list/show` print it: secret-named variables masked. */
export function viewRecord(record: SessionRecordV1): SessionRecordV1 {
  return { ...record, vars: maskedVars(record.vars) };
}

/**
 * The command that continues a session, or undefined when there is nothing to resume (it completed,
 * or another process is running it). A paused session needs the person's answer.
 */
export function resumeCommand(record: SessionRecordV1): string | undefined {
  if (record.status === 'completed' || record.status === 'running') return undefined;
  const base = `strands run --resume ${record.id}`;
  return record.status === 'paused' ? `${base} --hitl-response "<your answer>"` : base;
}

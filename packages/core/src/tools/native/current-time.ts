import type { ToolV1 } from '../../spec/v1/tool-v1.js';
import { toolFailure, toolSuccess } from '../tool-result.js';
import type { NativeToolContext } from './native-tool-context.js';

const pad = (value: number, length = 2) => String(Math.trunc(Math.abs(value))).padStart(length, '0');

/**
 * `date` as ISO 8601 with seconds and the UTC offset of `timeZone` (an IANA name), e.g.
 * `2026-03-01T14:05:09+01:00`; `Z` for UTC. Throws RangeError for an unknown zone.
 */
export function formatIsoInZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const offset =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes < 0 ? '-' : '+'}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
  return `${pad(get('year'), 4)}-${pad(get('month'))}-${pad(get('day'))}T${pad(get('hour'))}:${pad(get('minute'))}:${pad(get('second'))}${offset}`;
}

/** `current_time`: the current date and time in ISO 8601, in UTC or an IANA time zone. */
export function createCurrentTimeTool(context: NativeToolContext): ToolV1 {
  return {
    name: 'current_time',
    description:
      'Return the current date and time in ISO 8601 (e.g. 2026-03-01T14:05:09+01:00). Give an IANA time zone such as Europe/Paris or America/New_York; the default is UTC.',
    inputSchema: {
      type: 'object',
      properties: { timezone: { type: 'string', description: 'IANA time zone name; default UTC' } },
    },
    async call(input) {
      const zone =
        input.timezone === undefined || input.timezone === null || input.timezone === ''
          ? 'UTC'
          : input.timezone;
      if (typeof zone !== 'string') return toolFailure("'timezone' must be a string such as Europe/Paris");
      try {
        return toolSuccess(formatIsoInZone(context.now(), zone));
      } catch {
        return toolFailure(
          `Unknown time zone '${zone}': use an IANA name such as UTC, Europe/Paris or America/New_York`,
        );
      }
    },
  };
}

import { describe, expect, it } from 'vitest';
import { nativeContext, signal } from '../__fixtures__/native-context.js';
import { createCurrentTimeTool, formatIsoInZone } from './current-time.js';

describe('formatIsoInZone', () => {
  const instant = new Date('2026-03-01T13:05:09.250Z');

  it('formats UTC with Z and other zones with their offset', () => {
    expect(formatIsoInZone(instant, 'UTC')).toBe('2026-03-01T13:05:09Z');
    expect(formatIsoInZone(instant, 'Europe/Paris')).toBe('2026-03-01T14:05:09+01:00');
    expect(formatIsoInZone(instant, 'America/New_York')).toBe('2026-03-01T08:05:09-05:00');
    expect(formatIsoInZone(instant, 'Asia/Kolkata')).toBe('2026-03-01T18:35:09+05:30');
  });

  it('follows daylight saving time', () => {
    expect(formatIsoInZone(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe(
      '2026-07-01T14:00:00+02:00',
    );
  });
});

describe('current_time tool', () => {
  const tool = createCurrentTimeTool(nativeContext());

  it('uses the injected clock, UTC by default', async () => {
    expect(await tool.call({}, signal())).toEqual({ content: '2026-03-01T13:05:09Z' });
    expect(await tool.call({ timezone: 'Asia/Tokyo' }, signal())).toEqual({
      content: '2026-03-01T22:05:09+09:00',
    });
  });

  it('rejects an unknown time zone with an example of a good one', async () => {
    expect(await tool.call({ timezone: 'Mars/Olympus' }, signal())).toEqual({
      content:
        "Unknown time zone 'Mars/Olympus': use an IANA name such as UTC, Europe/Paris or America/New_York",
      isError: true,
    });
  });
});

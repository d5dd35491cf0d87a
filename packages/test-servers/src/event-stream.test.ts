import { describe, expect, it } from 'vitest';
import { decodeEventFrames, eventFrame, exceptionFrame } from './event-stream.js';

describe('the AWS event-stream encoder', () => {
  it('encodes messageStop byte-for-byte like the AWS codec', () => {
    const frame = eventFrame('messageStop', { stopReason: 'end_turn' });
    expect(frame.length).toBe(122);
    expect(frame.subarray(0, 12).toString('hex')).toBe('0000007a00000051ca2c4665');
    expect(frame.subarray(-4).toString('hex')).toBe('5fbf09fc');
  });

  it('round-trips events and exceptions with their headers', () => {
    const bytes = Buffer.concat([
      eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hi' } }),
      exceptionFrame('throttlingException', 'slow down'),
    ]);
    const frames = decodeEventFrames(bytes);
    expect(frames.map((frame) => frame.headers)).toEqual([
      { ':event-type': 'contentBlockDelta', ':content-type': 'application/json', ':message-type': 'event' },
      {
        ':exception-type': 'throttlingException',
        ':content-type': 'application/json',
        ':message-type': 'exception',
      },
    ]);
    expect(JSON.parse(frames[1]?.payload.toString() ?? '')).toEqual({ message: 'slow down' });
  });

  it('rejects a frame whose checksum does not match', () => {
    const frame = eventFrame('messageStart', { role: 'assistant' });
    frame[20] = (frame[20] ?? 0) ^ 0xff;
    expect(() => decodeEventFrames(frame)).toThrow(/CRC/);
  });
});

import { crc32 } from 'node:zlib';

/**
 * The AWS event-stream binary framing (what Bedrock ConverseStream sends): prelude (total length,
 * headers length, CRC32 of both), string headers, payload, CRC32 of everything before it. Big-endian.
 */

/** Encodes one frame whose headers are all strings (type 7), as Bedrock's are. */
export function encodeEventFrame(headers: Readonly<Record<string, string>>, payload: Uint8Array): Buffer {
  const headerParts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(1 + nameBytes.length + 1 + 2);
    head.writeUInt8(nameBytes.length, 0);
    nameBytes.copy(head, 1);
    head.writeUInt8(7, 1 + nameBytes.length);
    head.writeUInt16BE(valueBytes.length, 2 + nameBytes.length);
    headerParts.push(head, valueBytes);
  }
  const headerBytes = Buffer.concat(headerParts);
  const total = 12 + headerBytes.length + payload.length + 4;
  const frame = Buffer.alloc(total);
  frame.writeUInt32BE(total, 0);
  frame.writeUInt32BE(headerBytes.length, 4);
  frame.writeUInt32BE(crc32(frame.subarray(0, 8)), 8);
  headerBytes.copy(frame, 12);
  Buffer.from(payload).copy(frame, 12 + headerBytes.length);
  frame.writeUInt32BE(crc32(frame.subarray(0, total - 4)), total - 4);
  return frame;
}

/** A Bedrock event frame (`:message-type: event`) with a JSON payload. */
export function eventFrame(eventType: string, payload: unknown): Buffer {
  return encodeEventFrame(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    Buffer.from(JSON.stringify(payload), 'utf8'),
  );
}

/** A modelled exception frame, e.g. `throttlingException` (lower camel case, as the union member). */
export function exceptionFrame(exceptionType: string, message: string): Buffer {
  return encodeEventFrame(
    { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' },
    Buffer.from(JSON.stringify({ message }), 'utf8'),
  );
}

/** One decoded frame. */
export interface DecodedFrame {
  readonly headers: Record<string, string>;
  readonly payload: Buffer;
}

/** Decodes a byte stream of whole frames, checking both CRCs (for tests of the encoder). */
export function decodeEventFrames(bytes: Uint8Array): DecodedFrame[] {
  const data = Buffer.from(bytes);
  const frames: DecodedFrame[] = [];
  let offset = 0;
  while (offset < data.length) {
    const total = data.readUInt32BE(offset);
    const headersLength = data.readUInt32BE(offset + 4);
    const frame = data.subarray(offset, offset + total);
    if (crc32(frame.subarray(0, 8)) !== frame.readUInt32BE(8)) throw new Error('bad prelude CRC');
    if (crc32(frame.subarray(0, total - 4)) !== frame.readUInt32BE(total - 4))
      throw new Error('bad message CRC');
    const headers: Record<string, string> = {};
    let cursor = 12;
    while (cursor < 12 + headersLength) {
      const nameLength = frame.readUInt8(cursor);
      const name = frame.toString('utf8', cursor + 1, cursor + 1 + nameLength);
      cursor += 1 + nameLength + 1;
      const valueLength = frame.readUInt16BE(cursor);
      headers[name] = frame.toString('utf8', cursor + 2, cursor + 2 + valueLength);
      cursor += 2 + valueLength;
    }
    frames.push({ headers, payload: frame.subarray(12 + headersLength, total - 4) });
    offset += total;
  }
  return frames;
}

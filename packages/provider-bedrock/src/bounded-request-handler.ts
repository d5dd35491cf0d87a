import type { Readable } from 'node:stream';
import { pipeline, Transform } from 'node:stream';
import { type ResponseLimits, responseTooLargeError } from '@strands-cli/core/provider-utils';

/** The part of the AWS SDK's HTTP handler this wrapper calls and forwards. */
export interface SdkRequestHandler {
  handle(request: never, options?: never): Promise<{ response: { body?: unknown } }>;
  destroy?(): void;
}

/**
 * Wraps the SDK's HTTP handler so that no response body is read past `limits.maxResponseBytes`: the
 * SDK buffers a Converse body and assembles a ConverseStream in memory, so an endless or huge body
 * would otherwise grow the process until it dies. Past the cap the body fails with the shared
 * non-retryable `bad-response` error, and the socket under it is destroyed, so no more than the cap
 * plus one network chunk is ever held. The call deadline is not here: it is the command's abort
 * signal, which the handler already honours until the last body byte.
 */
export function boundedRequestHandler<H extends SdkRequestHandler>(inner: H, limits: ResponseLimits): H {
  const handle = async (request: never, options?: never) => {
    const result = await inner.handle(request, options);
    const body = result.response.body;
    if (!isReadable(body)) return result;
    result.response.body = countedBody(body, limits);
    return result;
  };
  // The SDK reads the handler's config and metadata too: keep everything but `handle` as it is.
  return new Proxy(inner, {
    get: (target, key, receiver) =>
      key === 'handle' ? handle : bind(Reflect.get(target, key, receiver), target),
  });
}

function countedBody(body: Readable, limits: ResponseLimits): Readable {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength;
      if (received > limits.maxResponseBytes) {
        done(responseTooLargeError('bedrock', limits));
        return;
      }
      done(null, chunk);
    },
  });
  // A failed counter destroys the socket's body (the rest is never read), and a failed body fails the
  // counter, so the SDK above sees every error.
  pipeline(body, counter, () => {});
  return counter;
}

function isReadable(body: unknown): body is Readable {
  return typeof (body as Readable | undefined)?.pipe === 'function';
}

function bind(value: unknown, target: object): unknown {
  return typeof value === 'function' ? value.bind(target) : value;
}

/**
 * The Bedrock Runtime client of the AWS SDK and its Node HTTP handler: the only third-party code a model call needs. The build bundles this
 * module with them inlined (scripts/bundle-vendor.mjs): one file to read instead of hundreds, loaded
 * lazily by the transport on the first call.
 */
export * as sdk from '@aws-sdk/client-bedrock-runtime';
export { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * The openai SDK and undici, the only third-party code a model call needs. The build bundles this
 * module with both inlined (scripts/bundle-vendor.mjs): one file to read instead of ~270, loaded
 * lazily by the transport on the first call.
 */
export { default as OpenAI } from 'openai';
export { Agent, fetch } from 'undici';

/**
 * The ollama client (browser build: fetch-based) and undici: the only third-party code a model call needs. The build bundles this
 * module with them inlined (scripts/bundle-vendor.mjs): one file to read instead of hundreds, loaded
 * lazily by the transport on the first call.
 */
export { Ollama } from 'ollama/browser';
export { Agent, fetch } from 'undici';

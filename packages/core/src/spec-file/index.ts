export type { LoadedSpec } from './loaded-spec.js';
export type { PrepareSpecOptions } from './prepare-spec.js';
export { loadSpec, prepareSpec } from './prepare-spec.js';
export * from './schema/workflow-spec.js';

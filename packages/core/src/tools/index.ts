export type { NativeToolEntry } from './catalog.js';
export { findNativeTool, nativeToolCatalog } from './catalog.js';
export type { ToolLimits } from './native/native-tool-context.js';
export { defaultToolLimits } from './native/native-tool-context.js';
export type { AddressPolicy } from './network/address-policy.js';
export { blockedAddressReason, specialPurposeRangeOf } from './network/address-policy.js';
export type { HostResolver } from './network/guarded-lookup.js';
export type { SpecialPurposeRange } from './network/special-purpose-ranges.js';
export { specialPurposeIPv4, specialPurposeIPv6 } from './network/special-purpose-ranges.js';
export { privateNetworkAllowed, privateNetworkOptIn } from './network/url-policy.js';
export type { RunTools, RunToolsOptions } from './run-tools.js';
export { createRunTools } from './run-tools.js';
export { collectSecretValues } from './secrets/collect-secret-values.js';
export {
  createRedactor,
  createStreamRedactor,
  redactText,
  type StreamRedactor,
} from './secrets/redact-secrets.js';

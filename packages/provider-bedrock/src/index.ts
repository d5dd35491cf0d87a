// The bedrock provider is built by the providers work (issue 4).
export const VERSION = '0.1.0';

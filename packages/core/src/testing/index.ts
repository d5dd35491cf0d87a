// Test kit for plugin authors: MockModelProvider and the conformance suites (added by the runtime work).
export {};

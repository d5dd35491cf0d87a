// Exports of this area are added by the work that builds it.
export {};

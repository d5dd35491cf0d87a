/**
 * The zod the core is built with. The CLI's bundle resolves the built-in executors' `zod` imports to
 * this entry, so their config schemas and the core's spec schemas come from one zod, loaded once,
 * instead of a second copy inlined into the CLI. (In the bundled build `locales` holds English only.)
 */
export * from 'zod';

/** The start of the DeprecationWarning pg 8 prints when DBOS pipelines queries on one client. */
const pipelinedQueryWarning = 'Calling client.query() when the client is already executing a query';

/**
 * Runs `action` with pg's "already executing a query" DeprecationWarning silenced: DBOS triggers it
 * inside its own code at launch, where the user can do nothing about it, and it would otherwise
 * appear on every durable run's stderr. Every other warning passes through unchanged.
 */
export async function withoutPipelinedQueryWarning<T>(action: () => Promise<T>): Promise<T> {
  const original = process.emitWarning;
  const filtered = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith(pipelinedQueryWarning)) return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  process.emitWarning = filtered;
  try {
    return await action();
  } finally {
    if (process.emitWarning === filtered) process.emitWarning = original;
  }
}

/**
 * Runs `action` with `console.log/info/warn/debug` silenced: DBOS's migration runner announces
 * "Running DBOS system database migrations..." through a console logger of its own, on stdout, which
 * carries a command's result (`strands runs list --json` must print JSON only).
 */
export async function withQuietConsole<T>(action: () => Promise<T>): Promise<T> {
  const methods = ['log', 'info', 'warn', 'debug'] as const;
  const saved = methods.map((method) => console[method]);
  for (const method of methods) console[method] = () => undefined;
  try {
    return await action();
  } finally {
    methods.forEach((method, index) => {
      console[method] = saved[index] as (typeof console)[typeof method];
    });
  }
}

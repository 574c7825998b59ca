/** A transport that adds an environment's configured variables (e.g. PATH) to every command. */
import type { Transport } from '../transport/types.js';

export function withEnv(inner: Transport, vars: Record<string, string>): Transport {
  if (Object.keys(vars).length === 0) return inner;
  return {
    description: inner.description,
    exec: (argv, options) => inner.exec(argv, { ...options, env: { ...vars, ...options.env } }),
    copyTo: (l, r, o) => inner.copyTo(l, r, o),
    close: () => inner.close(),
  };
}

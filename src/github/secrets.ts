/**
 * Secrets: masked in the log (core.setSecret) and removed from this process's environment
 * before any benchmark starts. The transports already give benchmark processes an environment
 * built only from what the engine passes (src/transport/process.ts minimalEnv); removing the
 * tokens here as well means no later code path (a transport that forgets, a helper that spawns
 * with process.env) can hand them on.
 */
import * as core from '@actions/core';

/** Variables that hold credentials on a runner. */
export const SECRET_VARIABLES = [
  'INPUT_GITHUB-TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
] as const;

/** A private key or token in a variable (e.g. the SSH key a config names with identityEnv). */
const KEY_PATTERN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Mask a value; a multi-line one (an SSH key) also line by line, since the log masks per line. */
export function maskValue(value: string | undefined, setSecret: (s: string) => void = core.setSecret): void {
  if (!value) return;
  setSecret(value);
  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) setSecret(line.trim());
  }
}

export interface CapturedSecrets {
  token: string;
  runtimeToken: string | undefined;
  resultsUrl: string | undefined;
}

/**
 * Mask every secret in sight, take the credentials the action itself needs out of
 * process.env and return them. Call once, before anything is spawned.
 */
export function captureSecrets(
  token: string,
  env: NodeJS.ProcessEnv = process.env,
  setSecret: (s: string) => void = core.setSecret,
): CapturedSecrets {
  maskValue(token, setSecret);
  const captured: CapturedSecrets = {
    token,
    runtimeToken: env.ACTIONS_RUNTIME_TOKEN,
    resultsUrl: env.ACTIONS_RESULTS_URL,
  };
  for (const name of SECRET_VARIABLES) {
    maskValue(env[name], setSecret);
    delete env[name];
  }
  // Keys handed over in variables (SSH identities): masked, and kept for the SSH transport,
  // which writes them to a 0600 file for ssh -i; benchmark processes never see variables.
  for (const [name, value] of Object.entries(env)) {
    if (value && KEY_PATTERN.test(value)) {
      maskValue(value, setSecret);
      core.debug(`masked the key in ${name}`);
    }
  }
  return captured;
}

/**
 * @actions/artifact reads ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL from process.env at the
 * moment of each call: put them back only around artifact calls, never while benchmarks run.
 */
export async function withArtifactCredentials<T>(
  secrets: CapturedSecrets,
  fn: () => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  if (secrets.runtimeToken) env.ACTIONS_RUNTIME_TOKEN = secrets.runtimeToken;
  if (secrets.resultsUrl) env.ACTIONS_RESULTS_URL = secrets.resultsUrl;
  try {
    return await fn();
  } finally {
    delete env.ACTIONS_RUNTIME_TOKEN;
  }
}

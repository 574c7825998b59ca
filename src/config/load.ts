/** Reading a config file: YAML or JSON (YAML is a superset), validated, errors as "FILE: path.to.key: reason". */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    /** One line per problem: "path.to.key: reason". */
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
  }
}

/** "environments.1.kind" for an issue path; "(top level)" for the root. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((k) => String(k)).join('.');
}

type Issue = z.ZodError['issues'][number];

/** An issue that only says "not this alternative": a type or value mismatch of the whole value, or no matching discriminator. */
function mismatch(i: Issue): boolean {
  if (i.code === 'invalid_union') return i.errors.length === 0;
  return i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
}

/**
 * Lines for one issue. A union ("one of these shapes") is explained by the one
 * alternative the value was meant to be — the only one that failed deeper than its own
 * shape — or else by listing what each alternative expected.
 */
function issueLines(i: Issue, base: readonly PropertyKey[] = []): string[] {
  const path = [...base, ...i.path];
  if (i.code === 'invalid_union' && i.errors.length > 0) {
    const meant = i.errors.filter((branch) => !branch.every(mismatch));
    if (meant.length === 1) return meant[0]!.flatMap((x) => issueLines(x, path));
    const alternatives = i.errors.map((branch) =>
      branch.map((x) => `${x.path.length ? `${issuePath(x.path)}: ` : ''}${x.message}`).join(', '),
    );
    return [`${issuePath(path)}: none of the accepted forms (${alternatives.join('; or ')})`];
  }
  return [`${issuePath(path)}: ${i.message}`];
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((i) => issueLines(i));
}

/** Validates an already-parsed document; `file` names it in errors. */
export function parseConfig(data: unknown, file = '<config>'): Config {
  const r = ConfigSchema.safeParse(data);
  if (!r.success) throw new ConfigError(file, formatIssues(r.error));
  return r.data;
}

/** Parses YAML/JSON text; syntax errors carry the line and column. */
export function parseConfigText(text: string, file = '<config>'): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return `line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  return parseConfig(doc.toJS(), file);
}

export async function loadConfigFile(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [
      `cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (code ?? String(err))}`,
    ]);
  }
  return parseConfigText(text, file);
}

/** A stable digest of the effective config (recorded in results.run.configDigest). */
export function configDigest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

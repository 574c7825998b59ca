/**
 * One table per command — its options, positionals, exit statuses — from which both the
 * parser (node:util parseArgs, strict) and the `--help` text are made, so the usage can never
 * lack a flag the command accepts. parseArgs rather than a CLI library: it ships with Node (no
 * dependency in the bundle), supports short flags, repeated options and strict checking, and
 * the help text is the one thing it lacks — ~60 lines here.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Placeholder of the value in the usage (`FILE`, `LIST`). */
  value?: string;
  multiple?: boolean;
  /** Shown in the help; the command applies its own defaults. */
  default?: string;
  description: string;
}

export interface PositionalSpec {
  name: string;
  description: string;
  /** Default: exactly one. */
  optional?: boolean;
}

export interface CommandSpec {
  name: string;
  /** A few words for the command list. */
  brief: string;
  /** What it does (the help's first paragraph). */
  summary: string;
  options: OptionSpec[];
  positionals?: PositionalSpec[];
  /** Extra paragraphs after the options (files written, exit statuses). */
  notes?: string[];
  examples?: string[];
}

/** A mistake in how the command was called: exit 2, the message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file that cannot be used (missing, unreadable): exit 2, the path and the reason. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export const HELP: OptionSpec = {
  name: 'help',
  short: 'h',
  type: 'boolean',
  description: 'show this help and exit',
};

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
  help: boolean;
}

export function parseCommand(spec: CommandSpec, args: readonly string[]): Parsed {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of [...spec.options, HELP]) {
    options[o.name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (err) {
    // parseArgs' messages name the option; drop its hint about '--' (our positionals are files).
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message);
  }
  if (parsed.values['help'] === true) return { ...parsed, help: true };
  const pos = spec.positionals ?? [];
  const min = pos.filter((p) => !p.optional).length;
  if (parsed.positionals.length < min) {
    throw new UsageError(
      `missing ${pos
        .slice(parsed.positionals.length, min)
        .map((p) => p.name)
        .join(' ')}`,
    );
  }
  if (parsed.positionals.length > pos.length) {
    const extra = parsed.positionals.slice(pos.length).join(' ');
    throw new UsageError(
      pos.length === 0
        ? `unexpected argument: ${extra}`
        : `unexpected argument after ${pos.map((p) => p.name).join(' ')}: ${extra}`,
    );
  }
  return { ...parsed, help: false };
}

function flag(o: OptionSpec): string {
  const long = `--${o.name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

/** Wraps `text` to `width` columns, continuation lines indented by `indent`. */
function wrap(text: string, indent: number, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

export function synopsis(program: string, spec: CommandSpec): string {
  const pos = (spec.positionals ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return [program, spec.name, '[options]', ...pos].join(' ');
}

export function usage(program: string, spec: CommandSpec): string {
  const opts = [...spec.options, HELP];
  const col = Math.min(30, Math.max(...opts.map((o) => flag(o).length)) + 4);
  // A flag wider than the column gets its description on the next line.
  const line = (left: string, text: string): string =>
    left.length + 2 > col - 2
      ? `  ${left}\n${' '.repeat(col)}${wrap(text, col)}`
      : `  ${left.padEnd(col - 2)}${wrap(text, col)}`;
  const out = [`Usage: ${synopsis(program, spec)}`, '', wrap(spec.summary, 0), ''];
  if (spec.positionals?.length) {
    out.push('Arguments:');
    for (const p of spec.positionals) out.push(line(p.name, p.description));
    out.push('');
  }
  out.push('Options:');
  for (const o of opts) {
    const extra = [o.multiple ? 'repeatable' : '', o.default !== undefined ? `default: ${o.default}` : '']
      .filter(Boolean)
      .join('; ');
    out.push(line(flag(o), extra ? `${o.description} (${extra})` : o.description));
  }
  for (const n of spec.notes ?? []) out.push('', wrap(n, 0));
  if (spec.examples?.length) {
    out.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  }
  return `${out.join('\n')}\n`;
}

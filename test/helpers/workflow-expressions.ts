/**
 * Evaluating the expressions of a workflow file the way GitHub Actions does, with GitHub's own
 * expression library (@actions/expressions: lexer, parser, evaluator): `if:` conditions (with the
 * implicit `success() &&` a job condition gets when it calls no status function), concurrency
 * groups, and the secret names a `secrets[...]` lookup produces. The status functions get the
 * results of the job's `needs` from the scenario a test describes.
 */
import { ContextAccess, IndexAccess, Literal, type Expr } from '@actions/expressions/ast';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';

const CONTEXTS = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'needs',
  'matrix',
  'strategy',
  'job',
  'steps',
  'runner',
];
const STATUS = ['success', 'failure', 'cancelled', 'always'];

export type JobResult = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface Scenario {
  /** Contexts by name (plain JSON). */
  contexts: Record<string, unknown>;
  /** The results of the jobs this one needs (for the status functions), and whether the run was cancelled. */
  needs?: Record<string, JobResult>;
  cancelled?: boolean;
}

function parse(expression: string): Expr {
  const lexed = new Lexer(expression).lex();
  return new Parser(
    lexed.tokens,
    CONTEXTS,
    STATUS.map((name) => ({ name, description: name, minArgs: 0, maxArgs: 0 })),
  ).parse();
}

function statusFunctions(s: Scenario): Map<string, FunctionDefinition> {
  const results = Object.values(s.needs ?? {});
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, description: name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map([
    fn('success', () => !s.cancelled && results.every((r) => r === 'success')),
    fn('failure', () => results.some((r) => r === 'failure')),
    fn('cancelled', () => s.cancelled === true),
    fn('always', () => true),
  ]);
}

function dataOf(contexts: Record<string, unknown>): data.Dictionary {
  return JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
}

export function evaluate(expression: string, s: Scenario): data.ExpressionData {
  return new Evaluator(parse(expression), dataOf(s.contexts), statusFunctions(s)).evaluate();
}

/** The expression inside `${{ }}`, or the whole value of an `if:` written without it. */
export function unwrap(value: string): string {
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(value);
  return m ? m[1]! : value;
}

/** A string with `${{ }}` parts, evaluated and joined (a concurrency group, a label). */
export function interpolate(text: string, s: Scenario): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) => evaluate(e, s).coerceString());
}

/** Whether a job with `if: condition` runs (GitHub prepends `success() &&` when no status function is called). */
export function jobRuns(condition: string | boolean | undefined, s: Scenario): boolean {
  if (condition === undefined) return evaluate('success()', s).coerceString() === 'true';
  const expr = unwrap(String(condition));
  const usesStatus = /\b(success|failure|cancelled|always)\s*\(/.test(expr);
  return truthy(evaluate(usesStatus ? expr : `success() && (${expr})`, s));
}

/** Every `secrets.X` / `secrets[...]` lookup in `text`, as the secret names they produce. */
export function secretNames(text: string, s: Scenario): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const walk = (e: Expr | undefined): void => {
      if (!e) return;
      if (e instanceof IndexAccess) {
        if (e.expr instanceof ContextAccess && e.expr.name.lexeme.toLowerCase() === 'secrets') {
          const index = e.index;
          const value =
            index instanceof Literal
              ? index.literal.coerceString()
              : new Evaluator(index, dataOf(s.contexts), statusFunctions(s)).evaluate().coerceString();
          names.push(value);
        }
        walk(e.expr);
        walk(e.index);
        return;
      }
      for (const child of Object.values(e) as unknown[]) {
        if (child && typeof child === 'object' && 'accept' in child) walk(child as Expr);
        if (Array.isArray(child))
          for (const c of child) if (c && typeof c === 'object' && 'accept' in c) walk(c as Expr);
      }
    };
    walk(parse(m[1]!));
  }
  return names;
}

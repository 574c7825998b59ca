/**
 * Provenance of what a run measured (pure, on results only — report and action code may use it):
 * - `deployFacts`: the fingerprint key `deployed` of the board per boot mode and of each
 *   environment — a flat map (`boot.kernel`, `boot.kernelArgs`, `guest.kernel`, `image`, …) to
 *   `sha256:<12 hex>` or the argument text, plus `change` (label@commit), `commit` and `slot`;
 *   absent when nothing under test reached that environment (it ran the board's known-good);
 * - `deployChanges`: what differs between a baseline and a current run, by role
 *   ("boot.kernel: known-good → PR #42@abc1234");
 * - `deployHeadline`: the first line of a report, comment or check run about the deployment
 *   ("The change did not boot: …" or "Deployed … compared with …").
 */
import type { BootMode, Deploy, Results } from '../results/schema.js';

/** `PR #42@abc1234`, `abc1234`, or `unknown commit`. */
export function changeOf(d: Pick<Deploy, 'commit' | 'label'>): string {
  const c = d.commit ? d.commit.slice(0, 7) : undefined;
  if (d.label && c) return `${d.label}@${c}`;
  return d.label ?? c ?? 'unknown commit';
}

const ENV_ROLE: Record<string, string> = {
  kernel: 'guest.kernel',
  initrd: 'guest.initrd',
  disk: 'guest.disk',
  'domain-config': 'guest.domainConfig',
  image: 'image',
  context: 'image.context',
};

/** The `deployed` fingerprint facts for the board in `mode`, or for environment `envId` (of that mode). */
export function deployFacts(
  d: Deploy,
  target: { mode: BootMode; envId?: string },
): { deployed: Record<string, string> } | Record<string, never> {
  const out: Record<string, string> = {};
  const sha = (h: string): string => `sha256:${h.slice(0, 12)}`;
  const bootUnderTest = d.modes.includes(target.mode);
  if (bootUnderTest) {
    for (const f of d.files) if (f.scope === target.mode) out[`boot.${f.role}`] = sha(f.sha256);
    for (const [k, v] of Object.entries(d.args)) {
      const [scope, name] = k.split('.', 2) as [string, string];
      if (scope === target.mode) out[`boot.${name}`] = v;
    }
    for (const f of d.files) if (f.scope === 'modules') out['boot.modules'] = sha(f.sha256);
  }
  if (target.envId !== undefined) {
    const scope = `env:${target.envId}`;
    for (const f of d.files) if (f.scope === scope) out[ENV_ROLE[f.role] ?? f.role] = sha(f.sha256);
    for (const [k, v] of Object.entries(d.args)) {
      if (k.startsWith(`${scope}.`)) out[`guest.${k.slice(scope.length + 1)}`] = v;
    }
  }
  // Files and commands may change anything on the board.
  for (const f of d.files)
    if (f.scope === 'files') out[`files.${f.target.split('/').pop() ?? f.role}`] = sha(f.sha256);
  if (d.commands.length > 0) out.commands = d.commands.map((c) => c.argv.join(' ')).join(' && ');
  if (Object.keys(out).length === 0) return {};
  return {
    deployed: {
      change: changeOf(d),
      ...(d.commit ? { commit: d.commit } : {}),
      slot: bootUnderTest ? `under-test ${d.id}` : 'known-good',
      ...out,
    },
  };
}

/** One difference a deployment makes between a baseline and a current run. */
export interface DeployChange {
  /** Where: `linux`, `xen`, `env:<id>`, `modules`, `files`, or `args`. */
  scope: string;
  role: string;
  baseline: string;
  current: string;
}

interface Entry {
  scope: string;
  role: string;
  /** What identifies the content: a file's sha256, an argument's text. */
  content: string;
  text: string;
}

function entries(d: Deploy | undefined): Map<string, Entry> {
  const m = new Map<string, Entry>();
  if (!d) return m;
  const who = changeOf(d);
  for (const f of d.files) {
    m.set(`${f.scope}/${f.role}/${f.target}`, {
      scope: f.scope,
      role: f.role,
      content: f.sha256,
      text: `${who} (sha256 ${f.sha256.slice(0, 12)})`,
    });
  }
  for (const [k, v] of Object.entries(d.args)) {
    const [scope, role] = k.split(/\.(?=[^.]+$)/) as [string, string];
    m.set(`args/${k}`, { scope, role, content: v, text: `${who}: ${v}` });
  }
  return m;
}

/**
 * What the deployments of two runs change, role by role. A side that deployed nothing for a
 * role ran the board's known-good there. The same content (sha256, argument) is not a change.
 */
export function deployChanges(current: Results, baseline: Results | undefined): DeployChange[] {
  const cur = entries(current.deploy);
  const base = entries(baseline?.deploy);
  const out: DeployChange[] = [];
  for (const [k, c] of cur) {
    const b = base.get(k);
    if (b && b.content === c.content) continue;
    out.push({ scope: c.scope, role: c.role, baseline: b?.text ?? 'known-good', current: c.text });
  }
  for (const [k, b] of base) {
    if (!cur.has(k)) out.push({ scope: b.scope, role: b.role, baseline: b.text, current: 'known-good' });
  }
  return out;
}

function notMeasured(r: Results): string[] {
  return r.environments.filter((e) => e.skipped).map((e) => e.id);
}

/** The first line about a deployment: `lead` is this tool's own words (bold), `text` comes from results (escape it). */
export interface DeployHeadline {
  lead?: string;
  text: string;
}

/** The stage names of DeployBoot.stage, as a sentence says them. */
export function stageName(stage: string | undefined): string {
  switch (stage) {
    case 'boot loader':
      return 'the boot loader';
    case 'xen':
      return 'Xen';
    case 'kernel':
      return 'the kernel';
    case 'init':
      return 'the init system';
    case 'userspace':
      return 'userspace';
    default:
      return 'an unknown stage';
  }
}

/** The first line about the deployment, or undefined when the run deployed nothing. */
export function deployHeadline(current: Results, baseline?: Results): DeployHeadline | undefined {
  const d = current.deploy;
  if (!d) return undefined;
  const who = changeOf(d);
  const board = current.board.name;
  const skipped = notMeasured(current);
  const unmeasured = skipped.length ? ` Not measured: ${skipped.join(', ')}.` : '';
  if (d.status === 'did-not-boot') {
    const b = d.boots.find((x) => x.outcome !== 'booted');
    const why =
      b?.message?.replace(/^the change did not boot: /, '') ??
      `a trial boot of ${who} on ${board} did not come up.`;
    return { lead: 'The change did not boot', text: `${why}${unmeasured}` };
  }
  if (d.status === 'failed') {
    return {
      lead: 'The change could not be deployed',
      text: `${who} to ${board}: ${d.message ?? 'see the deploy logs'}${unmeasured}`,
    };
  }
  const what = [
    ...new Set([...d.files.map((f) => f.role), ...Object.keys(d.args).map((k) => k.split('.').pop()!)]),
  ].join(', ');
  const slot = d.modes.length > 0 ? `${board}'s under-test slot (${d.modes.join(' and ')} boot)` : board;
  let against = '';
  if (baseline) {
    const base = baseline.deploy ? `${changeOf(baseline.deploy)} deployed` : "the board's known-good";
    const sha = baseline.run.gitSha ? ` of ${baseline.run.gitSha.slice(0, 7)}` : '';
    against = `, compared with the baseline run${sha} (${base})`;
  }
  return { text: `Deployed ${who} (${what || 'nothing'}) to ${slot}${against}.` };
}

/** The headline as one Markdown line: the lead in bold, the rest escaped by `escape`. */
export function headlineMarkdown(h: DeployHeadline, escape: (s: string) => string): string {
  return h.lead ? `**${h.lead}**: ${escape(h.text)}` : escape(h.text);
}

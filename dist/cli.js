#!/usr/bin/env node
import { P as PlanError, B as BoardConfigError, R as ResultsFileError, D as DeployInputError, r as readResultsFile, a as analyze, b as renderMarkdown, c as renderCsv, d as renderHtml, N as NetperfTest, p as parsers, e as ParseError, f as resolveRun, g as refusal, h as groupByBootMode, i as plannedCells, n as nominalCellSeconds, L as LocalTransport, j as formatDuration, l as lineReporter, w as writeReports, k as BoardCancelledError, T as TOOL_VERSION } from './chunks/provenance-D3PcUZW_.js';
import { C as ConfigError, _ as _enum, S as SuiteId, c as collectFingerprint, b as bootModeOf, i as isConfigFailure, P as PRESET_NAMES, l as loadConfigFile, a as SshTransport, s as sshHostFromConfig } from './chunks/source-BOQ60Nqm.js';
import { parseArgs } from 'node:util';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { localDefaultConfig } from './chunks/local-default-Dfl4toq3.js';
import { runOnBoard } from './chunks/board-run-4w2UjKa8.js';
import 'node:crypto';
import 'node:fs';
import 'node:os';
import 'node:timers/promises';
import 'node:dgram';
import 'process';
import 'buffer';
import 'node:net';
import 'node:child_process';
import 'node:string_decoder';
import 'node:url';

/**
 * One table per command — its options, positionals, exit statuses — from which both the
 * parser (node:util parseArgs, strict) and the `--help` text are made, so the usage can never
 * lack a flag the command accepts. parseArgs rather than a CLI library: it ships with Node (no
 * dependency in the bundle), supports short flags, repeated options and strict checking, and
 * the help text is the one thing it lacks — ~60 lines here.
 */
/** A mistake in how the command was called: exit 2, the message on stderr. */
class UsageError extends Error {
    name = 'UsageError';
}
/** An input file that cannot be used (missing, unreadable): exit 2, the path and the reason. */
class InputError extends Error {
    name = 'InputError';
}
const HELP = {
    name: 'help',
    short: 'h',
    type: 'boolean',
    description: 'show this help and exit',
};
function parseCommand(spec, args) {
    const options = {};
    for (const o of [...spec.options, HELP]) {
        options[o.name] = {
            type: o.type,
            ...(o.short ? { short: o.short } : {}),
            ...(o.multiple ? { multiple: true } : {}),
        };
    }
    let parsed;
    try {
        parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    }
    catch (err) {
        // parseArgs' messages name the option; drop its hint about '--' (our positionals are files).
        const message = err.message.replace(/\. To specify a positional argument.*$/s, '');
        throw new UsageError(message);
    }
    if (parsed.values['help'] === true)
        return { ...parsed, help: true };
    const pos = spec.positionals ?? [];
    const min = pos.filter((p) => !p.optional).length;
    if (parsed.positionals.length < min) {
        throw new UsageError(`missing ${pos
            .slice(parsed.positionals.length, min)
            .map((p) => p.name)
            .join(' ')}`);
    }
    if (parsed.positionals.length > pos.length) {
        const extra = parsed.positionals.slice(pos.length).join(' ');
        throw new UsageError(pos.length === 0
            ? `unexpected argument: ${extra}`
            : `unexpected argument after ${pos.map((p) => p.name).join(' ')}: ${extra}`);
    }
    return { ...parsed, help: false };
}
function flag(o) {
    const long = `--${o.name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}
/** Wraps `text` to `width` columns, continuation lines indented by `indent`. */
function wrap(text, indent, width = 100) {
    const words = text.split(/\s+/);
    const lines = [];
    let line = '';
    for (const w of words) {
        if (line && indent + line.length + 1 + w.length > width) {
            lines.push(line);
            line = w;
        }
        else
            line = line ? `${line} ${w}` : w;
    }
    if (line)
        lines.push(line);
    return lines.join(`\n${' '.repeat(indent)}`);
}
function synopsis(program, spec) {
    const pos = (spec.positionals ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
    return [program, spec.name, '[options]', ...pos].join(' ');
}
function usage(program, spec) {
    const opts = [...spec.options, HELP];
    const col = Math.min(30, Math.max(...opts.map((o) => flag(o).length)) + 4);
    // A flag wider than the column gets its description on the next line.
    const line = (left, text) => left.length + 2 > col - 2
        ? `  ${left}\n${' '.repeat(col)}${wrap(text, col)}`
        : `  ${left.padEnd(col - 2)}${wrap(text, col)}`;
    const out = [`Usage: ${synopsis(program, spec)}`, '', wrap(spec.summary, 0), ''];
    if (spec.positionals?.length) {
        out.push('Arguments:');
        for (const p of spec.positionals)
            out.push(line(p.name, p.description));
        out.push('');
    }
    out.push('Options:');
    for (const o of opts) {
        const extra = [o.multiple ? 'repeatable' : '', o.default !== undefined ? `default: ${o.default}` : '']
            .filter(Boolean)
            .join('; ');
        out.push(line(flag(o), extra ? `${o.description} (${extra})` : o.description));
    }
    for (const n of spec.notes ?? [])
        out.push('', wrap(n, 0));
    if (spec.examples?.length) {
        out.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
    }
    return `${out.join('\n')}\n`;
}

/**
 * Exit statuses, one meaning each across commands (documented in every `--help`):
 *   0 done (run: complete), 1 partial (run: something was not measured; parse: no result in
 *   the log), 2 usage or configuration error (nothing was measured), 3 regression (compare
 *   --fail-on-regression), 130 cancelled (SIGINT/SIGTERM, as shells report 128 + 2).
 */
const EXIT = { ok: 0, partial: 1, usage: 2, regression: 3, cancelled: 130 };
/** Errors that mean "fix how it was called or configured": exit 2. */
function isUsageError(err) {
    return (err instanceof UsageError ||
        err instanceof InputError ||
        err instanceof ConfigError ||
        err instanceof PlanError ||
        err instanceof BoardConfigError ||
        err instanceof ResultsFileError ||
        // A build output the deploy section names is missing: nothing touched the board.
        err instanceof DeployInputError);
}

/**
 * Running one command: parse its arguments from its table, print its help (stdout, exit 0)
 * when asked, and turn every error into one line on stderr with one prefix —
 * `arm-virt-bench <command>: <reason>` — and its exit status (2 for usage and configuration
 * errors, 1 otherwise).
 */
const PROGRAM = 'arm-virt-bench';
function fail(command, message) {
    const lines = message.split('\n').filter((l) => l.trim() !== '');
    process.stderr.write(lines.map((l) => `${PROGRAM} ${command}: ${l}\n`).join(''));
}
async function invoke(cmd, args) {
    const name = cmd.spec.name;
    try {
        const parsed = parseCommand(cmd.spec, args);
        if (parsed.help) {
            process.stdout.write(usage(PROGRAM, cmd.spec));
            return EXIT.ok;
        }
        return await cmd.run(parsed);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        fail(name, message);
        if (isUsageError(err)) {
            if (err.name === 'UsageError')
                process.stderr.write(`Try '${PROGRAM} ${name} --help' for the options.\n`);
            return EXIT.usage;
        }
        return EXIT.partial;
    }
}

const ANALYSIS_OPTIONS = [
    {
        name: 'min-effect',
        type: 'string',
        value: 'FRACTION',
        default: '5%',
        description: 'smallest relative change a regression must be able to reach (5% or 0.05)',
    },
    {
        name: 'alpha',
        type: 'string',
        value: 'LEVEL',
        default: '0.05',
        description: 'significance level of the report',
    },
    {
        name: 'correction',
        type: 'string',
        value: 'holm|bh',
        default: 'holm',
        description: 'multiple-testing correction: Holm (family-wise) or Benjamini-Hochberg (false discovery rate)',
    },
    {
        name: 'max-cv',
        type: 'string',
        value: 'FRACTION',
        default: '25%',
        description: 'a cell noisier than this coefficient of variation is "erratic", not judged',
    },
    {
        name: 'host-env',
        type: 'string',
        value: 'ID',
        description: 'environment the overheads are measured against (default: the one of kind host)',
    },
    {
        name: 'expect-change',
        type: 'string',
        value: 'KEY',
        multiple: true,
        description: 'a setup fact changed on purpose (e.g. cgroupCpuLimit): compared anyway (changes under test — kernel, hypervisor, QEMU, Docker — always are)',
    },
    {
        name: 'expect-same',
        type: 'string',
        value: 'KEY',
        multiple: true,
        description: 'a fingerprint key that must not change (e.g. kernel): a difference makes the cells incomparable',
    },
];
function fraction(name, v) {
    if (v === undefined)
        return undefined;
    const s = String(v);
    const pct = s.endsWith('%');
    const n = Number(pct ? s.slice(0, -1) : s);
    if (s.trim() === '' || !Number.isFinite(n))
        throw new UsageError(`--${name}: not a number: '${s}'`);
    return pct ? n / 100 : n;
}
/** Analysis options from the shared flags; errors name the flag and the allowed range. */
function analysisOptions(values) {
    const correction = values['correction'];
    if (correction !== undefined && correction !== 'holm' && correction !== 'bh') {
        throw new UsageError(`--correction must be holm or bh (got '${String(correction)}')`);
    }
    const opts = {};
    const minEffect = fraction('min-effect', values['min-effect']);
    const alpha = fraction('alpha', values['alpha']);
    const maxCv = fraction('max-cv', values['max-cv']);
    if (minEffect !== undefined) {
        if (!(minEffect >= 0 && minEffect < 1))
            throw new UsageError(`--min-effect must be in [0, 1) (got ${minEffect})`);
        opts.minEffect = minEffect;
    }
    if (alpha !== undefined) {
        if (!(alpha > 0 && alpha < 1))
            throw new UsageError(`--alpha must be in (0, 1) (got ${alpha})`);
        opts.alpha = alpha;
    }
    if (maxCv !== undefined) {
        if (!(maxCv > 0))
            throw new UsageError(`--max-cv must be > 0 (got ${maxCv})`);
        opts.maxCv = maxCv;
    }
    if (correction !== undefined)
        opts.correction = correction;
    if (typeof values['host-env'] === 'string')
        opts.hostEnv = values['host-env'];
    if (Array.isArray(values['expect-change']))
        opts.expectChanges = values['expect-change'];
    if (Array.isArray(values['expect-same']))
        opts.expectSame = values['expect-same'];
    return opts;
}

/**
 * `compare --baseline A.json --current B.json [--out DIR]`: verdicts as JSON + Markdown.
 * Without --out the Markdown goes to stdout. With --out: DIR/verdicts.json (the Analysis),
 * DIR/compare.md (job summary), DIR/comment.md (PR comment), DIR/compare.html, DIR/compare.csv.
 */
/** A --host-env that names no environment of the results is a usage error. */
function checkHostEnv(current, options) {
    const id = options.hostEnv;
    if (id !== undefined && !current.environments.some((e) => e.id === id)) {
        throw new UsageError(`--host-env: no environment '${id}' in the results (they have ${current.environments.map((e) => e.id).join(', ')})`);
    }
}
const compare = {
    spec: {
        name: 'compare',
        brief: 'compare two runs: verdicts as JSON and Markdown',
        summary: 'Compare two runs: the overhead of each environment against its host and every cell, baseline vs current, with one multiple-testing correction per report.',
        options: [
            {
                name: 'baseline',
                short: 'b',
                type: 'string',
                value: 'A.json',
                description: 'results.json of the baseline run (required)',
            },
            {
                name: 'current',
                short: 'c',
                type: 'string',
                value: 'B.json',
                description: 'results.json of the run under test (required)',
            },
            {
                name: 'out',
                short: 'o',
                type: 'string',
                value: 'DIR',
                description: 'write verdicts.json, compare.md (job summary), comment.md (PR comment), compare.html and compare.csv there; without it the Markdown goes to stdout',
            },
            {
                name: 'fail-on-regression',
                type: 'boolean',
                description: 'exit 3 when there is a regression (for scripts and CI gates)',
            },
            ...ANALYSIS_OPTIONS,
        ],
        notes: [
            'Exit status: 0 compared, 2 usage error or unreadable results file, 3 regression (with --fail-on-regression).',
        ],
        examples: ['arm-virt-bench compare --baseline main/results.json --current out/results.json --out cmp'],
    },
    async run({ values }) {
        if (typeof values['baseline'] !== 'string' || typeof values['current'] !== 'string') {
            throw new UsageError('--baseline A.json and --current B.json are both needed');
        }
        const opts = analysisOptions(values);
        const [baseline, current] = await Promise.all([
            readResultsFile(values['baseline']),
            readResultsFile(values['current']),
        ]);
        checkHostEnv(current, opts);
        const analysis = analyze(current, { ...opts, baseline });
        const out = typeof values['out'] === 'string' ? values['out'] : undefined;
        const files = { html: 'compare.html', csv: 'compare.csv' };
        const summary = renderMarkdown(analysis, { flavor: 'summary', origin: 'cli', files });
        if (out) {
            await mkdir(out, { recursive: true });
            const written = {
                'verdicts.json': `${JSON.stringify(analysis, null, 2)}\n`,
                'compare.md': summary,
                'comment.md': renderMarkdown(analysis, { flavor: 'comment', origin: 'cli', files }),
                'compare.html': renderHtml(analysis, { origin: 'cli', files: { csv: files.csv } }),
                'compare.csv': renderCsv(analysis),
            };
            await Promise.all(Object.entries(written).map(([name, text]) => writeFile(join(out, name), text)));
            const h = analysis.headline;
            process.stdout.write(`${h.status}: ${h.aggregateRegressions.length} suite overhead regression(s), ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s), ${h.tests} tests\n` +
                (h.reason ? `${h.reason}\n` : '') +
                Object.keys(written)
                    .map((f) => `${join(out, f)}\n`)
                    .join(''));
        }
        else {
            process.stdout.write(summary);
        }
        return values['fail-on-regression'] === true && analysis.headline.status === 'regression'
            ? EXIT.regression
            : EXIT.ok;
    },
};

/**
 * `parse --suite S FILE`: a raw log → JSON on stdout (DESIGN.md's contract); a log with no
 * result → exit 1 and a one-line reason on stderr (with the line number where it can point at one).
 */
const Ipc = _enum(['socket', 'pipe', 'inet']);
const parse = {
    spec: {
        name: 'parse',
        brief: 'turn one raw log into samples (JSON)',
        summary: 'Parse one raw log of a benchmark tool into samples: JSON on stdout ({ suite, samples: [{ metric, params, value, unit, better }], warnings }).',
        positionals: [{ name: 'FILE', description: 'the raw output of one run of the tool' }],
        options: [
            {
                name: 'suite',
                short: 's',
                type: 'string',
                value: SuiteId.options.join('|'),
                description: 'which tool wrote the log (required)',
            },
            {
                name: 'ipc',
                type: 'string',
                value: Ipc.options.join('|'),
                description: 'hackbench: the IPC the run used (its output does not say socket or pipe)',
            },
            {
                name: 'test',
                type: 'string',
                value: 'TEST',
                description: `netperf: the test of a log without a banner (-P 0): ${NetperfTest.options.join(', ')}`,
            },
        ],
        notes: [
            'Exit status: 0 parsed, 1 the log holds no result (the reason and the line on stderr), 2 usage error or unreadable FILE.',
        ],
        examples: ['arm-virt-bench parse --suite netperf logs/host/netperf/tcp_rr-r1x1.r0.log'],
    },
    async run({ values, positionals }) {
        const suite = SuiteId.safeParse(values['suite']);
        if (!suite.success)
            throw new UsageError(`--suite must be one of ${SuiteId.options.join(', ')}`);
        const hints = {};
        if (values['ipc'] !== undefined) {
            const ipc = Ipc.safeParse(values['ipc']);
            if (!ipc.success)
                throw new UsageError(`--ipc must be one of ${Ipc.options.join(', ')}`);
            hints.ipc = ipc.data;
        }
        if (values['test'] !== undefined) {
            const test = NetperfTest.safeParse(String(values['test']).toUpperCase());
            if (!test.success)
                throw new UsageError(`--test must be one of ${NetperfTest.options.join(', ')}`);
            hints.test = test.data;
        }
        const file = positionals[0];
        let text;
        try {
            text = await readFile(file, 'latin1');
        }
        catch (err) {
            const code = err.code;
            throw new InputError(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`);
        }
        try {
            const result = parsers[suite.data](text, hints);
            const out = {
                suite: result.suite,
                samples: result.samples.map(({ metric, params, value, unit, better, warnings }) => ({
                    metric,
                    params,
                    value,
                    unit,
                    better,
                    ...(warnings && warnings.length > 0 ? { warnings } : {}),
                })),
                warnings: result.warnings,
            };
            process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
            return EXIT.ok;
        }
        catch (err) {
            if (err instanceof ParseError) {
                process.stderr.write(`arm-virt-bench parse: ${file}: ${err.message.replace(/\s+/g, ' ')}\n`);
                return EXIT.partial;
            }
            throw err;
        }
    },
};

async function dryRun(config, options) {
    const plan = resolveRun(config, options);
    const board = { name: config.board.name, via: options.board.description };
    try {
        const fp = await collectFingerprint(options.board, { signal: options.signal });
        board.fingerprint = fp;
        board.mode = bootModeOf(fp);
    }
    catch (err) {
        if (isConfigFailure(err))
            throw refusal(config.board.name, err);
        board.error = err.message;
    }
    const current = board.mode ?? config.board.defaultBootMode;
    const groups = groupByBootMode(plan.configured.map((c) => ({ id: c.env.id, kind: c.env.kind, bootMode: c.env.bootMode })));
    const unreachable = [];
    let switches = 0;
    let at = current;
    const out = [];
    let cellRuns = 0;
    let seconds = 0;
    for (const g of groups) {
        if (g.bootMode !== at) {
            if (!options.canSwitch) {
                for (const e of g.envs)
                    unreachable.push({
                        id: e.id,
                        reason: `needs the board in ${g.bootMode} mode; it is in ${at} mode and no boot switch is configured (board.switch over ssh)`,
                    });
                continue;
            }
            switches += 1;
            at = g.bootMode;
        }
        out.push({
            bootMode: g.bootMode,
            environments: g.envs.map((e) => ({
                ...e,
                suites: plan.enabled.map((suite) => {
                    const cells = plannedCells(suite, plan.suites);
                    const runs = plan.runsFor(suite);
                    const s = cells.reduce((t, c) => t + nominalCellSeconds(c, plan.suites), 0) * runs;
                    cellRuns += cells.length * runs;
                    seconds += s;
                    return { suite, cells: cells.map((c) => c.key), runs, seconds: s };
                }),
            })),
        });
    }
    if (options.canSwitch && at !== config.board.defaultBootMode)
        switches += 1;
    const switchSeconds = config.board.expectedSwitchSeconds;
    return {
        preset: plan.presetName,
        board,
        groups: out,
        switches,
        switchSeconds,
        unreachable,
        cellRuns,
        seconds: seconds + switches * switchSeconds,
    };
}

/** What `run` and `probe` share: the options that choose the config, the environments and the preset. */
const CONFIG_OPTIONS = [
    {
        name: 'config',
        short: 'c',
        type: 'string',
        value: 'FILE',
        description: 'the board, its environments and the suites (YAML or JSON; docs/configuration.md). Without it: the embedded default for this machine (host, plus docker and a TCG guest when they are available)',
    },
    {
        name: 'env',
        short: 'e',
        type: 'string',
        value: 'LIST',
        description: 'only these environments, by id, comma-separated (e.g. host,docker)',
    },
    {
        name: 'preset',
        short: 'p',
        type: 'string',
        value: PRESET_NAMES.join('|'),
        description: "what to measure: paper (the paper's protocol, 10 runs), quick (a few minutes per environment, for PRs), test (the smallest run that exercises every tool); default: the config's preset, else quick",
    },
];
function presetOf(values) {
    const p = values['preset'];
    if (p === undefined)
        return undefined;
    if (!PRESET_NAMES.includes(String(p)))
        throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')} (got '${String(p)}')`);
    return p;
}
function envsOf(values) {
    const v = values['env'];
    if (v === undefined)
        return undefined;
    const list = String(v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (list.length === 0)
        throw new UsageError('--env needs at least one environment id');
    return list;
}
/** The config file, or the embedded default for this machine (its findings go to `reporter`). */
async function configOf(values, envs, reporter) {
    if (typeof values['config'] === 'string')
        return loadConfigFile(values['config']);
    const d = await localDefaultConfig(new LocalTransport(), envs ? { only: envs } : {});
    reporter.info('no --config: using the embedded default for this machine');
    for (const s of d.skipped)
        reporter.info(`skipped ${s.env}: ${s.reason}`);
    for (const n of d.notes)
        reporter.info(n);
    return d.config;
}

/**
 * `probe` (also `run --dry-run`): validate the config, resolve the plan, reach the board and
 * fingerprint it, list the cells the run would measure with a nominal estimate of their time.
 * Nothing is measured, prepared or locked.
 */
function gib(bytes) {
    return typeof bytes === 'number' ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : undefined;
}
/** The dry run as text a person reads (stdout). */
function formatDryRun(d) {
    const out = [];
    const b = d.board;
    if (b.error)
        out.push(`board ${b.name} (${b.via}): does not answer: ${b.error}`);
    else {
        const fp = b.fingerprint ?? {};
        const facts = [
            `${b.mode} mode`,
            typeof fp['kernel'] === 'string' ? `kernel ${fp['kernel']}` : undefined,
            typeof fp['arch'] === 'string' ? fp['arch'] : undefined,
            typeof fp['cpus'] === 'number' ? `${fp['cpus']} CPUs` : undefined,
            typeof fp['cpuModel'] === 'string' ? fp['cpuModel'] : undefined,
            gib(fp['memoryBytes']),
            typeof fp['hypervisor'] === 'string' ? `hypervisor ${fp['hypervisor']}` : undefined,
            typeof fp['kvm'] === 'string' && /\/dev\/kvm present/.test(fp['kvm']) ? '/dev/kvm' : undefined,
            typeof fp['qemuVersion'] === 'string' ? `QEMU ${fp['qemuVersion']}` : undefined,
            typeof fp['dockerVersion'] === 'string' ? `Docker ${fp['dockerVersion']}` : undefined,
        ].filter(Boolean);
        out.push(`board ${b.name} (${b.via}): answers — ${facts.join(' · ')}`);
        const tools = fp['toolVersions'];
        if (tools && typeof tools === 'object')
            out.push(`  tools on the board: ${Object.entries(tools)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}`);
    }
    out.push('', `plan (preset ${d.preset}; nominal durations, the run's own ETA is better once cells are measured):`);
    for (const g of d.groups) {
        out.push(`  ${g.bootMode} boot:`);
        for (const e of g.environments) {
            for (const s of e.suites) {
                out.push(`    ${e.id.padEnd(12)} ${s.suite.padEnd(10)} ${String(s.cells.length).padStart(3)} cells × ${s.runs} runs  ≈ ${formatDuration(s.seconds * 1000).padStart(7)}  (${s.cells.join(', ')})`);
            }
        }
    }
    for (const u of d.unreachable)
        out.push(`  skipped ${u.id}: ${u.reason}`);
    if (d.switches > 0)
        out.push(`  ${d.switches} boot switch(es) ≈ ${formatDuration(d.switchSeconds * 1000)} each (board.expectedSwitchSeconds)`);
    out.push('', `total: ${d.cellRuns} cell runs${d.switches ? ` and ${d.switches} boot switch(es)` : ''}, ≈ ${formatDuration(d.seconds * 1000)} (without preparing the environments)`, 'nothing was measured.');
    return `${out.join('\n')}\n`;
}
/** Runs the dry run against the configured board; prints it; the exit status. */
async function probeBoard(config, options) {
    const c = config.board.connection;
    let board;
    try {
        board = c.type === 'local' ? new LocalTransport() : new SshTransport(sshHostFromConfig(c));
    }
    catch (err) {
        throw new BoardConfigError(`board ${config.board.name}: ${err.message}`);
    }
    try {
        const d = await dryRun(config, {
            ...(options.envs ? { envs: options.envs } : {}),
            ...(options.preset ? { preset: options.preset } : {}),
            board,
            canSwitch: c.type === 'ssh' && config.board.switch !== undefined,
        });
        process.stdout.write(formatDryRun(d));
        return d.board.error ? EXIT.partial : EXIT.ok;
    }
    finally {
        await board.close().catch(() => undefined);
    }
}
const probe = {
    spec: {
        name: 'probe',
        brief: 'check config and board, list the plan; measure nothing',
        summary: 'Check before measuring: validate the config, reach the board and fingerprint it, and list the cells a run would measure with an estimate of their time. Measures nothing, prepares no environment, takes no lock.',
        options: [...CONFIG_OPTIONS],
        notes: [
            'Exit status: 0 the board answers, 1 it does not (the reason on stdout), 2 usage or configuration error (bad config, nothing to measure, the board refused the host key or the ssh key).',
        ],
        examples: [
            'arm-virt-bench probe --config lab/board.yml',
            'arm-virt-bench probe --env host,docker --preset paper',
        ],
    },
    async run({ values }) {
        const preset = presetOf(values);
        const envs = envsOf(values);
        const config = await configOf(values, envs, lineReporter((t) => process.stderr.write(t)));
        return probeBoard(config, { envs, preset });
    },
};

/**
 * `report RESULTS.json [--out DIR] [--baseline A.json]`: report.md, report.html, report.csv
 * and analysis.json in DIR (default: next to RESULTS.json).
 */
const report = {
    spec: {
        name: 'report',
        brief: "write a run's reports again (Markdown, HTML, CSV)",
        summary: 'Write the reports of a run again (report.md, report.html, report.csv, analysis.json), e.g. with other analysis settings or against a baseline.',
        positionals: [{ name: 'RESULTS.json', description: "a run's results.json" }],
        options: [
            {
                name: 'out',
                short: 'o',
                type: 'string',
                value: 'DIR',
                description: 'where to write them (default: next to RESULTS.json)',
            },
            {
                name: 'baseline',
                short: 'b',
                type: 'string',
                value: 'A.json',
                description: 'compare with this run (verdicts in the report)',
            },
            { name: 'title', type: 'string', value: 'TEXT', description: 'title of the reports' },
            ...ANALYSIS_OPTIONS,
        ],
        notes: ['Exit status: 0 written, 2 usage error or unreadable results file.'],
        examples: ['arm-virt-bench report out/results.json --baseline main/results.json --min-effect 3%'],
    },
    async run({ values, positionals }) {
        const opts = analysisOptions(values);
        const file = positionals[0];
        const results = await readResultsFile(file);
        const baseline = typeof values['baseline'] === 'string' ? await readResultsFile(values['baseline']) : undefined;
        checkHostEnv(results, opts);
        const out = await writeReports(results, typeof values['out'] === 'string' ? values['out'] : dirname(file), {
            ...opts,
            ...(baseline ? { baseline } : {}),
            ...(typeof values['title'] === 'string' ? { title: values['title'] } : {}),
        });
        process.stdout.write(`${out.markdownPath}\n${out.htmlPath}\n${out.csvPath}\n${out.analysisPath}\n`);
        return EXIT.ok;
    },
};

/**
 * `run [--config FILE] [--env LIST] [--preset quick|paper|test] [--out DIR]`: measure.
 * DIR/results.json, DIR/logs/, DIR/report.md, DIR/report.html, DIR/report.csv,
 * DIR/analysis.json. Progress on stderr, one line per cell. SIGINT/SIGTERM cancel: the cell
 * in flight is killed, teardown runs, the results say cancelled and the message says what was
 * cancelled; a second signal exits at once.
 */
const OUTPUT_FILES_NOTE = 'Writes into DIR: results.json (every sample, failure and fingerprint; rewritten after each cell), logs/ (the raw output of every cell, board control and environment), report.md, report.html, report.csv and analysis.json.';
const run = {
    spec: {
        name: 'run',
        brief: "measure the board's environments and report",
        summary: 'Measure: the suites in every environment of the board (host, docker, kvm, xen-dom0, xen-domu), round by round, and write the results and the reports.',
        options: [
            ...CONFIG_OPTIONS,
            {
                name: 'out',
                short: 'o',
                type: 'string',
                value: 'DIR',
                default: 'out',
                description: 'where results, logs and reports go',
            },
            {
                name: 'baseline',
                short: 'b',
                type: 'string',
                value: 'A.json',
                description: "a previous run's results.json: the report compares with it",
            },
            {
                name: 'dry-run',
                short: 'n',
                type: 'boolean',
                description: 'check the config, reach and fingerprint the board, list the cells with their estimated time, measure nothing (as `probe`)',
            },
        ],
        notes: [
            OUTPUT_FILES_NOTE,
            'Exit status: 0 complete, 1 partial (failures or skipped environments: see the report), 2 usage or configuration error (nothing measured: bad config, unknown environment, nothing to measure, the board refused the host key or the ssh key), 130 cancelled.',
        ],
        examples: [
            'arm-virt-bench run --out out                      # this machine, embedded default',
            'arm-virt-bench run --config lab/board.yml --preset quick --out out',
            'arm-virt-bench run --config board.yml --env host,kvm --dry-run',
        ],
    },
    async run({ values }) {
        const preset = presetOf(values);
        const envs = envsOf(values);
        const outDir = typeof values['out'] === 'string' ? values['out'] : 'out';
        let activity = 'starting';
        const lines = lineReporter((t) => process.stderr.write(t));
        const reporter = {
            ...lines,
            activity: (what) => {
                activity = what;
            },
        };
        const config = await configOf(values, envs, reporter);
        if (values['dry-run'] === true)
            return probeBoard(config, { envs, preset });
        // Refused before any signal handler, board contact or output folder.
        resolveRun(config, { envs, preset });
        const baseline = typeof values['baseline'] === 'string' ? await readResultsFile(values['baseline']) : undefined;
        const controller = new AbortController();
        const onSignal = (sig) => {
            if (controller.signal.aborted) {
                process.stderr.write(`\n${sig} again: exiting now without teardown (the next run on this board removes what is left)\n`);
                process.exit(EXIT.cancelled);
            }
            process.stderr.write(`\n${sig}: cancelling — stopping ${activity}, then tearing down what was started; what was measured is kept (${sig} again exits at once)\n`);
            controller.abort();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
            const base = {
                envs,
                preset,
                outDir,
                signal: controller.signal,
                reporter,
                gitSha: process.env['GITHUB_SHA'],
                ...(baseline ? { baseline } : {}),
            };
            // Board control (over ssh, with a switch strategy or code to deploy) owns the connection
            // (replaced after each reboot), deploys the code under test, switches modes, and puts the
            // board back on its known-good default at the end.
            const results = await runOnBoard(config, {
                ...base,
                boardActivity: (what) => {
                    activity = what;
                },
            });
            const status = results.run.status;
            if (status === 'cancelled') {
                process.stderr.write(`${PROGRAM} run: cancelled while ${activity}; ${results.samples.length} samples kept in ${join(outDir, 'results.json')}\n`);
                return EXIT.cancelled;
            }
            return status === 'complete' ? EXIT.ok : EXIT.partial;
        }
        catch (err) {
            if (controller.signal.aborted || err instanceof BoardCancelledError) {
                const why = err instanceof BoardCancelledError ? err.message : `cancelled while ${activity}`;
                process.stderr.write(`${PROGRAM} run: ${why}\n`);
                return EXIT.cancelled;
            }
            throw err;
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    },
};

/**
 * The CLI's entry: `arm-virt-bench <command> [options]`. Each command lives in
 * src/cli/<name>.ts with its option table (spec.ts), from which its parser and its `--help`
 * are made; `invoke` (command.ts) gives every command the same error prefix and exit statuses.
 */
const COMMANDS = [run, probe, compare, report, parse];
function topUsage() {
    const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
    return [
        `${PROGRAM} ${TOOL_VERSION} — the overhead of virtualization (Xen Dom0/DomU, KVM, Docker) on ARM boards`,
        '',
        `Usage: ${PROGRAM} <command> [options]`,
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.brief}`),
        '',
        'Synopsis:',
        ...COMMANDS.map((c) => `  ${synopsis(PROGRAM, c.spec)}`),
        '',
        `'${PROGRAM} <command> --help' shows a command's options. '${PROGRAM} --version' prints the version.`,
        'Exit status: 0 done, 1 partial (something was not measured), 2 usage or configuration error, 3 regression (compare --fail-on-regression), 130 cancelled.',
        '',
    ].join('\n');
}
async function runCli(argv) {
    const [name, ...rest] = argv;
    if (name === '--version' || name === '-V') {
        process.stdout.write(`${TOOL_VERSION}\n`);
        return EXIT.ok;
    }
    if (name === '--help' || name === '-h') {
        process.stdout.write(topUsage());
        return EXIT.ok;
    }
    if (name === 'help') {
        const target = COMMANDS.find((c) => c.spec.name === rest[0]);
        if (rest[0] !== undefined && !target) {
            process.stderr.write(`${PROGRAM}: no command '${rest[0]}' (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')})\n`);
            return EXIT.usage;
        }
        return target ? invoke(target, ['--help']) : (process.stdout.write(topUsage()), EXIT.ok);
    }
    if (name === undefined) {
        process.stderr.write(`${PROGRAM}: a command is needed\n\n${topUsage()}`);
        return EXIT.usage;
    }
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (!command) {
        process.stderr.write(`${PROGRAM}: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}); '${PROGRAM} --help' lists them\n`);
        return EXIT.usage;
    }
    return invoke(command, rest);
}

/**
 * The CLI: the same engine as the action, no GitHub. Each subcommand lives in
 * src/cli/<name>.ts and returns its exit code.
 */
process.exitCode = await runCli(process.argv.slice(2));

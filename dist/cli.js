#!/usr/bin/env node
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { _ as _enum, S as SuiteId, P as PRESET_NAMES, l as loadConfigFile, a as SshTransport, s as sshHostFromConfig } from './chunks/load-BZsTr58T.js';
import { N as NetperfTest, p as parsers, P as ParseError, L as LocalTransport, r as runBench, l as lineReporter, a as readResultsFile, b as analyze, c as renderMarkdown, d as renderCsv, e as renderHtml, w as writeReports, T as TOOL_VERSION } from './chunks/run-B1RTBCw_.js';
import { localDefaultConfig } from './chunks/local-default-CwYznaMh.js';
import { withBoard } from './chunks/controller-ieDi6Y_5.js';
import { join, dirname } from 'node:path';
import 'node:crypto';
import 'process';
import 'buffer';
import 'node:fs';
import 'node:net';
import 'node:os';
import 'node:child_process';
import 'node:string_decoder';
import 'node:timers/promises';
import 'node:dgram';
import './chunks/kvm-log-DapdNBjv.js';
import 'node:url';

const Ipc = _enum(['socket', 'pipe', 'inet']);
/** `parse --suite S FILE`: JSON on stdout; exit 1 with a one-line reason when no result. */
async function parseCommand(args) {
    const { values, positionals } = parseArgs({
        args,
        options: { suite: { type: 'string' }, ipc: { type: 'string' }, test: { type: 'string' } },
        allowPositionals: true,
        strict: true,
    });
    const suite = SuiteId.safeParse(values.suite);
    if (!suite.success) {
        process.stderr.write(`parse: --suite must be one of ${SuiteId.options.join(', ')}\n`);
        return 2;
    }
    if (positionals.length !== 1) {
        process.stderr.write('parse: exactly one FILE is needed\n');
        return 2;
    }
    // Hints for what a log cannot say: hackbench's socket/pipe/inet, netperf's test in -P 0 rows.
    const hints = {};
    if (values.ipc !== undefined) {
        const ipc = Ipc.safeParse(values.ipc);
        if (!ipc.success) {
            process.stderr.write(`parse: --ipc must be one of ${Ipc.options.join(', ')}\n`);
            return 2;
        }
        hints.ipc = ipc.data;
    }
    if (values.test !== undefined) {
        const test = NetperfTest.safeParse(values.test.toUpperCase());
        if (!test.success) {
            process.stderr.write(`parse: --test must be one of ${NetperfTest.options.join(', ')}\n`);
            return 2;
        }
        hints.test = test.data;
    }
    const file = positionals[0];
    const text = await readFile(file, 'latin1');
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
        return 0;
    }
    catch (err) {
        if (err instanceof ParseError) {
            process.stderr.write(`${file}: ${err.message.replace(/\s+/g, ' ')}\n`);
            return 1;
        }
        throw err;
    }
}

/**
 * `run [--config FILE] [--env LIST] [--preset quick|paper|test] [--out DIR]`:
 * DIR/results.json, DIR/logs/, DIR/report.md, DIR/report.html. Without --config, the
 * embedded default for the local machine. Progress on stderr, one line per cell.
 * SIGINT/SIGTERM cancel: the cell in flight is killed, teardown runs, results say cancelled.
 */
async function runCommand(args) {
    const { values } = parseArgs({
        args,
        options: {
            config: { type: 'string' },
            env: { type: 'string' },
            preset: { type: 'string' },
            out: { type: 'string', default: 'out' },
        },
        strict: true,
        allowPositionals: false,
    });
    const reporter = lineReporter((t) => process.stderr.write(t));
    if (values.preset !== undefined && !PRESET_NAMES.includes(values.preset)) {
        process.stderr.write(`run: --preset must be one of ${PRESET_NAMES.join(', ')}\n`);
        return 2;
    }
    const envs = values.env
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    let config;
    if (values.config !== undefined) {
        config = await loadConfigFile(values.config);
    }
    else {
        const local = new LocalTransport();
        const d = await localDefaultConfig(local, envs ? { only: envs } : {});
        reporter.info('no --config: using the embedded default for this machine');
        for (const s of d.skipped)
            reporter.info(`skipped ${s.env}: ${s.reason}`);
        for (const n of d.notes)
            reporter.info(n);
        config = d.config;
    }
    const controller = new AbortController();
    const onSignal = (sig) => {
        if (controller.signal.aborted)
            return;
        process.stderr.write(`\n${sig}: cancelling — stopping the cell in flight, tearing down, keeping what was measured\n`);
        controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const base = {
            envs,
            preset: values.preset,
            outDir: values.out,
            signal: controller.signal,
            reporter,
            gitSha: process.env.GITHUB_SHA,
        };
        const connection = config.board.connection;
        // With a switch strategy, board control owns the connection (replaced after each
        // reboot), switches modes, and puts the board back in its default mode at the end.
        const results = config.board.switch && connection.type === 'ssh'
            ? await withBoard({
                config: config.board,
                connect: () => new SshTransport(sshHostFromConfig(connection)),
                controller: new LocalTransport(),
                logDir: join(values.out, 'logs', 'board'),
                log: (line) => reporter.info(line),
                signal: controller.signal,
            }, (board) => runBench(config, {
                ...base,
                board: () => board.transport(),
                switchBootMode: async (mode) => {
                    await board.switchBootMode(mode);
                },
                restoreBootMode: false,
            }))
            : await runBench(config, base);
        const status = results.run.status;
        if (status === 'cancelled')
            return 130;
        return status === 'complete' ? 0 : 1;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}

/**
 * `compare --baseline A.json --current B.json [--out DIR]`: verdicts as JSON + Markdown.
 * Without --out the Markdown goes to stdout. With --out: DIR/verdicts.json (the Analysis),
 * DIR/compare.md (job summary), DIR/comment.md (PR comment), DIR/compare.html, DIR/compare.csv.
 * Exit 0; 3 when --fail-on-regression is given and there is a regression; 1 on bad input.
 */
const ANALYSIS_FLAGS = {
    'min-effect': { type: 'string' },
    alpha: { type: 'string' },
    correction: { type: 'string' },
    'max-cv': { type: 'string' },
    'host-env': { type: 'string' },
    'expect-change': { type: 'string', multiple: true },
};
function fraction(name, v) {
    if (v === undefined)
        return undefined;
    const pct = v.endsWith('%');
    const n = Number(pct ? v.slice(0, -1) : v);
    if (!Number.isFinite(n))
        throw new Error(`--${name}: not a number: '${v}'`);
    return pct ? n / 100 : n;
}
/** Analysis options from the shared flags (errors name the flag). */
function analysisOptions(values) {
    const correction = values['correction'];
    if (correction !== undefined && correction !== 'holm' && correction !== 'bh') {
        throw new Error(`--correction must be holm or bh (got '${String(correction)}')`);
    }
    const opts = {};
    const minEffect = fraction('min-effect', values['min-effect']);
    const alpha = fraction('alpha', values['alpha']);
    const maxCv = fraction('max-cv', values['max-cv']);
    if (minEffect !== undefined)
        opts.minEffect = minEffect;
    if (alpha !== undefined)
        opts.alpha = alpha;
    if (maxCv !== undefined)
        opts.maxCv = maxCv;
    if (correction !== undefined)
        opts.correction = correction;
    if (typeof values['host-env'] === 'string')
        opts.hostEnv = values['host-env'];
    if (Array.isArray(values['expect-change']))
        opts.expectChanges = values['expect-change'];
    return opts;
}
async function compareCommand(args) {
    const { values, positionals } = parseArgs({
        args,
        options: {
            baseline: { type: 'string' },
            current: { type: 'string' },
            out: { type: 'string' },
            'fail-on-regression': { type: 'boolean' },
            ...ANALYSIS_FLAGS,
        },
        allowPositionals: false,
        strict: true,
    });
    if (!values.baseline || !values.current) {
        process.stderr.write('compare: --baseline A.json and --current B.json are both needed\n');
        return 2;
    }
    const [baseline, current] = await Promise.all([
        readResultsFile(values.baseline),
        readResultsFile(values.current),
    ]);
    const analysis = analyze(current, { ...analysisOptions(values), baseline });
    const summary = renderMarkdown(analysis, { flavor: 'summary' });
    if (values.out) {
        await mkdir(values.out, { recursive: true });
        const files = {
            'verdicts.json': `${JSON.stringify(analysis, null, 2)}\n`,
            'compare.md': summary,
            'comment.md': renderMarkdown(analysis, { flavor: 'comment' }),
            'compare.html': renderHtml(analysis),
            'compare.csv': renderCsv(analysis),
        };
        await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(values.out, name), text)));
        const h = analysis.headline;
        process.stdout.write(`${h.status}: ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s), ${h.tests} tests\n` +
            Object.keys(files)
                .map((f) => `${join(values.out, f)}\n`)
                .join(''));
    }
    else {
        process.stdout.write(summary);
    }
    return values['fail-on-regression'] && analysis.headline.status === 'regression' ? 3 : 0;
}

/**
 * `report RESULTS.json [--out DIR] [--baseline A.json]`: report.md, report.html, report.csv
 * and analysis.json in DIR (default: next to RESULTS.json).
 */
async function reportCommand(args) {
    const { values, positionals } = parseArgs({
        args,
        options: {
            out: { type: 'string' },
            baseline: { type: 'string' },
            title: { type: 'string' },
            ...ANALYSIS_FLAGS,
        },
        allowPositionals: true,
        strict: true,
    });
    if (positionals.length !== 1) {
        process.stderr.write('report: exactly one RESULTS.json is needed\n');
        return 2;
    }
    const file = positionals[0];
    const results = await readResultsFile(file);
    const baseline = values.baseline ? await readResultsFile(values.baseline) : undefined;
    const out = await writeReports(results, values.out ?? dirname(file), {
        ...analysisOptions(values),
        ...(baseline ? { baseline } : {}),
        ...(values.title ? { title: values.title } : {}),
    });
    process.stdout.write(`${out.markdownPath}\n${out.htmlPath}\n${out.csvPath}\n${out.analysisPath}\n`);
    return 0;
}

const USAGE = `arm-virt-bench ${TOOL_VERSION} — virtualization overhead on ARM boards

Usage:
  arm-virt-bench parse --suite <hackbench|unixbench|iozone|netperf> [--ipc socket|pipe|inet] [--test NETPERF_TEST] FILE
  arm-virt-bench run [--config FILE] [--env LIST] [--preset quick|paper] [--out DIR]
  arm-virt-bench compare --baseline A.json --current B.json [--out DIR]
  arm-virt-bench report RESULTS.json [--out DIR]
`;
const commands = {
    parse: parseCommand,
    run: runCommand,
    compare: compareCommand,
    report: reportCommand,
};
async function runCli(argv) {
    const [name, ...rest] = argv;
    if (name === '--version' || name === '-V') {
        process.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(USAGE);
        return name === undefined ? 2 : 0;
    }
    const command = commands[name];
    if (!command) {
        process.stderr.write(`arm-virt-bench: unknown command '${name}'\n${USAGE}`);
        return 2;
    }
    try {
        return await command(rest);
    }
    catch (err) {
        process.stderr.write(`arm-virt-bench ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
    }
}

/**
 * The CLI: the same engine as the action, no GitHub. Each subcommand lives in
 * src/cli/<name>.ts and returns its exit code.
 */
process.exitCode = await runCli(process.argv.slice(2));

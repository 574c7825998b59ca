import { createHash, randomBytes } from 'node:crypto';
import { readFile, mkdir, writeFile, stat, rename, cp, rm, mkdtemp, readdir } from 'node:fs/promises';
import { join, dirname, relative, sep } from 'node:path';
import { R as Results, _ as _enum, o as object, r as runProcess, m as minimalEnv, s as sshHostFromConfig, a as SshTransport, j as CONTAINER_LABEL, k as TAP_DOWN_SCRIPT, q as RUN_LABEL_VAR, t as parseProcNetDev, I as IFACE_STAT_SCRIPT, v as parseIfaceStat, B as BLOCK_STAT_SCRIPT, w as parseBlockProbe, x as NETDEV_SCRIPT, y as IOZONE_TESTS, h as defaultTreePath, z as noSourceHint, A as missingBuildTools, E as routeVia, F as parseScratchProbe, G as isRamFs, H as ROUTE_PROBE_SCRIPT, J as SCRATCH_PROBE_SCRIPT, K as unixbenchGitUrl, U as UNIXBENCH_COMMIT, D as DEFAULT_CACHE, L as shortCommit, M as resolveSuites, O as SUITES, Q as resolveResources, V as factoryFor, W as PRESETS, X as configDigest, Y as roundPolicyFor, Z as RESULTS_SCHEMA_ID, $ as peerSpec, a0 as setRunLabel, c as collectFingerprint, b as bootModeOf, i as isConfigFailure, a1 as boardIo } from './source-BOQ60Nqm.js';
import { createReadStream, readFileSync, existsSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { createSocket } from 'node:dgram';

/** The tool version written into results.json (kept in step with package.json by test/unit/version.test.ts). */
const TOOL_VERSION = '0.1.0';

/** Board-control failures. Each names the log files that tell the whole story. */
class BoardError extends Error {
    logs;
    name = 'BoardError';
    constructor(message, 
    /** Logs kept for this failure (board.log, probes, console, power-cycle output). */
    logs = []) {
        super(logs.length > 0 ? `${message} (logs: ${logs.join(', ')})` : message);
        this.logs = logs;
    }
}
/** The board did not answer SSH within the boot timeout, power-cycles included. */
class BoardUnreachableError extends BoardError {
    name = 'BoardUnreachableError';
}
/** The board came back, but not in the mode that was asked for. */
class BootSwitchError extends BoardError {
    name = 'BootSwitchError';
}
/**
 * The board answered, but refused us in a way no wait or power-cycle can fix: its host key
 * does not match known_hosts, or it does not accept our key. A configuration error (the CLI
 * exits 2); the message ends with the transport's own reason.
 */
class BoardConfigError extends BoardError {
    name = 'BoardConfigError';
}
/** The BoardConfigError for a refused connection: what is wrong, then the transport's reason. */
function refusal(board, e) {
    const what = e.failure === 'host-key'
        ? 'its host key is not the one in knownHosts'
        : 'it does not accept the configured key (identityFile/identityEnv)';
    return new BoardConfigError(`board ${board} answers but refuses the connection: ${what}; neither waiting nor a power-cycle can fix that. ${e.message}`);
}
/** The run was cancelled while board control waited (the message says for what). */
class BoardCancelledError extends BoardError {
    name = 'BoardCancelledError';
}

/**
 * A run that cannot start as asked: nothing to measure, an unknown environment, a plan over
 * the cap. Thrown before anything runs (no output folder, no board contact); the CLI exits 2
 * with the message, the action fails the step with it.
 */
class PlanError extends Error {
    name = 'PlanError';
}

class DeployError extends Error {
    details;
    name = 'DeployError';
    /** The failure kind recorded in results.json. */
    kind = 'deploy';
    constructor(message, details = {}) {
        super(message);
        this.details = details;
    }
}
/** A trial boot of the under-test slot did not come up: the board fell back (or is gone). */
class DidNotBootError extends DeployError {
    stage;
    fellBack;
    name = 'DidNotBootError';
    constructor(message, stage, fellBack, details = {}) {
        super(message, details);
        this.stage = stage;
        this.fellBack = fellBack;
    }
}
/** A workspace file named by the deploy section is missing or unreadable (nothing touched the board). */
class DeployInputError extends Error {
    name = 'DeployInputError';
}
/** The failure kind and log of an error thrown by a boot switch or a deployment ('boot-switch' otherwise). */
function failureOf(err) {
    if (err instanceof DeployError)
        return { kind: err.kind, ...(err.details.logRef ? { log: err.details.logRef } : {}) };
    return { kind: 'boot-switch' };
}

/**
 * Student's t distribution: CDF and quantile. Two functions do not justify a dependency
 * (the candidates ship no types or pull a whole matrix library); the regularised incomplete
 * beta below is the classic continued fraction (Lentz), checked against R's pt/qt in
 * test/unit/analysis/distributions.test.ts.
 */
function logGamma(x) {
    // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.6150291621406,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    const z = x - 1;
    let a = c[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += c[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function betaContinuedFraction(a, b, x) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 300; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-15)
            break;
    }
    return h;
}
/** Regularised incomplete beta I_x(a, b). */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
    if (x < (a + 1) / (a + b + 2))
        return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
    return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}
/** P(T <= t) for Student's t with `df` degrees of freedom (df may be fractional: Welch). */
function tCdf(t, df) {
    if (!(df > 0))
        throw new RangeError(`t distribution needs df > 0 (got ${df})`);
    if (t === Infinity)
        return 1;
    if (t === -Infinity)
        return 0;
    const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
}
/** Two-sided p-value of a t statistic. */
function tTwoSidedP(t, df) {
    if (Number.isNaN(t))
        return 1;
    const abs = Math.abs(t);
    if (abs === Infinity)
        return 0;
    return incompleteBeta(df / (df + abs * abs), df / 2, 0.5);
}
function tPdf(t, df) {
    return (Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - ((df + 1) / 2) * Math.log1p((t * t) / df)) /
        Math.sqrt(df * Math.PI));
}
/**
 * The t quantile: the t with P(T <= t) = p. Start from the Cornish-Fisher expansion around
 * the normal quantile, then Newton steps on the CDF (bisection as a safety net).
 */
function tQuantile(p, df) {
    if (!(p > 0 && p < 1))
        throw new RangeError(`quantile needs 0 < p < 1 (got ${p})`);
    if (p === 0.5)
        return 0;
    if (p < 0.5)
        return -tQuantile(1 - p, df);
    const z = probit(p);
    const z3 = z ** 3;
    const z5 = z ** 5;
    let t = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
    for (let i = 0; i < 50; i++) {
        const step = (tCdf(t, df) - p) / tPdf(t, df);
        if (!Number.isFinite(step))
            break;
        const next = t - step;
        if (next <= 0)
            break;
        t = next;
        if (Math.abs(step) < 1e-12 * Math.max(1, t))
            return t;
    }
    // Newton did not settle (tiny df): bisection.
    let lo = 0;
    let hi = 1;
    while (tCdf(hi, df) < p)
        hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
        const mid = (lo + hi) / 2;
        if (tCdf(mid, df) < p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}
/** Standard normal quantile (Acklam's rational approximation, refined by one Halley step). */
function probit(p) {
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const pl = 0.02425;
    let x;
    if (p < pl) {
        const q = Math.sqrt(-2 * Math.log(p));
        x =
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    else if (p <= 1 - pl) {
        const q = p - 0.5;
        const r = q * q;
        x =
            ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    else {
        const q = Math.sqrt(-2 * Math.log(1 - p));
        x =
            -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    return x;
}
const quantileCache = new Map();
/** Cached two-sided critical value t_{1-alpha/2, df} (df rounded to 1e-6: Welch df repeats). */
function tCritical(alpha, df) {
    const key = `${alpha}:${Math.round(df * 1e6)}`;
    let v = quantileCache.get(key);
    if (v === undefined) {
        v = tQuantile(1 - alpha / 2, df);
        if (quantileCache.size > 10_000)
            quantileCache.clear();
        quantileCache.set(key, v);
    }
    return v;
}

/**
 * The per-cell test: Welch's t on log values (a contrast of group means of logs).
 *
 * Why not Mann-Whitney U: with exact p its smallest attainable two-sided p is 2/C(2n, n)
 * (n = 5: 0.0079; n = 10: 1.1e-5). After a family-wise correction over hundreds of cells
 * (Holm's first threshold is alpha/m: 0.05/750 = 6.7e-5) a quick preset with n = 5 could never
 * flag anything, and n = 10 only barely. Welch on logs keeps power at small n, does not assume
 * equal variances (an environment change often changes the noise too), and works on the scale
 * that matters: a difference of log means is a ratio of geometric means, i.e. "5% slower".
 * Benchmark values are positive and roughly log-normal (times, rates). Outlier sensitivity is
 * handled by the `erratic` verdict (CV above a limit) instead of by rank statistics.
 *
 * The same contrast with four groups tests an overhead change:
 * (log env_cur − log host_cur) − (log env_base − log host_base), Welch-Satterthwaite df.
 *
 * Unequal runs (a current run with adaptive extra rounds against a baseline without): Welch's
 * approximation is then too liberal in the far tail a corrected report tests in — measured
 * (bench/analysis-power.bench.ts, `welch` table): with 10 runs against 3 at equal noise,
 * P(p < 10⁻⁴) = 7.6·10⁻⁴, because the small side's variance is the one estimated worst and a
 * chance low estimate both shrinks the standard error and raises the degrees of freedom. So a
 * group with fewer runs than its partner (the same cell on the other side) uses the larger of
 * the two variances (with the degrees of freedom of the one it uses), and the degrees of
 * freedom are capped at what the groups that kept their own variance can give (Σ (n − 1)).
 * With equal noise and two groups the test is then never more liberal than the exact t-test
 * that uses the larger side's variance for both (t with n_large − 1 df): when that variance is
 * the larger it is that test, otherwise its statistic is smaller and its critical value larger.
 * With equal runs nothing changes.
 */
function logMoments(values) {
    const n = values.length;
    let s = 0;
    for (const v of values)
        s += Math.log(v);
    const mean = s / n;
    let ss = 0;
    for (const v of values) {
        const d = Math.log(v) - mean;
        ss += d * d;
    }
    return { mean, variance: n > 1 ? ss / (n - 1) : 0, n };
}
/** Welch-Satterthwaite test of a ± contrast of log means. Every group needs n ≥ 2 and values > 0. */
function logContrast(groups, alpha) {
    const moments = groups.map((g) => {
        if (g.values.length < 2)
            throw new RangeError('each group needs at least 2 values');
        return logMoments(g.values);
    });
    let estimate = 0;
    let se2 = 0;
    let dfDen = 0;
    let dfCap = 0;
    groups.forEach((g, i) => {
        const m = moments[i];
        const partner = g.partner !== undefined ? moments[g.partner] : undefined;
        const floored = partner !== undefined && m.n < partner.n;
        // A borrowed variance brings its own degrees of freedom (the partner's n − 1).
        const borrowed = floored && partner.variance > m.variance;
        const variance = borrowed ? partner.variance : m.variance;
        if (!floored)
            dfCap += m.n - 1;
        estimate += g.sign * m.mean;
        const w = (g.sign * g.sign * variance) / m.n;
        se2 += w;
        dfDen += (w * w) / ((borrowed ? partner.n : m.n) - 1);
    });
    if (se2 === 0) {
        // Every group is constant: the difference is exact.
        return { estimate, low: estimate, high: estimate, p: estimate === 0 ? 1 : 0, se: 0, df: Infinity };
    }
    const se = Math.sqrt(se2);
    const df = Math.min((se2 * se2) / dfDen, dfCap);
    const t = estimate / se;
    const p = tTwoSidedP(t, df);
    const half = tCritical(alpha, df) * se;
    return { estimate, low: estimate - half, high: estimate + half, p, se, df };
}
/** Log contrast → direction-aware relative degradation (> 0 worse), as the paper's overhead. */
function degradationFromLog(logRatio, better) {
    return better === 'lower' ? Math.expm1(logRatio) : -Math.expm1(logRatio);
}

const orient = (better) => (better === 'lower' ? 1 : -1);
/**
 * Metrics that restate another metric of the same run: UnixBench's index values are its scores
 * divided by a fixed baseline (and their geometric mean). An aggregate counts each run once, by
 * its score; the index cells are still shown and tested on their own.
 */
function restatesAnotherMetric(metric) {
    return metric === 'unixbench.index' || metric.startsWith('unixbench.index.');
}
function meanLog(values) {
    let s = 0;
    for (const v of values)
        s += Math.log(v);
    return s / values.length;
}
/** G and its round-clustered variance for one side. Every cell needs values > 0 on both sides. */
function clusteredMean(pairs) {
    const k = pairs.length;
    const u = new Map();
    let estimate = 0;
    for (const { env, host } of pairs) {
        const o = orient(env.better);
        const me = meanLog(env.values);
        const mh = meanLog(host.values);
        estimate += (o * (me - mh)) / k;
        env.values.forEach((v, i) => {
            const r = env.rounds[i];
            u.set(r, (u.get(r) ?? 0) + (o * (Math.log(v) - me)) / (k * env.values.length));
        });
        host.values.forEach((v, i) => {
            const r = host.rounds[i];
            u.set(r, (u.get(r) ?? 0) - (o * (Math.log(v) - mh)) / (k * host.values.length));
        });
    }
    const c = u.size;
    let ss = 0;
    for (const x of u.values())
        ss += x * x;
    return { estimate, variance: c > 1 ? (c / (c - 1)) * ss : NaN, rounds: c, cells: k };
}
/** The suite's direction for reporting: the cells' common one, or lower-is-better when mixed. */
function suiteBetter(pairs) {
    const first = pairs[0]?.env.better ?? 'lower';
    return pairs.every((p) => p.env.better === first) ? first : 'lower';
}
/** The oriented log G as the paper's overhead of the geometric-mean ratio. */
function overheadOfLog(g, better) {
    // better = lower: ratio env/host = e^G, overhead = ratio − 1; higher: ratio = e^−G, overhead = 1 − ratio.
    return better === 'lower' ? Math.expm1(g) : -Math.expm1(-g);
}
/** The per-cell model's variance of one side's G: (1/K²) Σ_c (s²_env/n_env + s²_host/n_host). */
function modelVariance(pairs) {
    const k = pairs.length;
    let v = 0;
    for (const { env, host } of pairs)
        v += logVariance(env.values) / env.values.length + logVariance(host.values) / host.values.length;
    return v / (k * k);
}
function logVariance(values) {
    const n = values.length;
    if (n < 2)
        return 0;
    const m = meanLog(values);
    let ss = 0;
    for (const v of values)
        ss += (Math.log(v) - m) ** 2;
    return ss / (n - 1);
}
function designEffect(parts) {
    let cl = 0;
    let model = 0;
    let df = 0;
    for (const p of parts) {
        if (!(p.clustered.rounds > 1) || !Number.isFinite(p.clustered.variance) || !(p.model > 0))
            continue;
        cl += p.clustered.variance;
        model += p.model;
        df += p.clustered.rounds - 1;
    }
    return { phi: model > 0 ? cl / model : 1, df };
}
/**
 * The aggregate's change: the Welch contrast of every cell's four groups (env and host, current
 * and baseline), each weighted ±1/K, inflated by the design effect when φ > 1.
 */
function aggregateContrast(cur, base, effect, alpha) {
    const k = cur.length;
    const groups = [];
    cur.forEach((c, i) => {
        const b = base[i];
        const o = orient(c.env.better) / k;
        const at = groups.length;
        groups.push({ values: c.env.values, sign: o, partner: at + 2 }, { values: c.host.values, sign: -o, partner: at + 3 }, { values: b.env.values, sign: -o, partner: at }, { values: b.host.values, sign: o, partner: at + 1 });
    });
    const r = logContrast(groups, alpha);
    if (!(effect.phi > 1) || r.se === 0)
        return { estimate: r.estimate, low: r.low, high: r.high, p: r.p, se: r.se, df: r.df };
    const se = r.se * Math.sqrt(effect.phi);
    const df = Math.max(1, Math.min(r.df, effect.df));
    const half = tCritical(alpha, df) * se;
    return {
        estimate: r.estimate,
        low: r.estimate - half,
        high: r.estimate + half,
        p: tTwoSidedP(r.estimate / se, df),
        se,
        df,
    };
}
/**
 * The interval of one run's aggregate overhead: the model's variance inflated by the design
 * effect (as the test), t with the model's Satterthwaite df (capped by φ's when φ > 1).
 */
function aggregateInterval(pairs, m, effect, better, confidence) {
    const overhead = overheadOfLog(m.estimate, better);
    const groups = pairs.flatMap(({ env, host }) => [
        { values: env.values, sign: 1 / pairs.length },
        { values: host.values, sign: -1 / pairs.length },
    ]);
    if (groups.some((g) => g.values.length < 2))
        return { overhead, low: null, high: null };
    const r = logContrast(groups, 1 - confidence);
    const inflate = effect.phi > 1 ? Math.sqrt(effect.phi) : 1;
    const df = effect.phi > 1 ? Math.max(1, Math.min(r.df, effect.df)) : r.df;
    if (!Number.isFinite(df) || r.se === 0)
        return { overhead, low: overhead, high: overhead };
    const half = tCritical(1 - confidence, df) * r.se * inflate;
    // overheadOfLog is increasing in G for both directions.
    return {
        overhead,
        low: overheadOfLog(m.estimate - half, better),
        high: overheadOfLog(m.estimate + half, better),
    };
}
const SUITE_LABELS = {
    hackbench: 'hackbench',
    unixbench: 'UnixBench',
    iozone: 'IOzone',
    netperf: 'netperf',
};

const KIND_LABELS = {
    host: 'Host',
    kvm: 'KVM',
    docker: 'Docker',
    'xen-dom0': 'Xen Dom0',
    'xen-domu': 'Xen DomU',
};
/** The paper's name when the id is the kind itself, otherwise the user's id. */
function envLabel(id, kind) {
    if (kind && id === kind)
        return KIND_LABELS[kind];
    if (KIND_LABELS[id])
        return KIND_LABELS[id];
    return id;
}
/** Canonical params key: sorted `k=v` joined by `,` (order of the object never matters). */
function paramsKey(params) {
    return Object.keys(params)
        .sort()
        .map((k) => `${k}=${String(params[k])}`)
        .join(',');
}
function metricKeyOf(metric, params) {
    return `${metric}|${paramsKey(params)}`;
}
function kb(v) {
    const n = Number(v);
    if (!Number.isFinite(n))
        return String(v);
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / (1024 * 1024)} GB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} MB`;
    return `${n} KB`;
}
/** "hackbench 40 tasks (process, socket)", "TCP_RR 1/1 B", "IOzone read 1 MB/4 KB", "UnixBench dhry2reg". */
function metricLabel(metric, params) {
    const parts = metric.split('.');
    const suite = parts[0];
    if (suite === 'hackbench') {
        const mode = [params['mode'], params['ipc']].filter((x) => x !== undefined).join(', ');
        const tasks = params['tasks'] ?? (params['groups'] !== undefined ? `${params['groups']} groups` : undefined);
        return `hackbench ${tasks !== undefined ? `${tasks} tasks` : ''}${mode ? ` (${mode})` : ''}`
            .replace(/\s+/g, ' ')
            .trim();
    }
    if (suite === 'netperf') {
        const test = (parts[1] ?? '').toUpperCase();
        if (params['message_bytes'] !== undefined)
            return `${test} ${params['message_bytes']} B`;
        if (params['request_bytes'] !== undefined || params['response_bytes'] !== undefined) {
            return `${test} ${params['request_bytes'] ?? '?'}/${params['response_bytes'] ?? '?'} B`;
        }
        return test;
    }
    if (suite === 'iozone') {
        const op = parts.slice(1).join(' ');
        const sizes = params['file_kb'] !== undefined
            ? ` ${kb(params['file_kb'])}${params['reclen_kb'] !== undefined ? `/${kb(params['reclen_kb'])} rec` : ''}`
            : '';
        const threads = params['threads'] !== undefined ? ` ${params['threads']} thr` : '';
        return `IOzone ${op}${sizes}${threads}`;
    }
    if (suite === 'unixbench') {
        const test = parts.slice(1).join(' ');
        const copies = params['copies'];
        // The overall index of a run of some tests only (one cell per test): which tests it
        // covers, or every cell's row would read "UnixBench index".
        const of = metric === 'unixbench.index' && params['tests'] !== undefined
            ? ` (${String(params['tests']).split(/[ ,]+/).join(', ')})`
            : '';
        return `UnixBench ${test}${of}${copies !== undefined && Number(copies) !== 1 ? ` ×${copies}` : ''}`;
    }
    const rest = Object.keys(params).length ? ` ${paramsKey(params)}` : '';
    return `${metric}${rest}`;
}

function cellKey(env, metricKey) {
    return `${env}\u0000${metricKey}`;
}
/** All cells of a results file, keyed by cellKey(); insertion order = first sample order. */
function groupCells(results) {
    const cells = new Map();
    // Samples of one parser share their params' key order: the raw JSON of metric + params
    // maps to the canonical key once, instead of sorting keys for every sample.
    const canonical = new Map();
    for (const s of results.samples) {
        const raw = `${s.metric}${JSON.stringify(s.params)}`;
        let metricKey = canonical.get(raw);
        if (metricKey === undefined) {
            metricKey = metricKeyOf(s.metric, s.params);
            canonical.set(raw, metricKey);
        }
        const key = cellKey(s.env, metricKey);
        let cell = cells.get(key);
        if (!cell) {
            cell = {
                env: s.env,
                suite: s.suite,
                metric: s.metric,
                params: s.params,
                metricKey,
                unit: s.unit,
                better: s.better,
                label: metricLabel(s.metric, s.params),
                values: [],
                rounds: [],
                warnings: 0,
                conflicts: [],
            };
            cells.set(key, cell);
        }
        if (s.unit !== cell.unit || s.better !== cell.better) {
            cell.conflicts.push(`round ${s.round}: ${s.unit}/${s.better} vs ${cell.unit}/${cell.better}`);
            continue;
        }
        cell.values.push(s.value);
        cell.rounds.push(s.round);
        if (s.warnings && s.warnings.length > 0)
            cell.warnings++;
    }
    return cells;
}
/** The cell restricted to rounds below `limit` (the first look of an adaptive run). */
function firstRounds(cell, limit) {
    if (cell.rounds.every((r) => r < limit))
        return cell;
    const keep = cell.rounds.map((r) => r < limit);
    return {
        ...cell,
        values: cell.values.filter((_, i) => keep[i]),
        rounds: cell.rounds.filter((_, i) => keep[i]),
    };
}

/**
 * What a kernel log line says about KVM's start on ARM, read by the board probe (to explain a
 * missing /dev/kvm, to name the mode in its evidence) and by the fingerprint comparison (the
 * mode is a comparable fact, the log lines are not). The phrases are the kernel's own
 * (arch/arm64/kvm/arm.c, arch/arm/kvm before 5.7): "VHE mode initialized successfully",
 * "Protected nVHE mode initialized successfully", "Hyp mode initialized successfully" (nVHE;
 * "Hyp mode (nVHE) …" / "Hyp mode (hVHE) …" since 6.8) and "HYP mode not available".
 */
/** The kernel did not start at EL2/HYP, so KVM cannot run. */
const HYP_UNAVAILABLE = /HYP mode not available|not in hyp mode|EL2 not available/i;
/**
 * "<mode> mode initialized": the leftmost match wins, so "Protected nVHE mode" is read as a
 * whole, never as its "VHE mode" tail.
 */
const MODE_INITIALIZED = /\b(Protected nVHE|nVHE|VHE|Hyp) mode(?: \(([nh])VHE\))? initiali[sz]ed/i;
/** The mode a "<mode> mode initialized" log text announces, as a short fact, or undefined. */
function kvmInitializedMode(text) {
    const m = MODE_INITIALIZED.exec(text);
    if (!m)
        return undefined;
    const mode = m[1].toLowerCase();
    if (mode === 'protected nvhe')
        return 'KVM protected nVHE (pKVM) mode';
    if (mode === 'vhe')
        return 'KVM VHE mode';
    return m[2]?.toLowerCase() === 'h' ? 'KVM hVHE mode' : 'KVM hyp (nVHE) mode';
}
/** What a kernel log text says of KVM's mode: not available, the mode it started in, or undefined. */
function kvmModeOf(text) {
    return HYP_UNAVAILABLE.test(text) ? 'HYP mode not available' : kvmInitializedMode(text);
}

const rule = (key, cls, suite = null) => ({
    key,
    class: cls,
    suite,
});
/** Every compared fact, in report order. Tool versions are added per tool (setup, their suite). */
const FINGERPRINT_RULES = [
    // Changes under test.
    rule('kernel', 'under-test'),
    rule('kernelConfig', 'under-test'),
    rule('hypervisor', 'under-test'),
    rule('hypervisorVersion', 'under-test'),
    rule('xenCapabilities', 'under-test'),
    rule('kvm', 'under-test'),
    rule('qemuVersion', 'under-test'),
    rule('dockerVersion', 'under-test'),
    rule('dockerImage', 'under-test'),
    rule('guestImage', 'under-test'),
    rule('xenPvDrivers', 'under-test'),
    // What the run deployed (src/deploy/provenance.ts): compared role by role, below.
    rule('deployed', 'under-test'),
    // Changes of setup.
    rule('arch', 'setup'),
    rule('cpuModel', 'setup'),
    rule('cpus', 'setup'),
    rule('governor', 'setup'),
    rule('memoryBytes', 'setup'),
    rule('cgroupCpuLimit', 'setup'),
    rule('cgroupMemoryLimit', 'setup'),
    rule('cpusAvailable', 'setup'),
    rule('cpuList', 'setup'),
    rule('memoryLimitBytes', 'setup'),
    rule('scratch', 'setup', 'iozone'),
    rule('netperfPeer', 'setup', 'netperf'),
];
/** The keys compared (kept for callers of the earlier API). */
FINGERPRINT_RULES.map((r) => r.key);
function matches(list, key) {
    return list.some((k) => k === key || key.startsWith(`${k}.`));
}
/** Whether a difference in `key` is compared (true) or makes its cells incomparable (false). */
function isCompared(key, cls, policy) {
    if (key === 'kind')
        return false;
    if (matches(policy.expectSame, key))
        return false;
    if (matches(policy.expectChanges, key))
        return true;
    return cls === 'under-test';
}
const TOOL_SUITES = {
    hackbench: 'hackbench',
    'rt-tests': 'hackbench',
    netperf: 'netperf',
    netserver: 'netperf',
    iozone: 'iozone',
    unixbench: 'unixbench',
    'byte-unixbench': 'unixbench',
};
function suiteOfTool(name) {
    const lower = name.toLowerCase();
    if (TOOL_SUITES[lower])
        return TOOL_SUITES[lower];
    for (const [tool, suite] of Object.entries(TOOL_SUITES))
        if (lower.includes(tool))
            return suite;
    return null;
}
/**
 * The comparable facts of a fingerprint's `kvm` line: whether /dev/kvm exists and, when the
 * kernel log still says so, the mode KVM initialised in. The line itself is not compared: it
 * carries dmesg lines, and the kernel's ring buffer is a window that moves (a busy machine
 * rotates the boot lines out; running guests add lines such as "kvm [812]: Unsupported guest
 * sys_reg access"), so two runs of one setup gave different lines (seen in CI: the second run
 * had lost "Hypervisor detected: KVM"). A fact one side no longer shows is not a change.
 */
function kvmFacts(line) {
    const device = /\/dev\/kvm (present|absent)/.exec(line)?.[0];
    const mode = kvmModeOf(line);
    return { ...(device ? { device } : {}), ...(mode ? { mode } : {}) };
}
/** The two `kvm` lines as facts, or null when no fact both sides show differs. */
function diffKvm(a, b) {
    const fa = kvmFacts(a);
    const fb = kvmFacts(b);
    const differs = (k) => fa[k] !== undefined && fb[k] !== undefined && fa[k] !== fb[k];
    if (!differs('device') && !differs('mode'))
        return null;
    const asText = (f) => [f.device, f.mode].filter(Boolean).join('; ');
    return { baseline: asText(fa), current: asText(fb) };
}
/**
 * Memory read from inside (MemTotal, and the limit it caps) is the RAM less what the kernel and
 * firmware reserve: it moves by pages between boots of one board (seen on the lab board: 4 KiB
 * between two boots of one image) and by the kernel's own size between builds — a deployed
 * kernel must not make its board "another setup". Below this share it is the same memory; a
 * board or guest with other RAM differs by far more.
 */
const MEMORY_TOLERANCE$1 = 0.01;
const MEMORY_KEYS = new Set(['memoryBytes', 'memoryLimitBytes']);
function sameMemory(a, b) {
    if (typeof a !== 'number' || typeof b !== 'number' || a <= 0 || b <= 0)
        return false;
    return Math.abs(a - b) <= MEMORY_TOLERANCE$1 * Math.max(a, b);
}
/** A fact as text; objects with their keys sorted, so key order is never a difference. */
function show(v) {
    if (typeof v === 'string')
        return v;
    return JSON.stringify(v, (_k, x) => x !== null && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
        : x);
}
function diffFingerprints(env, base, cur, policy) {
    const out = [];
    const push = (key, cls, suite, baseline, current) => out.push({ env, key, baseline, current, expected: isCompared(key, cls, policy), class: cls, suite });
    for (const r of FINGERPRINT_RULES) {
        if (r.key === 'deployed')
            continue;
        const a = base[r.key];
        const b = cur[r.key];
        if (a === undefined || b === undefined || a === null || b === null)
            continue;
        if (r.key === 'kvm') {
            const d = diffKvm(show(a), show(b));
            if (d)
                push(r.key, r.class, r.suite, d.baseline, d.current);
        }
        else if (MEMORY_KEYS.has(r.key) && sameMemory(a, b)) {
            continue;
        }
        else if (show(a) !== show(b)) {
            push(r.key, r.class, r.suite, show(a), show(b));
        }
    }
    // The code under test each side deployed, role by role (`deployed.boot.kernel`, …): a side that
    // deployed nothing there ran the board's known-good — unlike other facts, its absence is a value.
    const da = deployedFacts(base);
    const db = deployedFacts(cur);
    if (da || db) {
        for (const k of [...new Set([...Object.keys(da ?? {}), ...Object.keys(db ?? {})])].sort()) {
            const a = da?.[k] ?? 'known-good';
            const b = db?.[k] ?? 'known-good';
            if (a !== b)
                push(`deployed.${k}`, 'under-test', null, a, b);
        }
    }
    const ta = base.toolVersions ?? {};
    const tb = cur.toolVersions ?? {};
    for (const tool of Object.keys(ta).sort()) {
        const a = ta[tool];
        const b = tb[tool];
        if (a === undefined || b === undefined || a === b)
            continue;
        push(`toolVersions.${tool}`, 'setup', suiteOfTool(tool), a, b);
    }
    return out;
}
/** A fingerprint's `deployed` facts without the ones that name the deployment itself (commit, slot id). */
function deployedFacts(fp) {
    const d = fp.deployed;
    if (!d || typeof d !== 'object')
        return undefined;
    const out = {};
    for (const [k, v] of Object.entries(d)) {
        if (k === 'commit' || k === 'slot' || typeof v !== 'string')
            continue;
        out[k] = v;
    }
    return out;
}
/** Differences for every environment present on both sides, plus the board name. */
function diffRuns(baseline, current, policy) {
    const out = [];
    if (baseline.board.name !== current.board.name) {
        out.push({
            env: '*',
            key: 'board',
            baseline: baseline.board.name,
            current: current.board.name,
            expected: isCompared('board', 'setup', policy),
            class: 'setup',
            suite: null,
        });
    }
    const baseEnvs = new Map(baseline.environments.map((e) => [e.id, e]));
    for (const env of current.environments) {
        const b = baseEnvs.get(env.id);
        if (!b)
            continue;
        if (b.kind !== env.kind) {
            out.push({
                env: env.id,
                key: 'kind',
                baseline: b.kind,
                current: env.kind,
                expected: false,
                class: 'setup',
                suite: null,
            });
        }
        out.push(...diffFingerprints(env.id, b.fingerprint, env.fingerprint, policy));
    }
    return out;
}
/** The reason a cell of `env`/`suite` is incomparable, or null. */
function incomparableReason(diffs, env, suite) {
    const hits = diffs.filter((d) => !d.expected && (d.env === env || d.env === '*') && (d.suite === null || d.suite === suite));
    if (hits.length === 0)
        return null;
    return hits.map((d) => `${d.key}: ${d.baseline} → ${d.current}`).join('; ');
}

/**
 * Multiple-comparison adjustments across every compared cell of a report (absolute and
 * overhead tests in one family), so the false-alarm rate is per report, not per cell.
 * Holm (default): family-wise error ≤ alpha under any dependence. Benjamini-Hochberg
 * (option): false discovery rate ≤ alpha for independent or positively dependent tests;
 * more power when many cells really changed. Both return adjusted p-values (compare to alpha).
 */
function benjaminiHochberg(p) {
    const m = p.length;
    const order = p.map((v, i) => i).sort((a, b) => p[b] - p[a]); // descending
    const out = new Array(m);
    let running = 1;
    order.forEach((idx, k) => {
        const rank = m - k; // ascending rank of this p
        const adj = Math.min(1, (m / rank) * p[idx]);
        running = Math.min(running, adj);
        out[idx] = running;
    });
    return out;
}

/**
 * The correction of a report: suite-level aggregates first, cells as the drill-down.
 *
 * `holm` (default): a weighted Holm procedure with recycling — a sequentially rejective
 * graphical procedure (Bretz, Maurer, Brannath & Posch 2009). The family-wise error over
 * every test of the report (aggregates and cells) is at most α under any dependence between
 * the tests, by the sequential rejection principle (Goeman & Solari 2010): for every set R of
 * hypotheses not yet rejected, the local levels α_i(R) sum to at most α (a Bonferroni test of
 * R), and they never shrink as R shrinks. The levels, for R:
 *   - each aggregate still in R:  a = share · α / (aggregates)
 *   - each cell still in R:       F(R) / (cells in R)
 *       + a / (its aggregate's cells in R)          when its aggregate is rejected (drill-down)
 *   where the pool F(R) = (1 − share) · α, plus `a` for every rejected aggregate none of whose
 *   cells is left; and when no cell is left, F(R) is split among the aggregates still in R.
 * A rejected aggregate passes its level to its own cells, so a suite found worse is searched
 * for the cells that moved at a higher level; a rejected cell passes its level to the other
 * cells (Holm). The adjusted p-value of a test is the smallest α at which it is rejected:
 * reject the smallest p_i / w_i(R) in turn, keeping the running maximum (Bretz et al.'s
 * algorithm for adjusted p-values), with w = α_i(R) / α.
 *
 * `bh`: Benjamini-Hochberg inside each level, at share · α (aggregates) and (1 − share) · α
 * (cells), no drill-down; the false-discovery rate of each level is bounded (independent or
 * positively dependent tests), and a report with nothing changed raises an alarm with
 * probability ≤ α, as with Holm.
 */
function hierarchicalAdjust(tests, method, share, alpha) {
    const aggs = tests.flatMap((t, i) => (t.level === 'aggregate' ? [i] : []));
    const cells = tests.flatMap((t, i) => (t.level === 'cell' ? [i] : []));
    // Without aggregates every cell gets the whole α.
    const aggShare = aggs.length > 0 ? (cells.length > 0 ? share : 1) : 0;
    return method === 'bh'
        ? benjaminiHochbergLevels(tests, aggs, cells, aggShare, alpha)
        : weightedHolm(tests, aggs, cells, aggShare, alpha);
}
function benjaminiHochbergLevels(tests, aggs, cells, aggShare, alpha) {
    const adjusted = new Array(tests.length).fill(1);
    const weights = new Array(tests.length).fill(0);
    for (const [members, w] of [
        [aggs, aggShare],
        [cells, 1 - aggShare],
    ]) {
        if (members.length === 0 || w <= 0)
            continue;
        const adj = benjaminiHochberg(members.map((i) => tests[i].p));
        let rejected = 0;
        members.forEach((i, k) => {
            adjusted[i] = Math.min(1, adj[k] / w);
            if (adjusted[i] <= alpha)
                rejected++;
        });
        // The level the next rejection would have needed: (rejected + 1) / m of the level's share.
        const next = (w * Math.min(members.length, rejected + 1)) / members.length;
        for (const i of members)
            weights[i] = next;
    }
    return { adjusted, weights };
}
/** Indices sorted by p (ascending), with a cursor that skips removed ones. */
class Queue {
    p;
    removed;
    order;
    at = 0;
    constructor(members, p, removed) {
        this.p = p;
        this.removed = removed;
        this.order = [...members].sort((a, b) => p(a) - p(b));
    }
    peek(skip) {
        while (this.at < this.order.length && this.removed[this.order[this.at]])
            this.at++;
        if (!skip)
            return this.order[this.at];
        for (let k = this.at; k < this.order.length; k++) {
            const i = this.order[k];
            if (!this.removed[i] && !skip(i))
                return i;
        }
        return undefined;
    }
}
function weightedHolm(tests, aggs, cells, aggShare, alpha) {
    const n = tests.length;
    const adjusted = new Array(n).fill(1);
    const weights = new Array(n).fill(0);
    if (n === 0)
        return { adjusted, weights };
    const p = (i) => tests[i].p;
    const removed = new Uint8Array(n);
    const a = aggs.length > 0 ? aggShare / aggs.length : 0;
    // Children of each aggregate, by p.
    const children = new Map();
    for (const i of cells) {
        const parent = tests[i].parent;
        if (parent !== null && tests[parent]?.level === 'aggregate') {
            let list = children.get(parent);
            if (!list)
                children.set(parent, (list = []));
            list.push(i);
        }
    }
    const childQueues = new Map([...children].map(([k, list]) => [k, new Queue(list, p, removed)]));
    const childLeft = new Map([...children].map(([k, list]) => [k, list.length]));
    const released = new Set(); // rejected aggregates whose cells inherit their level
    const aggQueue = new Queue(aggs, p, removed);
    const cellQueue = new Queue(cells, p, removed);
    let aggsLeft = aggs.length;
    let cellsLeft = cells.length;
    let pool = 1 - aggShare;
    const releasedParentOf = (i) => {
        const parent = tests[i].parent;
        return parent !== null && released.has(parent) ? parent : null;
    };
    const cellWeight = (i) => {
        const parent = releasedParentOf(i);
        return pool / cellsLeft + (parent !== null ? a / childLeft.get(parent) : 0);
    };
    const aggWeight = () => a + (cellsLeft === 0 ? pool / aggsLeft : 0);
    let running = 0;
    let stoppedAt = null; // the running max passed alpha: weights frozen there
    const snapshot = () => {
        for (const i of aggs)
            if (!removed[i])
                weights[i] = aggWeight();
        for (const i of cells)
            if (!removed[i])
                weights[i] = cellWeight(i);
    };
    for (let step = 0; step < n; step++) {
        // The candidate with the smallest p / w: the best aggregate, the best plain cell, and the
        // best cell of every released aggregate (their weights differ from the plain cells').
        let best = -1;
        let bestRatio = Infinity;
        let bestWeight = 0;
        const consider = (i, w) => {
            if (i === undefined || !(w > 0))
                return;
            const r = p(i) / w;
            if (r < bestRatio || best < 0) {
                bestRatio = r;
                best = i;
                bestWeight = w;
            }
        };
        if (aggsLeft > 0)
            consider(aggQueue.peek(), aggWeight());
        if (cellsLeft > 0) {
            consider(cellQueue.peek((i) => releasedParentOf(i) !== null), pool / cellsLeft);
            for (const parent of released) {
                if (childLeft.get(parent) > 0) {
                    const i = childQueues.get(parent).peek();
                    if (i !== undefined)
                        consider(i, cellWeight(i));
                }
            }
        }
        if (best < 0)
            break;
        const next = Math.max(running, Math.min(1, bestRatio));
        if (stoppedAt === null && next > alpha) {
            stoppedAt = step;
            snapshot();
        }
        running = next;
        adjusted[best] = running;
        if (stoppedAt === null)
            weights[best] = bestWeight; // rejected at alpha, at this level
        if (running >= 1)
            break; // everything left adjusts to 1
        removed[best] = 1;
        if (tests[best].level === 'aggregate') {
            aggsLeft--;
            if ((childLeft.get(best) ?? 0) > 0)
                released.add(best);
            else
                pool += a;
        }
        else {
            cellsLeft--;
            const parent = tests[best].parent;
            if (parent !== null && childLeft.has(parent)) {
                const left = childLeft.get(parent) - 1;
                childLeft.set(parent, left);
                // The last cell of a released aggregate gives its inherited level back to the pool.
                if (left === 0 && released.has(parent)) {
                    released.delete(parent);
                    pool += a;
                }
            }
        }
    }
    if (stoppedAt === null)
        snapshot();
    return { adjusted, weights };
}

function pct(x, digits = 1) {
    return `${(x * 100).toFixed(digits)}%`;
}
function kindOf(results, env) {
    return results.environments.find((e) => e.id === env)?.kind;
}
/**
 * When the host's own cells moved between the runs, every absolute verdict of the other
 * environments carries that move too (a changed host kernel or firmware, or a machine shared
 * with other load, as on CI runners). The overhead verdicts compare each environment with the
 * host of its own run, interleaved round by round, so they do not: the note says which to trust.
 */
function hostDriftNote(comparisons, hostEnv) {
    // A run of the host alone has no other verdicts for the move to explain.
    if (hostEnv === null || comparisons.every((c) => c.env === hostEnv))
        return null;
    const host = comparisons.filter((c) => c.env === hostEnv && c.change !== null);
    const moved = host.filter((c) => c.verdict === 'regression' || c.verdict === 'improvement');
    if (moved.length === 0)
        return null;
    const shown = moved
        .slice(0, 2)
        .map((c) => `${c.label} ${pct(Math.abs(c.change))} ${c.change > 0 ? 'worse' : 'better'}`)
        .join('; ');
    const more = moved.length > 2 ? `; ${moved.length - 2} more` : '';
    return (`The host itself changed between the two runs in ${moved.length} of ${host.length} cells (${shown}${more}): ` +
        "the absolute verdicts of the other environments include that change of the host or of the machine's load; " +
        'the overhead verdicts compare each environment with the host of its own run and do not.');
}
function overheadSentence(oc, current, baseline) {
    const label = `${envLabel(oc.env, kindOf(current, oc.env) ?? kindOf(baseline, oc.env))} ${oc.label}`;
    const from = oc.baselineOverhead !== null ? pct(oc.baselineOverhead) : '?';
    const to = oc.currentOverhead !== null ? pct(oc.currentOverhead) : '?';
    const pp = oc.baselineOverhead !== null && oc.currentOverhead !== null
        ? ` (${oc.currentOverhead >= oc.baselineOverhead ? '+' : ''}${((oc.currentOverhead - oc.baselineOverhead) * 100).toFixed(1)} pp)`
        : '';
    const verb = oc.verdict === 'regression' ? 'grew' : oc.verdict === 'improvement' ? 'shrank' : 'is unchanged,';
    const rel = oc.change !== null
        ? `; relative to the host ${oc.change >= 0 ? pct(oc.change) + ' worse' : pct(-oc.change) + ' better'} (95% CI ${pct(oc.ciLow)} to ${pct(oc.ciHigh)}, adjusted p=${formatP(oc.pAdjusted)})`
        : '';
    return `${label} overhead ${verb} from ${from} to ${to}${pp}${rel}`;
}
function formatP(p) {
    if (p === null)
        return '–';
    if (p < 0.0001)
        return p.toExponential(1);
    return p.toFixed(4);
}
/**
 * Changes under test, said once per key and value pair: "This run's kernel differs from the
 * baseline's (host, kvm: 6.1.0 → 6.6.0): the verdicts include its effect."
 */
function changeNotes(diffs, current) {
    const groups = new Map();
    for (const d of diffs.filter((x) => x.expected)) {
        const k = `${d.key}\u0000${d.baseline}\u0000${d.current}`;
        let list = groups.get(k);
        if (!list)
            groups.set(k, (list = []));
        list.push(d);
    }
    const out = [];
    for (const list of groups.values()) {
        const d = list[0];
        const where = list.map((x) => (x.env === '*' ? 'the board' : envLabel(x.env, kindOf(current, x.env))));
        const what = d.class === 'under-test' ? 'a change under test' : 'a setup change declared expected';
        out.push(`This run's ${d.key} differs from the baseline's (${where.join(', ')}: ${d.baseline} → ${d.current}), ${what}: the verdicts include its effect.`);
    }
    return out;
}
/** The first line of a report in which nothing could be compared. */
function incomparableHeadline(comparisons, diffs) {
    const setup = diffs.filter((d) => !d.expected);
    if (setup.length > 0 && comparisons.some((c) => c.verdict === 'incomparable')) {
        const shown = setup
            .slice(0, 3)
            .map((d) => `${d.key} on ${d.env === '*' ? 'the board' : d.env}: ${d.baseline} → ${d.current}`)
            .join('; ');
        const more = setup.length > 3 ? `; ${setup.length - 3} more` : '';
        return `Nothing could be compared with the baseline: the setup changed (${shown}${more}). Run the baseline on this setup, or declare the change with expect-change.`;
    }
    const count = (v) => comparisons.filter((c) => c.verdict === v).length;
    const counts = {
        missing: count('missing'),
        erratic: count('erratic'),
        incomparable: count('incomparable'),
    };
    if (comparisons.length === 0 || counts.missing === comparisons.length)
        return 'Nothing could be compared with the baseline: no cell was measured in both runs.';
    if (counts.erratic > 0 && counts.incomparable === 0)
        return `Nothing could be compared with the baseline: every cell measured in both runs was too noisy (CV above max-cv) to test.`;
    const first = comparisons.find((c) => c.verdict === 'incomparable');
    return `Nothing could be compared with the baseline: ${first?.reason ?? 'no cell could be tested'}.`;
}
function aggregateSentence(agg) {
    const from = agg.baselineOverhead !== null ? pct(agg.baselineOverhead) : '?';
    const to = agg.currentOverhead !== null ? pct(agg.currentOverhead) : '?';
    const verb = agg.verdict === 'regression' ? 'grew' : agg.verdict === 'improvement' ? 'shrank' : 'is unchanged,';
    const rel = agg.change !== null
        ? `; relative to the host ${agg.change >= 0 ? pct(agg.change) + ' worse' : pct(-agg.change) + ' better'} (95% CI ${pct(agg.ciLow)} to ${pct(agg.ciHigh)}, adjusted p=${formatP(agg.pAdjusted)})`
        : '';
    const cannot = agg.verdict === 'unchanged' && agg.mde !== null
        ? ` — this run could not see less than ${pct(agg.mde, 0)}`
        : '';
    return `${agg.label} overhead (geometric mean of ${agg.cells} cells) ${verb} from ${from} to ${to}${rel}${cannot}`;
}

/**
 * The smallest change a test could see: the minimum detectable effect (MDE) at a given power,
 * from the test's own standard error (its n and CV) and degrees of freedom, at the level it was
 * tested at (after the correction). The test rejects when |T| > c = t(1 − a/2, df); under a
 * shift δ, T is a noncentral t with noncentrality λ = δ / se, and its power is
 * P(T > c) ≈ Φ((λ − c (1 − 1/(4 df))) / √(1 + c² / (2 df))) (the normal approximation of the
 * noncentral t, which carries the uncertainty of the estimated variance — the simpler
 * (c + t_power) · se understates the MDE at the few df and small levels of a corrected report:
 * measured 69% power instead of 80% at n = 6, level 0.001). Solved for λ:
 *   δ = se · (c (1 − 1/(4 df)) + z_power √(1 + c² / (2 df)))      (log scale)
 * δ is a difference of log means, turned into the degradation it stands for ("12% worse").
 */
/** Minimum detectable log-scale shift of a two-sided test at `level`. */
function mdeLog(se, df, level, power = 0.8) {
    if (!(se >= 0) || !(df > 0) || !(level > 0 && level < 1))
        return Infinity;
    if (se === 0)
        return 0;
    const c = tQuantile(1 - level / 2, df);
    return se * (c * (1 - 1 / (4 * df)) + probit(power) * Math.sqrt(1 + (c * c) / (2 * df)));
}
/** A log-scale shift in the worse direction as a degradation (fraction): the paper's overhead scale. */
function worseBy(logShift, better) {
    if (!Number.isFinite(logShift))
        return Infinity;
    // lower is better: values grow by e^δ → (e^δ − 1) worse; higher is better: they shrink by e^−δ.
    return better === 'lower' ? Math.expm1(logShift) : -Math.expm1(-logShift);
}
/** MDE as a degradation (fraction); Infinity → null (not computable: no df or no level). */
function mde(se, df, level, better, power = 0.8) {
    const d = worseBy(mdeLog(se, df, level, power), better);
    return Number.isFinite(d) ? d : null;
}

/** The two-look p-value; `p2` is null for a test whose cells got no extra rounds. */
function sequentialP(p1, p2, gamma) {
    if (gamma === null)
        return p1;
    const first = p1 / gamma;
    const second = p2 === null ? Infinity : p2 / (1 - gamma);
    return Math.min(1, first, second);
}
/** The first-look rounds of a suite in an adaptive run, or null (one look). */
function firstLookOf(design, suite) {
    return design?.firstLook[suite] ?? null;
}
/** Rounds of a cell at or after its suite's first look (its extra rounds). */
function extraRoundsOf(cell, design) {
    const first = firstLookOf(design, cell.suite);
    if (first === null)
        return 0;
    return new Set(cell.rounds.filter((r) => r >= first)).size;
}
/** The cell as look 1 saw it (unchanged when the run was not adaptive). */
function atFirstLook(cell, design) {
    const first = firstLookOf(design, cell.suite);
    return first === null ? cell : firstRounds(cell, first);
}
/** The baseline's cells restricted to its first look (its extra rounds are selected data). */
function baselineForTests(baseline, cells) {
    const design = baseline.run.adaptive;
    if (!design)
        return cells;
    return new Map([...cells].map(([k, c]) => [k, atFirstLook(c, design)]));
}

function prepareAggregate(key, all, members, design) {
    const { env, suite } = all[0];
    const cur = (look) => members.map(({ groups: g }) => ({
        env: look === 'first' ? atFirstLook(g.envCur, design) : g.envCur,
        host: look === 'first' ? atFirstLook(g.hostCur, design) : g.hostCur,
    }));
    const base = members.map(({ groups: g }) => ({ env: g.envBase, host: g.hostBase }));
    // The aggregate's rounds are its clusters: it uses the extra rounds only when every cell of
    // the suite got them (the engine extends a suggestive aggregate's whole suite); otherwise its
    // test is the first look's.
    const extra = members.map(({ groups: g }) => Math.min(extraRoundsOf(g.envCur, design), extraRoundsOf(g.hostCur, design)));
    const extended = extra.length > 0 && extra.every((x) => x > 0 && x === extra[0]);
    const first = cur('first');
    const effectParts = members.length === 0
        ? []
        : [
            { clustered: clusteredMean(first), model: modelVariance(first) },
            { clustered: clusteredMean(base), model: modelVariance(base) },
        ];
    return {
        key,
        env,
        suite,
        members,
        all,
        extended,
        extraRounds: extended ? extra[0] : 0,
        cur,
        base,
        effectParts,
    };
}
/** The aggregate of one env × suite: its verdict entry, and its test when it has one. */
function aggregateComparison(current, baseline, x, opts, effect, gamma) {
    const { env, suite, members } = x;
    const label = `${envLabel(env, kindOf(current, env) ?? kindOf(baseline, env))} ${SUITE_LABELS[suite]}`;
    const target = {
        env,
        suite,
        hostEnv: opts.hostEnv,
        label,
        verdict: 'unchanged',
        change: null,
        ciLow: null,
        ciHigh: null,
        p: null,
        pAdjusted: null,
        reason: null,
        mde: null,
        extraRounds: x.extraRounds,
        cells: members.length,
        baselineOverhead: null,
        currentOverhead: null,
        rounds: { baseline: 0, current: 0 },
        sentence: '',
    };
    if (members.length === 0) {
        // Nothing testable: the cells' own verdicts say why (the first one is representative).
        const first = x.all.find((o) => o.verdict === 'incomparable') ?? x.all[0];
        target.verdict = first.verdict === 'incomparable' ? 'incomparable' : 'missing';
        target.reason = first.reason;
        target.sentence = `${label} overhead: ${first.reason ?? 'no cell compared on both sides'}`;
        return { target, pending: null };
    }
    const better = suiteBetter(x.base);
    const base = clusteredMean(x.base);
    const curAll = clusteredMean(x.cur(x.extended ? 'all' : 'first'));
    target.baselineOverhead = overheadOfLog(base.estimate, better);
    target.currentOverhead = overheadOfLog(curAll.estimate, better);
    target.rounds = { baseline: base.rounds, current: curAll.rounds };
    const first = aggregateContrast(x.cur('first'), x.base, effect, opts.alpha);
    const final = x.extended ? aggregateContrast(x.cur('all'), x.base, effect, opts.alpha) : first;
    const p = sequentialP(first.p, x.extended ? final.p : null, gamma);
    target.change = worseBy(final.estimate, better);
    target.ciLow = worseBy(final.low, better);
    target.ciHigh = worseBy(final.high, better);
    target.p = p;
    return { target, pending: { target, p, se: final.se, df: final.df, better, level: 'aggregate' } };
}
/** The current run's geometric-mean overhead per environment × suite, with its interval. */
function computeSuiteOverheads(results, cells, hostEnv, opts) {
    if (hostEnv === null)
        return [];
    const groups = new Map();
    for (const cell of cells.values()) {
        if (cell.env === hostEnv || cell.values.length === 0)
            continue;
        const host = cells.get(cellKey(hostEnv, cell.metricKey));
        if (!host || host.values.length === 0 || host.unit !== cell.unit || host.better !== cell.better)
            continue;
        if (cell.values.some((v) => !(v > 0)) || host.values.some((v) => !(v > 0)))
            continue;
        if (restatesAnotherMetric(cell.metric))
            continue;
        const k = `${cell.env}\u0000${cell.suite}`;
        let list = groups.get(k);
        if (!list)
            groups.set(k, (list = []));
        list.push({ env: cell, host });
    }
    const effects = new Map();
    for (const pairs of groups.values()) {
        const env = pairs[0].env.env;
        if (effects.has(env))
            continue;
        const parts = [...groups.values()]
            .filter((p) => p[0].env.env === env)
            .map((p) => ({ clustered: clusteredMean(p), model: modelVariance(p) }));
        effects.set(env, designEffect(parts));
    }
    const out = [];
    for (const pairs of groups.values()) {
        const { env, suite } = pairs[0].env;
        const m = clusteredMean(pairs);
        const better = suiteBetter(pairs);
        const i = aggregateInterval(pairs, m, effects.get(env), better, opts.confidence);
        const label = `${envLabel(env, kindOf(results, env))} ${SUITE_LABELS[suite]}`;
        const range = i.low !== null && i.high !== null
            ? ` (95% CI ${pct(i.low)} to ${pct(i.high)})`
            : ' (one run: no interval)';
        out.push({
            env,
            suite,
            hostEnv,
            label,
            overhead: i.overhead,
            ciLow: i.low,
            ciHigh: i.high,
            cells: pairs.length,
            rounds: m.rounds,
            sentence: `${label} overhead ${pct(i.overhead)}${range}, geometric mean of ${pairs.length} cell${pairs.length === 1 ? '' : 's'} over ${m.rounds} round${m.rounds === 1 ? '' : 's'}`,
        });
    }
    return out;
}

/**
 * A seeded, deterministic RNG so bootstrap intervals (and so reports) are reproducible:
 * the same results.json always gives the same report. The seed of each cell is derived
 * from its key, so a cell's interval does not depend on which other cells exist.
 */
/** FNV-1a 32-bit hash of a string. */
function hashString(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

let buffer = new Float64Array(0);
/** One reusable buffer for the resampled ratios (a report computes thousands of intervals). */
function drawBuffer(size) {
    if (buffer.length !== size)
        buffer = new Float64Array(size);
    return buffer;
}
function overheadFromRatio(ratio, better) {
    return better === 'lower' ? ratio - 1 : 1 - ratio;
}
function sum$1(values) {
    let s = 0;
    for (const v of values)
        s += v;
    return s;
}
/** Bootstrap percentile interval of mean(env)/mean(host). */
function bootstrapRatio(env, host, seedKey, resamples, confidence = 0.95) {
    const ne = env.length;
    const nh = host.length;
    const ratio = sum$1(env) / ne / (sum$1(host) / nh);
    if ((ne < 2 && nh < 2) || resamples === 0)
        return { ratio, low: ratio, high: ratio };
    // mulberry32 inlined (this loop is the hot spot of a report): each 32-bit draw gives two
    // 16-bit indices, (u16 · n) >>> 16, whose bias (n / 65536) is far below bootstrap noise.
    let state = hashString(seedKey);
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
    };
    const draws = drawBuffer(resamples);
    for (let b = 0; b < resamples; b++) {
        let se = 0;
        for (let i = 0; i < ne; i += 2) {
            const r = next();
            se += env[((r & 0xffff) * ne) >>> 16];
            if (i + 1 < ne)
                se += env[((r >>> 16) * ne) >>> 16];
        }
        let sh = 0;
        for (let i = 0; i < nh; i += 2) {
            const r = next();
            sh += host[((r & 0xffff) * nh) >>> 16];
            if (i + 1 < nh)
                sh += host[((r >>> 16) * nh) >>> 16];
        }
        draws[b] = se / ne / (sh / nh);
    }
    draws.sort();
    const tail = (1 - confidence) / 2;
    const at = (q) => draws[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
    return { ratio, low: at(tail), high: at(1 - tail) };
}
/** Overhead and its interval (the interval flips for higher-is-better: overhead falls as r rises). */
function overheadInterval(env, host, better, seedKey, resamples, confidence = 0.95) {
    const r = bootstrapRatio(env, host, seedKey, resamples, confidence);
    const a = overheadFromRatio(r.low, better);
    const b = overheadFromRatio(r.high, better);
    return { overhead: overheadFromRatio(r.ratio, better), low: Math.min(a, b), high: Math.max(a, b) };
}

/** Memory within this fraction of the host's counts as equal (a guest's MemTotal is its RAM less the kernel's share). */
const MEMORY_TOLERANCE = 0.1;
function gib(bytes) {
    return `${(bytes / 2 ** 30).toFixed(bytes >= 10 * 2 ** 30 ? 0 : 2).replace(/\.?0+$/, '')} GiB`;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Why `env`'s resources differ from `hostEnv`'s in these results, or null. */
function unequalResources(results, env, hostEnv) {
    if (hostEnv === null || env === hostEnv)
        return null;
    if (results.run.resources?.allowUnequal)
        return null;
    const fp = (id) => results.environments.find((e) => e.id === id)?.fingerprint;
    const e = fp(env);
    const h = fp(hostEnv);
    if (!e || !h)
        return null;
    const parts = [];
    if (e.cpusAvailable !== undefined && h.cpusAvailable !== undefined && e.cpusAvailable !== h.cpusAvailable) {
        parts.push(`${plural(e.cpusAvailable, 'CPU')} vs the host's ${h.cpusAvailable}`);
    }
    const em = e.memoryLimitBytes;
    const hm = h.memoryLimitBytes;
    if (em !== undefined && hm !== undefined && Math.abs(em - hm) > MEMORY_TOLERANCE * hm) {
        parts.push(`${gib(em)} of memory vs the host's ${gib(hm)}`);
    }
    return parts.length === 0 ? null : `unequal resources: ${parts.join(', ')}`;
}
/** One note per environment whose resources differ from the host's (for the report). */
function unequalResourceNotes(results, hostEnv) {
    const notes = [];
    for (const e of results.environments) {
        const why = unequalResources(results, e.id, hostEnv);
        if (why) {
            notes.push(`${envLabel(e.id, e.kind)}: ${why} — its overheads are marked incomparable (set resources.allowUnequal to measure this on purpose).`);
        }
    }
    return notes;
}

/**
 * When adding a new value to a list, one does not have to necessary
 * recompute the mean of the list in linear time. They can instead use
 * this function to compute the new mean by providing the current mean,
 * the number of elements in the list that produced it and the new
 * value to add.
 *
 * @since 2.5.0
 * @param {number} mean current mean
 * @param {number} n number of items in the list
 * @param {number} newValue the added value
 * @returns {number} the new mean
 *
 * @example
 * addToMean(14, 5, 53); // => 20.5
 */

/**
 * Our default sum is the [Kahan-Babuska algorithm](https://pdfs.semanticscholar.org/1760/7d467cda1d0277ad272deb2113533131dc09.pdf).
 * This method is an improvement over the classical
 * [Kahan summation algorithm](https://en.wikipedia.org/wiki/Kahan_summation_algorithm).
 * It aims at computing the sum of a list of numbers while correcting for
 * floating-point errors. Traditionally, sums are calculated as many
 * successive additions, each one with its own floating-point roundoff. These
 * losses in precision add up as the number of numbers increases. This alternative
 * algorithm is more accurate than the simple way of calculating sums by simple
 * addition.
 *
 * This runs in `O(n)`, linear time, with respect to the length of the array.
 *
 * @param {Array<number>} x input
 * @return {number} sum of all input numbers
 * @example
 * sum([1, 2, 3]); // => 6
 */
function sum(x) {
    // If the array is empty, we needn't bother computing its sum
    if (x.length === 0) {
        return 0;
    }

    // Initializing the sum as the first number in the array
    var sum = x[0];

    // Keeping track of the floating-point error correction
    var correction = 0;

    var transition;

    if (typeof sum !== "number") {
        return Number.NaN;
    }

    for (var i = 1; i < x.length; i++) {
        if (typeof x[i] !== "number") {
            return Number.NaN;
        }
        transition = sum + x[i];

        // Here we need to update the correction in a different fashion
        // if the new absolute value is greater than the absolute sum
        if (Math.abs(sum) >= Math.abs(x[i])) {
            correction += sum - transition + x[i];
        } else {
            correction += x[i] - transition + sum;
        }

        sum = transition;
    }

    // Returning the corrected sum
    return sum + correction;
}

/**
 * The mean, _also known as average_,
 * is the sum of all values over the number of values.
 * This is a [measure of central tendency](https://en.wikipedia.org/wiki/Central_tendency):
 * a method of finding a typical or central value of a set of numbers.
 *
 * This runs in `O(n)`, linear time, with respect to the length of the array.
 *
 * @param {Array<number>} x sample of one or more data points
 * @throws {Error} if the length of x is less than one
 * @returns {number} mean
 * @example
 * mean([0, 10]); // => 5
 */
function mean(x) {
    if (x.length === 0) {
        throw new Error("mean requires at least one data point");
    }

    return sum(x) / x.length;
}

/**
 * The sum of deviations to the Nth power.
 * When n=2 it's the sum of squared deviations.
 * When n=3 it's the sum of cubed deviations.
 *
 * @param {Array<number>} x
 * @param {number} n power
 * @returns {number} sum of nth power deviations
 *
 * @example
 * var input = [1, 2, 3];
 * // since the variance of a set is the mean squared
 * // deviations, we can calculate that with sumNthPowerDeviations:
 * sumNthPowerDeviations(input, 2) / input.length;
 */
function sumNthPowerDeviations(x, n) {
    var meanValue = mean(x);
    var sum = 0;
    var tempValue;
    var i;

    // This is an optimization: when n is 2 (we're computing a number squared),
    // multiplying the number by itself is significantly faster than using
    // the Math.pow method.
    {
        for (i = 0; i < x.length; i++) {
            tempValue = x[i] - meanValue;
            sum += tempValue * tempValue;
        }
    }

    return sum;
}

/**
 * The [sample variance](https://en.wikipedia.org/wiki/Variance#Sample_variance)
 * is the sum of squared deviations from the mean. The sample variance
 * is distinguished from the variance by the usage of [Bessel's Correction](https://en.wikipedia.org/wiki/Bessel's_correction):
 * instead of dividing the sum of squared deviations by the length of the input,
 * it is divided by the length minus one. This corrects the bias in estimating
 * a value from a set that you don't know if full.
 *
 * References:
 * * [Wolfram MathWorld on Sample Variance](http://mathworld.wolfram.com/SampleVariance.html)
 *
 * @param {Array<number>} x a sample of two or more data points
 * @throws {Error} if the length of x is less than 2
 * @return {number} sample variance
 * @example
 * sampleVariance([1, 2, 3, 4, 5]); // => 2.5
 */
function sampleVariance(x) {
    if (x.length < 2) {
        throw new Error("sampleVariance requires at least two data points");
    }

    var sumSquaredDeviationsValue = sumNthPowerDeviations(x);

    // this is Bessels' Correction: an adjustment made to sample statistics
    // that allows for the reduced degree of freedom entailed in calculating
    // values from samples rather than complete populations.
    var besselsCorrection = x.length - 1;

    // Find the mean value of that list
    return sumSquaredDeviationsValue / besselsCorrection;
}

/**
 * The [sample standard deviation](http://en.wikipedia.org/wiki/Standard_deviation#Sample_standard_deviation)
 * is the square root of the sample variance.
 *
 * @param {Array<number>} x input array
 * @returns {number} sample standard deviation
 * @example
 * sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]).toFixed(2);
 * // => '2.14'
 */
function sampleStandardDeviation(x) {
    var sampleVarianceX = sampleVariance(x);
    return Math.sqrt(sampleVarianceX);
}

/**
 * This is the internal implementation of quantiles: when you know
 * that the order is sorted, you don't need to re-sort it, and the computations
 * are faster.
 *
 * This implements the linear interpolation method (type=7 in R/numpy),
 * which is the default in numpy.percentile and R's quantile.
 *
 * @param {Array<number>} x sample of one or more data points
 * @param {number} p desired quantile: a number between 0 to 1, inclusive
 * @returns {number} quantile value
 * @throws {Error} if p ix outside of the range from 0 to 1
 * @throws {Error} if x is empty
 * @example
 * quantileSorted([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 0.5); // => 9
 */
function quantileSorted(x, p) {
    // Use (n-1) * p for index, matching numpy's linear method (type=7)
    var idx = (x.length - 1) * p;
    if (x.length === 0) {
        throw new Error("quantile requires at least one data point.");
    } else if (p < 0 || p > 1) {
        throw new Error("quantiles must be between 0 and 1");
    } else if (p === 1) {
        // If p is 1, directly return the last element
        return x[x.length - 1];
    } else if (p === 0) {
        // If p is 0, directly return the first element
        return x[0];
    } else if (idx % 1 !== 0) {
        // If idx is not integer, interpolate linearly between floor and ceil
        var lower = Math.floor(idx);
        var upper = Math.ceil(idx);
        var fraction = idx - lower;
        return x[lower] + fraction * (x[upper] - x[lower]);
    } else {
        // If idx is integer, type=7 returns the value at that index
        return x[idx];
    }
}

/**
 * Rearrange items in `arr` so that all items in `[left, k]` range are the smallest.
 * The `k`-th element will have the `(k - left + 1)`-th smallest value in `[left, right]`.
 *
 * Implements Floyd-Rivest selection algorithm https://en.wikipedia.org/wiki/Floyd-Rivest_algorithm
 *
 * @param {Array<number>} arr input array
 * @param {number} k pivot index
 * @param {number} [left] left index
 * @param {number} [right] right index
 * @returns {void} mutates input array
 * @example
 * var arr = [65, 28, 59, 33, 21, 56, 22, 95, 50, 12, 90, 53, 28, 77, 39];
 * quickselect(arr, 8);
 * // = [39, 28, 28, 33, 21, 12, 22, 50, 53, 56, 59, 65, 90, 77, 95]
 */
function quickselect(arr, k, left, right) {
    left = left || 0;
    right = right || arr.length - 1;

    while (right > left) {
        // 600 and 0.5 are arbitrary constants chosen in the original paper to minimize execution time
        if (right - left > 600) {
            var n = right - left + 1;
            var m = k - left + 1;
            var z = Math.log(n);
            var s = 0.5 * Math.exp((2 * z) / 3);
            var sd = 0.5 * Math.sqrt((z * s * (n - s)) / n);
            if (m - n / 2 < 0) { sd *= -1; }
            var newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
            var newRight = Math.min(
                right,
                Math.floor(k + ((n - m) * s) / n + sd)
            );
            quickselect(arr, k, newLeft, newRight);
        }

        var t = arr[k];
        var i = left;
        var j = right;

        swap(arr, left, k);
        if (arr[right] > t) { swap(arr, left, right); }

        while (i < j) {
            swap(arr, i, j);
            i++;
            j--;
            while (arr[i] < t) { i++; }
            while (arr[j] > t) { j--; }
        }

        if (arr[left] === t) { swap(arr, left, j); }
        else {
            j++;
            swap(arr, j, right);
        }

        if (j <= k) { left = j + 1; }
        if (k <= j) { right = j - 1; }
    }
}

function swap(arr, i, j) {
    var tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
}

/**
 * The [quantile](https://en.wikipedia.org/wiki/Quantile):
 * this is a population quantile, since we assume to know the entire
 * dataset in this library. This implementation uses linear interpolation,
 * equivalent to R's type=7 and numpy's default percentile method.
 *
 * Sample is a one-dimensional array of numbers,
 * and p is either a decimal number from 0 to 1 or an array of decimal
 * numbers from 0 to 1.
 * In terms of a k/q quantile, p = k/q - it's just dealing with fractions or dealing
 * with decimal values.
 * When p is an array, the result of the function is also an array containing the appropriate
 * quantiles in input order
 *
 * @param {Array<number>} x sample of one or more numbers
 * @param {Array<number> | number} p the desired quantile, as a number between 0 and 1
 * @returns {number} quantile
 * @example
 * quantile([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 0.5); // => 9
 */
function quantile(x, p) {
    var copy = x.slice();

    if (Array.isArray(p)) {
        // rearrange elements so that each element corresponding to a requested
        // quantile is on a place it would be if the array was fully sorted
        multiQuantileSelect(copy, p);
        // Initialize the result array
        var results = [];
        // For each requested quantile
        for (var i = 0; i < p.length; i++) {
            results[i] = quantileSorted(copy, p[i]);
        }
        return results;
    } else {
        var idx = quantileIndex(copy.length, p);
        quantileSelect(copy, idx, 0, copy.length - 1);
        return quantileSorted(copy, p);
    }
}

function quantileSelect(arr, k, left, right) {
    if (k % 1 === 0) {
        quickselect(arr, k, left, right);
    } else {
        k = Math.floor(k);
        quickselect(arr, k, left, right);
        quickselect(arr, k + 1, k + 1, right);
    }
}

function multiQuantileSelect(arr, p) {
    // Collect every integer order statistic that the requested quantiles need.
    // Linear interpolation (type=7) reads x[floor(idx)] and x[ceil(idx)], so both
    // surrounding positions must be placed. Deduplicate to integer positions
    // so each is selected with an unambiguous index.
    var positions = new Set();
    for (var i = 0; i < p.length; i++) {
        var idx = quantileIndex(arr.length, p[i]);
        positions.add(Math.floor(idx));
        positions.add(Math.ceil(idx));
    }
    var indices = Array.from(positions).sort(compare);

    multiselect(arr, indices, 0, indices.length - 1, 0, arr.length - 1);
}

// Place every order statistic in `indices` by partitioning around the median
// requested position, then recursing into the two halves. The just-placed pivot
// is excluded from the child ranges (indices[mid] ± 1) so that a later, narrower
// quickselect cannot disturb an already-finalized position.
function multiselect(arr, indices, lo, hi, left, right) {
    if (lo > hi) { return; }
    var mid = (lo + hi) >> 1;
    quickselect(arr, indices[mid], left, right);
    multiselect(arr, indices, lo, mid - 1, left, indices[mid] - 1);
    multiselect(arr, indices, mid + 1, hi, indices[mid] + 1, right);
}

function compare(a, b) {
    return a - b;
}

function quantileIndex(len, p) {
    // Use (n-1) * p to match numpy's linear method (type=7)
    var idx = (len - 1) * p;
    if (p === 1) {
        // If p is 1, directly return the last index
        return len - 1;
    } else if (p === 0) {
        // If p is 0, directly return the first index
        return 0;
    } else if (idx % 1 !== 0) {
        // If index is not integer, keep the fractional position so we can
        // select both surrounding order statistics for interpolation.
        return idx;
    } else {
        // If index is integer, return that exact position.
        return idx;
    }
}

/**
 * The [median](http://en.wikipedia.org/wiki/Median) is
 * the middle number of a list. This is often a good indicator of 'the middle'
 * when there are outliers that skew the `mean()` value.
 * This is a [measure of central tendency](https://en.wikipedia.org/wiki/Central_tendency):
 * a method of finding a typical or central value of a set of numbers.
 *
 * The median isn't necessarily one of the elements in the list: the value
 * can be the average of two elements if the list has an even length
 * and the two central values are different.
 *
 * @param {Array<number>} x input
 * @returns {number} median value
 * @example
 * median([10, 2, 5, 100, 2, 1]); // => 3.5
 */
function median$1(x) {
    return +quantile(x, 0.5);
}

/**
 * Per-cell descriptive statistics with a 95% interval of the mean that never leaves the
 * possible range: every metric is a time, a rate or a throughput (> 0), so the interval is
 * built on the log scale — mean · exp(± t · sd(log x) / √n) — and stays positive however few
 * or spread the runs are (a plain t-interval of [1, 100] gives a negative throughput). Cells
 * with a value ≤ 0 (possible only in hand-made files) get the t-interval, floored at 0.
 */
function describe(values, confidence = 0.95) {
    const n = values.length;
    if (n === 0)
        throw new RangeError('describe() needs at least one value');
    const arr = values;
    const mean$1 = mean(arr);
    const median = median$1(arr);
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
        if (v < min)
            min = v;
        if (v > max)
            max = v;
    }
    if (n < 2)
        return { n, mean: mean$1, median, sd: null, cv: null, ciLow: null, ciHigh: null, min, max };
    const sd = sampleStandardDeviation(arr);
    const t = tCritical(1 - confidence, n - 1);
    let ciLow;
    let ciHigh;
    if (min > 0) {
        const factor = Math.exp((t * sampleStandardDeviation(arr.map(Math.log))) / Math.sqrt(n));
        ciLow = mean$1 / factor;
        ciHigh = mean$1 * factor;
    }
    else {
        const half = t * (sd / Math.sqrt(n));
        ciLow = Math.max(0, mean$1 - half);
        ciHigh = mean$1 + half;
    }
    return {
        n,
        mean: mean$1,
        median,
        sd,
        cv: mean$1 !== 0 ? sd / Math.abs(mean$1) : null,
        ciLow,
        ciHigh,
        min,
        max,
    };
}

const ANALYSIS_SCHEMA_ID = 'arm-virt-bench/analysis@1';

const DEFAULTS = {
    minEffect: 0.05,
    alpha: 0.05,
    correction: 'holm',
    maxCv: 0.25,
    bootstrap: 1000,
    aggregateShare: 0.5,
    power: 0.8,
};
function resolve(current, options) {
    const minEffect = options.minEffect ?? DEFAULTS.minEffect;
    const alpha = options.alpha ?? DEFAULTS.alpha;
    const maxCv = options.maxCv ?? DEFAULTS.maxCv;
    const bootstrap = options.bootstrap ?? DEFAULTS.bootstrap;
    const correction = options.correction ?? DEFAULTS.correction;
    const aggregateShare = options.aggregateShare ?? DEFAULTS.aggregateShare;
    if (!(aggregateShare > 0 && aggregateShare < 1))
        throw new RangeError(`aggregateShare must be in (0, 1) (got ${aggregateShare})`);
    if (!(minEffect >= 0 && minEffect < 1))
        throw new RangeError(`minEffect must be in [0, 1) (got ${minEffect})`);
    if (!(alpha > 0 && alpha < 1))
        throw new RangeError(`alpha must be in (0, 1) (got ${alpha})`);
    if (!(maxCv > 0))
        throw new RangeError(`maxCv must be > 0 (got ${maxCv})`);
    if (!(Number.isInteger(bootstrap) && (bootstrap === 0 || bootstrap >= 100))) {
        throw new RangeError(`bootstrap must be 0 (no intervals) or an integer ≥ 100 (got ${bootstrap})`);
    }
    if (correction !== 'holm' && correction !== 'bh')
        throw new RangeError(`correction must be holm or bh`);
    let hostEnv = options.hostEnv ?? null;
    if (hostEnv !== null && !current.environments.some((e) => e.id === hostEnv)) {
        throw new RangeError(`hostEnv '${hostEnv}' is not an environment of the current results`);
    }
    hostEnv ??= current.environments.find((e) => e.kind === 'host')?.id ?? null;
    return {
        minEffect,
        alpha,
        correction,
        maxCv,
        hostEnv,
        expectChanges: [...(options.expectChanges ?? [])],
        expectSame: [...(options.expectSame ?? [])],
        aggregateShare,
        power: DEFAULTS.power,
        bootstrap,
        confidence: 0.95,
    };
}
function runSummary(r) {
    return {
        id: r.run.id,
        preset: r.run.preset,
        started: r.run.started,
        finished: r.run.finished ?? null,
        status: r.run.status ?? null,
        gitSha: r.run.gitSha ?? null,
        board: r.board.name,
        toolVersion: r.run.toolVersion,
    };
}
function toStats(cell) {
    const { values: _values, rounds: _rounds, conflicts: _conflicts, ...ref } = cell;
    return { ...ref, ...describeCell(cell) };
}
function computeOverheads(results, cells, hostEnv, opts, side) {
    if (hostEnv === null)
        return [];
    const out = [];
    for (const cell of cells.values()) {
        if (cell.env === hostEnv || cell.values.length === 0)
            continue;
        const host = cells.get(cellKey(hostEnv, cell.metricKey));
        if (!host || host.values.length === 0 || host.unit !== cell.unit || host.better !== cell.better)
            continue;
        // A ratio against a host mean of 0 (or a non-finite one) is no overhead: the report says
        // "incomparable" with the reason instead of Infinity or NaN.
        if (!(overheadDefined(host.values) && overheadDefined(cell.values)))
            continue;
        const o = overheadInterval(cell.values, host.values, cell.better, `${side}\u0000${cell.env}\u0000${cell.metricKey}`, opts.bootstrap, opts.confidence);
        const half = (o.high - o.low) / 2;
        const n = cell.values.length === host.values.length
            ? `n=${cell.values.length}`
            : `n=${cell.values.length}/${host.values.length}`;
        const envMean = cell.values.reduce((a, b) => a + b, 0) / cell.values.length;
        const hostMean = host.values.reduce((a, b) => a + b, 0) / host.values.length;
        out.push({
            ...cellRefOf(cell),
            hostEnv,
            overhead: o.overhead,
            ciLow: o.low,
            ciHigh: o.high,
            nEnv: cell.values.length,
            nHost: host.values.length,
            envMean,
            hostMean,
            sentence: `${envLabel(cell.env, kindOf(results, cell.env))} ${cell.label} overhead ${pct(o.overhead)} ± ${pct(half)} (${n})`,
            ...unequalVerdict(results, cell.env, hostEnv),
        });
    }
    return out;
}
/** A mean that can be the denominator (host) or numerator (environment) of an overhead. */
function overheadDefined(values) {
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    return Number.isFinite(m) && m > 0;
}
/** An overhead between unequal environments: incomparable, with the reason (analysis/resources.ts). */
function unequalVerdict(results, env, hostEnv) {
    const why = unequalResources(results, env, hostEnv);
    return why ? { verdict: 'incomparable', reason: why } : {};
}
const described = new WeakMap();
function describeCell(cell) {
    let d = described.get(cell);
    if (!d) {
        d = describe(cell.values);
        described.set(cell, d);
    }
    return d;
}
function side$1(cell) {
    if (!cell || cell.values.length === 0)
        return null;
    const d = describeCell(cell);
    return { n: d.n, mean: d.mean, cv: d.cv };
}
function cvOf(cell) {
    return cell.values.length < 2 ? null : describeCell(cell).cv;
}
/** Why a set of cells cannot be tested, or null when they can. */
function untestable(cells, first) {
    for (const c of cells) {
        if (c.unit !== first.unit || c.better !== first.better) {
            return `unit or direction changed: ${first.unit}/${first.better} vs ${c.unit}/${c.better}`;
        }
    }
    for (const c of cells)
        if (c.values.length < 2)
            return `too few samples (n=${c.values.length} for ${c.env})`;
    for (const c of cells)
        if (c.values.some((v) => !(v > 0)))
            return `non-positive values for ${c.env}: a ratio is undefined`;
    return null;
}
function erraticReason(cells, maxCv) {
    const bad = cells
        .map(({ cell, role }) => ({ role, cv: cvOf(cell) }))
        .filter((x) => x.cv !== null && x.cv > maxCv);
    if (bad.length === 0)
        return null;
    return bad.map((b) => `CV ${pct(b.cv)} > ${pct(maxCv, 0)} (${b.role})`).join('; ');
}
function matchFailure(results, cell) {
    const env = results.environments.find((e) => e.id === cell.env);
    if (!env)
        return `environment ${cell.env} is not in this run`;
    if (env.skipped)
        return `environment skipped: ${env.skipped}`;
    const hits = results.failures.filter((f) => f.env === cell.env &&
        (f.suite === cell.suite || f.suite === 'environment' || f.suite === 'board') &&
        Object.entries(f.params).every(([k, v]) => cell.params[k] === undefined || cell.params[k] === v));
    if (hits.length > 0) {
        const first = hits[0];
        return `failed in ${hits.length} run(s)${first.kind ? ` (${first.kind})` : ''}: ${first.message}`;
    }
    return null;
}
function emptyCounts() {
    return { regression: 0, improvement: 0, unchanged: 0, incomparable: 0, erratic: 0, missing: 0 };
}
/**
 * A test on the current run's first-look rounds and, when the cells got extra rounds, on every
 * round: the final contrast (for the change and its interval) and the two-look p-value.
 */
function twoLook(build, extended, gamma, alpha) {
    const first = logContrast(build('first'), alpha);
    if (!extended)
        return { contrast: first, p: sequentialP(first.p, null, gamma) };
    const all = logContrast(build('all'), alpha);
    return { contrast: all, p: sequentialP(first.p, all.p, gamma) };
}
function analyze(current, options = {}) {
    const opts = resolve(current, options);
    const baseline = options.baseline;
    const design = current.run.adaptive;
    const gamma = design ? design.alphaFirstLook : null;
    const curCells = groupCells(current);
    const baseCells = baseline ? groupCells(baseline) : new Map();
    // The baseline's extra rounds (adaptive baseline) are not tested: see sequential.ts.
    const baseTest = baseline ? baselineForTests(baseline, baseCells) : baseCells;
    const baseHost = baseline
        ? opts.hostEnv !== null && baseline.environments.some((e) => e.id === opts.hostEnv)
            ? opts.hostEnv
            : (baseline.environments.find((e) => e.kind === 'host')?.id ?? null)
        : null;
    const notes = [];
    if (opts.hostEnv === null)
        notes.push('No host environment in these results: overheads cannot be computed.');
    notes.push(...unequalResourceNotes(current, opts.hostEnv));
    const cells = [...curCells.values()].filter((c) => c.values.length > 0).map(toStats);
    const baselineCells = [...baseCells.values()].filter((c) => c.values.length > 0).map(toStats);
    const overheads = computeOverheads(current, curCells, opts.hostEnv, opts, 'current');
    // The baseline's overheads are point estimates only (no report shows their intervals; the
    // comparison has its own test): this halves the bootstrap work of a compare.
    const baselineOverheads = baseline
        ? computeOverheads(baseline, baseCells, baseHost, { ...opts, bootstrap: 0 }, 'baseline')
        : [];
    const suiteOverheads = computeSuiteOverheads(current, curCells, opts.hostEnv, opts);
    const diffs = baseline ? diffRuns(baseline, current, opts) : [];
    notes.push(...changeNotes(diffs, current));
    const comparisons = [];
    const overheadComparisons = [];
    const aggregates = [];
    const pending = [];
    const extraOf = (c) => (c ? extraRoundsOf(c, design) : 0);
    const view = (c, look) => (look === 'first' ? atFirstLook(c, design) : c);
    if (baseline) {
        // Absolute comparisons: every cell on either side.
        const keys = new Set([...baseCells.keys(), ...curCells.keys()]);
        for (const key of keys) {
            const b = baseTest.get(key);
            const c = curCells.get(key);
            const ref = (c ?? b);
            const cmp = {
                ...cellRefOf(ref),
                verdict: 'unchanged',
                change: null,
                ciLow: null,
                ciHigh: null,
                p: null,
                pAdjusted: null,
                reason: null,
                mde: null,
                extraRounds: extraOf(c),
                baseline: side$1(baseCells.get(key)),
                current: side$1(c),
            };
            comparisons.push(cmp);
            if (!c || c.values.length === 0) {
                cmp.verdict = 'missing';
                cmp.reason = matchFailure(current, ref) ?? 'not measured in this run';
                continue;
            }
            if (!b || b.values.length === 0) {
                cmp.verdict = 'missing';
                cmp.reason = 'not in the baseline (new cell)';
                continue;
            }
            const fp = incomparableReason(diffs, ref.env, ref.suite);
            const why = fp ?? untestable([b, c, view(c, 'first')], b);
            if (why) {
                cmp.verdict = 'incomparable';
                cmp.reason = why;
                continue;
            }
            const { contrast, p } = twoLook((look) => [
                { values: view(c, look).values, sign: 1, partner: 1 },
                { values: b.values, sign: -1, partner: 0 },
            ], cmp.extraRounds > 0, gamma, opts.alpha);
            const erratic = erraticReason([
                { cell: b, role: 'baseline' },
                { cell: c, role: 'current' },
            ], opts.maxCv);
            setChange(cmp, contrast, ref.better);
            cmp.p = p;
            if (erratic) {
                cmp.verdict = 'erratic';
                cmp.reason = erratic;
                continue;
            }
            pending.push({
                target: cmp,
                p,
                ...seDf(contrast),
                better: ref.better,
                level: 'cell',
                aggregateKey: null,
            });
        }
        // Overhead comparisons: each non-host environment against its host, baseline vs current.
        const aggregateMembers = new Map();
        if (opts.hostEnv !== null && baseHost !== null) {
            const curOverheadByKey = new Map(overheads.map((o) => [cellKey(o.env, o.metricKey), o]));
            const baseOverheadByKey = new Map(baselineOverheads.map((o) => [cellKey(o.env, o.metricKey), o]));
            const seen = new Set();
            for (const c of [...curCells.values(), ...baseCells.values()]) {
                if (c.env === opts.hostEnv || c.env === baseHost)
                    continue;
                const key = cellKey(c.env, c.metricKey);
                if (seen.has(key))
                    continue;
                seen.add(key);
                const groups = {
                    envCur: curCells.get(key),
                    hostCur: curCells.get(cellKey(opts.hostEnv, c.metricKey)),
                    envBase: baseTest.get(key),
                    hostBase: baseTest.get(cellKey(baseHost, c.metricKey)),
                };
                const curO = curOverheadByKey.get(key);
                const baseO = baseOverheadByKey.get(key);
                const label = `${envLabel(c.env, kindOf(current, c.env) ?? kindOf(baseline, c.env))} ${c.label}`;
                const oc = {
                    ...cellRefOf(c),
                    hostEnv: opts.hostEnv,
                    verdict: 'unchanged',
                    change: null,
                    ciLow: null,
                    ciHigh: null,
                    p: null,
                    pAdjusted: null,
                    reason: null,
                    mde: null,
                    extraRounds: Math.max(extraOf(groups.envCur), extraOf(groups.hostCur)),
                    baselineOverhead: baseO?.overhead ?? null,
                    currentOverhead: curO?.overhead ?? null,
                    sentence: '',
                };
                overheadComparisons.push(oc);
                const absent = Object.entries(groups).filter(([, g]) => !g || g.values.length === 0);
                if (absent.length > 0) {
                    oc.verdict = 'missing';
                    const [role] = absent[0];
                    const results = role.endsWith('Cur') ? current : baseline;
                    const env = role.startsWith('host') ? (role.endsWith('Cur') ? opts.hostEnv : baseHost) : c.env;
                    const where = role.endsWith('Cur') ? 'this run' : 'the baseline';
                    oc.reason =
                        (role.endsWith('Cur') ? matchFailure(results, { ...c, env }) : null) ??
                            `${env} not measured in ${where}`;
                    oc.sentence = `${label} overhead: ${oc.reason}`;
                    continue;
                }
                const g = groups;
                const all = [
                    g.envCur,
                    g.hostCur,
                    g.envBase,
                    g.hostBase,
                    view(g.envCur, 'first'),
                    view(g.hostCur, 'first'),
                ];
                const fp = overheadIncomparable(diffs, c.env, opts.hostEnv, baseHost, c.suite) ??
                    unequalResources(current, c.env, opts.hostEnv) ??
                    unequalResources(baseline, c.env, baseHost);
                const why = fp ?? untestable(all, g.envCur);
                if (why) {
                    oc.verdict = 'incomparable';
                    oc.reason = why;
                    oc.sentence = `${label} overhead not comparable: ${why}`;
                    continue;
                }
                const { contrast, p } = twoLook((look) => [
                    { values: view(g.envCur, look).values, sign: 1, partner: 2 },
                    { values: view(g.hostCur, look).values, sign: -1, partner: 3 },
                    { values: g.envBase.values, sign: -1, partner: 0 },
                    { values: g.hostBase.values, sign: 1, partner: 1 },
                ], oc.extraRounds > 0, gamma, opts.alpha);
                setChange(oc, contrast, c.better);
                oc.p = p;
                // Erratic cells are not tested one by one, but their runs still count in the aggregate
                // (its variance carries their noise).
                const aggKey = `${c.env}\u0000${c.suite}`;
                if (!restatesAnotherMetric(c.metric)) {
                    let members = aggregateMembers.get(aggKey);
                    if (!members)
                        aggregateMembers.set(aggKey, (members = []));
                    members.push({ oc, groups: g });
                }
                const erratic = erraticReason([
                    { cell: g.envCur, role: `${c.env} current` },
                    { cell: g.hostCur, role: `${opts.hostEnv} current` },
                    { cell: g.envBase, role: `${c.env} baseline` },
                    { cell: g.hostBase, role: `${baseHost} baseline` },
                ], opts.maxCv);
                if (erratic) {
                    oc.verdict = 'erratic';
                    oc.reason = erratic;
                    oc.sentence = `${label} overhead too noisy to judge: ${erratic}`;
                    continue;
                }
                pending.push({
                    target: oc,
                    p,
                    ...seDf(contrast),
                    better: c.better,
                    level: 'cell',
                    aggregateKey: aggKey,
                });
            }
            // Suite-level aggregates: every env × suite with an overhead comparison.
            const bySuite = new Map();
            for (const oc of overheadComparisons) {
                const k = `${oc.env}\u0000${oc.suite}`;
                let list = bySuite.get(k);
                if (!list)
                    bySuite.set(k, (list = []));
                list.push(oc);
            }
            const prepared = [...bySuite].map(([aggKey, list]) => prepareAggregate(aggKey, list, aggregateMembers.get(aggKey) ?? [], design));
            // Each environment's design effect, from the first looks of all its suites, both sides.
            const effects = new Map();
            for (const env of new Set(prepared.map((x) => x.env))) {
                effects.set(env, designEffect(prepared.filter((x) => x.env === env).flatMap((x) => x.effectParts)));
            }
            for (const x of prepared) {
                const agg = aggregateComparison(current, baseline, x, opts, effects.get(x.env), gamma);
                aggregates.push(agg.target);
                if (agg.pending)
                    pending.push({ ...agg.pending, aggregateKey: x.key });
            }
        }
        // The correction: aggregates first, cells as the drill-down (hierarchy.ts).
        const aggIndex = new Map();
        pending.forEach((x, i) => {
            if (x.level === 'aggregate')
                aggIndex.set(x.aggregateKey, i);
        });
        const { adjusted, weights } = hierarchicalAdjust(pending.map((x) => ({
            p: x.p,
            level: x.level,
            parent: x.level === 'cell' && x.aggregateKey !== null ? (aggIndex.get(x.aggregateKey) ?? null) : null,
        })), opts.correction, opts.aggregateShare, opts.alpha);
        pending.forEach((x, i) => {
            const t = x.target;
            t.pAdjusted = adjusted[i];
            t.verdict = decide(t.change, t.ciLow, t.ciHigh, t.pAdjusted, opts);
            if (t.verdict === 'unchanged' && t.pAdjusted < opts.alpha) {
                t.reason = `significant but within the minimum effect (${pct(opts.minEffect, 0)})`;
            }
            // The level this test was (last) tested at; with adaptive rounds, the final look's share.
            const level = opts.alpha * weights[i] * (gamma === null ? 1 : 1 - gamma);
            t.mde = level > 0 ? mde(x.se, x.df, level, x.better, opts.power) : null;
        });
        for (const oc of overheadComparisons) {
            if (oc.sentence === '')
                oc.sentence = overheadSentence(oc, current, baseline);
        }
        for (const agg of aggregates) {
            if (agg.sentence === '')
                agg.sentence = aggregateSentence(agg);
        }
    }
    const drift = hostDriftNote(comparisons, opts.hostEnv);
    if (drift)
        notes.push(drift);
    const byChange = (list) => list.sort((a, b) => b.change - a.change);
    const aggregateRegressions = byChange(aggregates.filter((o) => o.verdict === 'regression'));
    const overheadRegressions = byChange(overheadComparisons.filter((o) => o.verdict === 'regression'));
    const regressions = byChange(comparisons.filter((o) => o.verdict === 'regression'));
    const count = (list) => {
        const c = emptyCounts();
        for (const x of list)
            c[x.verdict]++;
        return c;
    };
    const underpowered = underpoweredTests(aggregates, overheadComparisons, comparisons, opts.minEffect);
    const status = !baseline
        ? 'no-baseline'
        : aggregateRegressions.length + overheadRegressions.length + regressions.length > 0
            ? 'regression'
            : pending.length === 0
                ? 'incomparable'
                : 'ok';
    return {
        schema: ANALYSIS_SCHEMA_ID,
        options: opts,
        current: runSummary(current),
        baseline: baseline ? runSummary(baseline) : null,
        environments: environmentSummaries(current, curCells, opts.hostEnv),
        cells,
        baselineCells,
        overheads,
        baselineOverheads,
        suiteOverheads,
        aggregates,
        comparisons,
        overheadComparisons,
        headline: {
            status,
            reason: status === 'incomparable' ? incomparableHeadline(comparisons, diffs) : null,
            aggregateRegressions,
            overheadRegressions,
            regressions,
            aggregateCounts: count(aggregates),
            overheadCounts: count(overheadComparisons),
            absoluteCounts: count(comparisons),
            tests: pending.length,
            underpowered: underpowered.length,
        },
        design: {
            correction: opts.correction,
            aggregateTests: pending.filter((x) => x.level === 'aggregate').length,
            cellTests: pending.filter((x) => x.level === 'cell').length,
            alphaFirstLook: gamma,
            extendedCells: design?.extended.length ?? 0,
            extraRounds: design?.extraRounds ?? 0,
        },
        underpowered,
        failures: groupFailures(current),
        fingerprintDifferences: diffs,
        notes,
    };
}
function cellRefOf(cell) {
    const { values: _v, rounds: _r, conflicts: _c, warnings: _w, ...ref } = cell;
    return ref;
}
function seDf(c) {
    return { se: c.se, df: c.df };
}
function overheadIncomparable(diffs, env, hostEnv, baseHost, suite) {
    return (incomparableReason(diffs, env, suite) ??
        incomparableReason(diffs, hostEnv, suite) ??
        (baseHost !== hostEnv ? `host environment changed: ${baseHost} → ${hostEnv}` : null));
}
/** Map the log contrast to a direction-aware degradation and its interval. */
function setChange(t, contrast, better) {
    const a = degradationFromLog(contrast.low, better);
    const b = degradationFromLog(contrast.high, better);
    t.change = degradationFromLog(contrast.estimate, better);
    t.ciLow = Math.min(a, b);
    t.ciHigh = Math.max(a, b);
    t.p = contrast.p;
}
/**
 * A regression needs (1) significance after correction and (2) an effect that can reach the
 * minimum: the interval's worse end is ≥ minEffect. (2) drops changes shown to be smaller than
 * the minimum (a precise 1% shift) without halving the power at exactly the minimum, which a
 * rule on the point estimate would do.
 */
function decide(change, low, high, pAdj, opts) {
    if (!(pAdj < opts.alpha))
        return 'unchanged';
    if (change > 0 && high >= opts.minEffect)
        return 'regression';
    if (change < 0 && low <= -opts.minEffect)
        return 'improvement';
    return 'unchanged';
}
function environmentSummaries(results, cells, hostEnv) {
    const perEnv = new Map();
    for (const c of cells.values())
        if (c.values.length > 0)
            perEnv.set(c.env, (perEnv.get(c.env) ?? 0) + 1);
    return results.environments.map((e) => {
        const { scratch, netperfPeer } = e.fingerprint;
        return {
            id: e.id,
            kind: e.kind,
            bootMode: e.bootMode,
            label: envLabel(e.id, e.kind),
            isHost: e.id === hostEnv,
            skipped: e.skipped ?? null,
            cells: perEnv.get(e.id) ?? 0,
            failures: results.failures.filter((f) => f.env === e.id).length,
            ...(scratch || netperfPeer
                ? {
                    paths: {
                        ...(scratch
                            ? { scratch: { path: scratch.path, source: scratch.source, fstype: scratch.fstype } }
                            : {}),
                        ...(netperfPeer ? { netperfPeer: { ...netperfPeer } } : {}),
                    },
                }
                : {}),
        };
    });
}
function groupFailures(results) {
    const groups = new Map();
    for (const f of results.failures) {
        const key = `${f.env}\u0000${f.suite}\u0000${JSON.stringify(Object.entries(f.params).sort())}`;
        let g = groups.get(key);
        if (!g) {
            g = { env: f.env, suite: f.suite, params: f.params, kinds: [], rounds: [], message: f.message };
            groups.set(key, g);
        }
        if (f.kind && !g.kinds.includes(f.kind))
            g.kinds.push(f.kind);
        g.rounds.push(f.round);
    }
    return [...groups.values()];
}
/** Unchanged tests whose minimum detectable effect is above the minimum effect, largest first. */
function underpoweredTests(aggregates, overheads, absolute, minEffect) {
    const out = [];
    const add = (test, list) => {
        for (const t of list) {
            if (t.verdict !== 'unchanged' || t.mde === null || !(t.mde > minEffect))
                continue;
            out.push({ test, env: t.env, suite: t.suite, label: t.label, mde: t.mde });
        }
    };
    add('aggregate', aggregates);
    add('overhead', overheads);
    add('absolute', absolute);
    return out.sort((a, b) => b.mde - a.mde);
}

/**
 * Escaping of every untrusted string before it reaches Markdown, HTML, mermaid or CSV:
 * tool output, branch names, environment ids, config values, fingerprint strings.
 */
const ZWSP = '&#8203;';
/**
 * Text for GitHub-flavoured Markdown (paragraphs, list items and table cells): one line, no
 * raw HTML (so no <script>, no <!-- comments --> that hide the rest), no Markdown syntax
 * (links, images, code spans, emphasis, table pipes), no @mentions or #references (a
 * zero-width space breaks the trigger), no autolinked URLs.
 */
function escapeMarkdown(input, maxLength = 500) {
    let s = String(input ?? '');
    // Control characters and line breaks: one line, so a value cannot start a new block.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    s = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}…`;
    s = s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/([\\`*_{}[\]()#+!|~^$])/g, '\\$1');
    // After the backslash escapes: break mentions, issue refs (now `\#`) and URL schemes.
    s = s
        .replace(/@/g, `@${ZWSP}`)
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\bwww\./gi, (m) => `${m[0]}${ZWSP}${m.slice(1)}`);
    return s;
}
/** Text and attribute values in HTML. */
function escapeHtml(input) {
    return String(input ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/**
 * A label inside a mermaid code block: only a safe alphabet survives (no quotes, backticks
 * that could close the fence, %% directives, brackets or newlines), capped in length.
 */
function mermaidLabel(input, maxLength = 40) {
    let s = String(input ?? '')
        .replace(/[–—]/g, '-')
        .replace(/[^A-Za-z0-9 _.,:/()+×%-]/g, ' ')
        .replace(/%+/g, '%')
        .replace(/\s+/g, ' ')
        .trim();
    if (s.length > maxLength)
        s = `${s.slice(0, maxLength - 1)}…`;
    return s === '' ? '-' : s;
}
/**
 * One CSV field (RFC 4180 quoting). Strings that a spreadsheet would run as a formula
 * (leading = + - @ tab CR) get a leading apostrophe; numbers are written as numbers.
 */
function csvField(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : '';
    let s = String(value);
    if (/^[=+\-@\t\r]/.test(s))
        s = `'${s}`;
    if (/[",\r\n]/.test(s))
        s = `"${s.replace(/"/g, '""')}"`;
    return s;
}

const CSV_COLUMNS = [
    'env',
    'suite',
    'metric',
    'params',
    'unit',
    'better',
    'n',
    'mean',
    'median',
    'sd',
    'cv',
    'ci_low',
    'ci_high',
    'overhead',
    'overhead_ci_low',
    'overhead_ci_high',
    'baseline_n',
    'baseline_mean',
    'change',
    'change_ci_low',
    'change_ci_high',
    'p',
    'p_adjusted',
    'verdict',
    'mde',
    'overhead_change',
    'overhead_p_adjusted',
    'overhead_verdict',
    'overhead_mde',
    'reason',
];
function renderCsv(a) {
    const overheads = new Map(a.overheads.map((o) => [cellKey(o.env, o.metricKey), o]));
    const comparisons = new Map(a.comparisons.map((c) => [cellKey(c.env, c.metricKey), c]));
    const ocs = new Map(a.overheadComparisons.map((c) => [cellKey(c.env, c.metricKey), c]));
    const stats = new Map(a.cells.map((c) => [cellKey(c.env, c.metricKey), c]));
    const rows = [CSV_COLUMNS.join(',')];
    const seen = new Set();
    const emit = (key) => {
        const s = stats.get(key);
        const cmp = comparisons.get(key);
        const ref = s ?? cmp;
        if (!ref)
            return;
        const o = overheads.get(key);
        const oc = ocs.get(key);
        const params = Object.keys(ref.params)
            .sort()
            .map((k) => `${k}=${String(ref.params[k])}`)
            .join(';');
        const reason = [cmp?.reason, oc?.reason].filter(Boolean).join(' / ');
        const values = [
            ref.env,
            ref.suite,
            ref.metric,
            params,
            ref.unit,
            ref.better,
            s?.n,
            s?.mean,
            s?.median,
            s?.sd,
            s?.cv,
            s?.ciLow,
            s?.ciHigh,
            o?.overhead,
            o?.ciLow,
            o?.ciHigh,
            cmp?.baseline?.n,
            cmp?.baseline?.mean,
            cmp?.change,
            cmp?.ciLow,
            cmp?.ciHigh,
            cmp?.p,
            cmp?.pAdjusted,
            cmp?.verdict,
            cmp?.mde,
            oc?.change,
            oc?.pAdjusted,
            oc?.verdict,
            oc?.mde,
            reason,
        ];
        rows.push(values.map(csvField).join(','));
    };
    for (const c of a.cells) {
        const key = cellKey(c.env, c.metricKey);
        seen.add(key);
        emit(key);
    }
    // Cells only in the baseline (missing now) still get a row.
    for (const c of a.comparisons) {
        const key = cellKey(c.env, c.metricKey);
        if (!seen.has(key)) {
            seen.add(key);
            emit(key);
        }
    }
    return `${rows.join('\r\n')}\r\n`;
}

/**
 * IOzone's names for its tests, in each of its three layouts, mapped to the op part of the
 * metric ids (`iozone.<op>`, `iozone.throughput.<op>`; DESIGN.md). The first thirteen are
 * DESIGN's list; pwrite/pread and the mixed workload (-i 8..11) are kept under the same
 * naming rule rather than dropped.
 */
/** DESIGN's thirteen ops in the order IOzone prints its auto-mode table columns. */
const IOZONE_OPS = [
    'write',
    'rewrite',
    'read',
    'reread',
    'random_read',
    'random_write',
    'bkwd_read',
    'record_rewrite',
    'stride_read',
    'fwrite',
    'frewrite',
    'fread',
    'freread',
];
/** Auto-mode table: the two header lines' labels joined by a space, lower-cased. */
const TABLE_COLUMNS = {
    write: 'write',
    rewrite: 'rewrite',
    read: 'read',
    reread: 'reread',
    're-read': 'reread',
    'random read': 'random_read',
    'random write': 'random_write',
    'bkwd read': 'bkwd_read',
    'record rewrite': 'record_rewrite',
    'stride read': 'stride_read',
    fwrite: 'fwrite',
    frewrite: 'frewrite',
    fread: 'fread',
    freread: 'freread',
};
/** The file-size column's label across versions (`kB` in 3.4xx+, `KB`/`Kbytes` before). */
const FILE_SIZE_LABEL = /^(kB|KB|Kb|kb|Kbytes|KBytes|kbytes)$/;
/** `-R` report section titles, lower-cased, without the quotes and the word "report". */
const REPORT_SECTIONS = {
    writer: 'write',
    're-writer': 'rewrite',
    reader: 'read',
    're-reader': 'reread',
    'random read': 'random_read',
    'random write': 'random_write',
    'backward read': 'bkwd_read',
    'record rewrite': 'record_rewrite',
    'stride read': 'stride_read',
    fwrite: 'fwrite',
    're-fwrite': 'frewrite',
    fread: 'fread',
    're-fread': 'freread',
    pwrite: 'pwrite',
    're-pwrite': 'repwrite',
    pread: 'pread',
    're-pread': 'repread',
};
/** Throughput mode (`-t`): the "Children see throughput for N <label>" labels. */
const THROUGHPUT_LABELS = {
    'initial writers': 'write',
    rewriters: 'rewrite',
    readers: 'read',
    're-readers': 'reread',
    'reverse readers': 'bkwd_read',
    'stride readers': 'stride_read',
    'random readers': 'random_read',
    'random writers': 'random_write',
    'mixed workload': 'random_mix',
    'record rewriters': 'record_rewrite',
    fwriters: 'fwrite',
    're-fwriters': 'frewrite',
    freaders: 'fread',
    're-freaders': 'freread',
    'pwrite writers': 'pwrite',
    're-pwrite writers': 'repwrite',
    'pread readers': 'pread',
    're-pread readers': 'repread',
    'pwritev writers': 'pwritev',
    're-pwritev writers': 'repwritev',
    'preadv readers': 'preadv',
    're-preadv readers': 'repreadv',
};
/** A metric-id-safe slug for a label IOzone printed that the tables above lack. */
function opSlug(label) {
    const s = label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
    return s === '' ? 'unnamed' : s;
}

const HUMAN = {
    '10^6bits/s': { unit: 'Mbit/s', factor: 1 },
    'kB/s': { unit: 'MiB/s', factor: 1 / 1024 },
    KBps: { unit: 'KiB/s', factor: 1 },
};
function displayUnit(raw) {
    return HUMAN[raw] ?? { unit: raw, factor: 1 };
}
/** A value in its raw unit, scaled to the display unit (null stays null). */
function toDisplay(value, raw) {
    if (value === null || value === undefined)
        return null;
    return value * displayUnit(raw).factor;
}

function num$2(v) {
    return typeof v === 'number' ? v : Number(v);
}
function sizeLabel(kb) {
    if (kb >= 1024 && kb % 1024 === 0)
        return `${kb / 1024} MB`;
    return `${kb} KB`;
}
function direction(better) {
    return better === 'lower' ? 'lower is better' : 'higher is better';
}
/** Environments in report order, with their labels. */
function envOrder(analysis) {
    const withCells = new Set(analysis.cells.map((c) => c.env));
    return analysis.environments.filter((e) => withCells.has(e.id)).map((e) => ({ id: e.id, label: e.label }));
}
function groupBy(items, key) {
    const m = new Map();
    for (const it of items) {
        const k = key(it);
        const list = m.get(k);
        if (list)
            list.push(it);
        else
            m.set(k, [it]);
    }
    return m;
}
function seriesFor(envs, cells, categoryOf, categories, 
/** Maps a value of the cell (mean or SD) to the chart's unit; null: not drawn. */
scale = (c) => {
    const k = displayUnit(c.unit).factor;
    return (x) => x * k;
}) {
    return envs
        .map((e) => {
        const byCat = new Map(cells.filter((c) => c.env === e.id).map((c) => [categoryOf(c), c]));
        const at = (cat) => {
            const c = byCat.get(cat);
            const k = c ? scale(c) : null;
            if (!c || k === null)
                return { v: null, e: null };
            return { v: k(c.mean), e: c.sd === null ? null : k(c.sd) };
        };
        const points = categories.map(at);
        return { name: e.label, values: points.map((p) => p.v), errors: points.map((p) => p.e) };
    })
        .filter((s) => s.values.some((v) => v !== null));
}
function paramsWithout(c, drop) {
    return Object.keys(c.params)
        .filter((k) => !drop.includes(k))
        .sort()
        .map((k) => `${k}=${String(c.params[k])}`)
        .join(', ');
}
function buildCharts(analysis) {
    const envs = envOrder(analysis);
    const charts = [];
    const cells = analysis.cells;
    // Fig. 2: hackbench, time vs number of tasks, one chart per (mode, ipc, ...) variant; the
    // title names every parameter that tells two variants apart.
    const hb = cells.filter((c) => c.metric === 'hackbench.time' && c.params['tasks'] !== undefined);
    const variants = [...groupBy(hb, (c) => paramsWithout(c, ['tasks', 'groups']))];
    const varying = ['fds', 'loops', 'datasize'].filter((k) => new Set(variants.map(([, g]) => String(g[0].params[k]))).size > 1);
    for (const [, group] of variants) {
        const tasks = [...new Set(group.map((c) => num$2(c.params['tasks'])))].sort((a, b) => a - b);
        const cats = tasks.map(String);
        const p = group[0].params;
        const what = [
            ...[p['mode'], p['ipc']].filter((x) => x !== undefined).map(String),
            ...varying.map((k) => `${k} ${String(p[k])}`),
        ].join(', ');
        charts.push({
            id: `hackbench-${charts.length}`,
            figure: 'Fig. 2',
            title: `hackbench time vs tasks${what ? ` (${what})` : ''}`,
            kind: 'line',
            xLabel: 'tasks',
            yLabel: `time (${group[0].unit}), ${direction('lower')}`,
            categories: cats,
            series: seriesFor(envs, group, (c) => String(num$2(c.params['tasks'])), cats),
        });
    }
    // Figs. 3–4: UnixBench tests as % of host (each test has its own unit: lps, MWIPS, lpm).
    const host = analysis.environments.find((e) => e.isHost)?.id;
    const ub = cells.filter((c) => c.suite === 'unixbench' && !c.metric.startsWith('unixbench.index'));
    if (ub.length > 0 && host) {
        const hostMean = new Map(ub.filter((c) => c.env === host).map((c) => [c.metricKey, c.mean]));
        const tests = [
            ...new Set(ub.filter((c) => hostMean.has(c.metricKey)).map((c) => c.label.replace(/^UnixBench /, ''))),
        ];
        charts.push({
            id: 'unixbench',
            figure: 'Figs. 3–4',
            title: 'UnixBench score relative to the host',
            kind: 'bar',
            xLabel: 'test',
            yLabel: `score (% of host), ${direction('higher')}`,
            categories: tests,
            series: seriesFor(envs, ub, (c) => c.label.replace(/^UnixBench /, ''), tests, (c) => {
                const h = hostMean.get(c.metricKey);
                return h ? (x) => (x / h) * 100 : null;
            }),
        });
    }
    // Figs. 5–6: IOzone per file size: operations as bars. One record size per file size
    // (4 KB when measured, otherwise the smallest) keeps the figure readable; the tables have all.
    const io = cells.filter((c) => /^iozone\.[a-z_]+$/.test(c.metric) && c.params['file_kb'] !== undefined);
    for (const [fileKb, group] of [...groupBy(io, (c) => String(num$2(c.params['file_kb'])))].sort((a, b) => Number(a[0]) - Number(b[0]))) {
        const recs = [...new Set(group.map((c) => num$2(c.params['reclen_kb'])))].sort((a, b) => a - b);
        const rec = recs.includes(4) ? 4 : recs[0];
        const chosen = group.filter((c) => num$2(c.params['reclen_kb']) === rec);
        const present = new Set(chosen.map((c) => c.metric.slice('iozone.'.length)));
        const ops = [
            ...IOZONE_OPS.filter((o) => present.has(o)),
            ...[...present].filter((o) => !IOZONE_OPS.includes(o)).sort(),
        ];
        charts.push({
            id: `iozone-${fileKb}`,
            figure: 'Figs. 5–6',
            title: `IOzone throughput per operation (${sizeLabel(Number(fileKb))} file, ${sizeLabel(rec)} records)`,
            kind: 'bar',
            xLabel: 'operation',
            yLabel: `throughput (${displayUnit(chosen[0].unit).unit}), ${direction('higher')}`,
            categories: ops,
            series: seriesFor(envs, chosen, (c) => c.metric.slice('iozone.'.length), ops),
        });
    }
    // Fig. 7: netperf stream throughput vs message size.
    const st = cells.filter((c) => /^netperf\.[a-z_]+\.throughput$/.test(c.metric) && c.params['message_bytes'] !== undefined);
    for (const [metric, group] of groupBy(st, (c) => c.metric)) {
        const sizes = [...new Set(group.map((c) => num$2(c.params['message_bytes'])))].sort((a, b) => a - b);
        const cats = sizes.map(String);
        charts.push({
            id: `netperf-${metric.split('.')[1]}`,
            figure: 'Fig. 7',
            title: `netperf ${metric.split('.')[1].toUpperCase()} throughput vs message size`,
            kind: 'line',
            xLabel: 'message size (bytes)',
            yLabel: `throughput (${displayUnit(group[0].unit).unit}), ${direction('higher')}`,
            categories: cats,
            series: seriesFor(envs, group, (c) => String(num$2(c.params['message_bytes'])), cats),
        });
    }
    // Fig. 8: request/response rates as bars.
    const rr = cells.filter((c) => /^netperf\.[a-z_]+\.rate$/.test(c.metric));
    if (rr.length > 0) {
        const cats = [...new Set(rr.map((c) => c.label))];
        charts.push({
            id: 'netperf-rr',
            figure: 'Fig. 8',
            title: 'netperf request/response rate',
            kind: 'bar',
            xLabel: 'test (request/response bytes)',
            yLabel: `rate (${displayUnit(rr[0].unit).unit}), ${direction('higher')}`,
            categories: cats,
            series: seriesFor(envs, rr, (c) => c.label, cats),
        });
    }
    return charts
        .filter((c) => c.series.length > 0 && c.categories.length > 0)
        .map((c) => (c.kind === 'line' && c.categories.length === 1 ? { ...c, kind: 'bar' } : c));
}
/** The title a reader sees: what the chart shows, then the paper figure it mirrors. */
function chartTitle(spec) {
    return `${spec.title} — ${paperFigure(spec)}`;
}
function paperFigure(spec) {
    return `mirrors ${spec.figure} of Raho et al. (2015)`;
}

const span = (text, extra = {}) => ({ text, ...extra });
const safe = (text, extra = {}) => ({
    text,
    safe: true,
    ...extra,
});
const cell = (text, extra = {}) => ({ text, ...extra });
const num$1 = (text, extra = {}) => ({
    text,
    safe: true,
    ...extra,
});

/** Number formatting shared by the Markdown, HTML and CSV renderers. */
const sig = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
/** A measured value: 4 significant digits, thousands separators ("1,235", "0.3124"). */
function formatValue(v) {
    if (v === null || v === undefined || !Number.isFinite(v))
        return '–';
    return sig.format(v);
}
/** A fraction as a percentage with a sign when asked ("+5.2%"). */
function formatPct(v, digits = 1, signed = false) {
    if (v === null || v === undefined || !Number.isFinite(v))
        return '–';
    const s = `${(v * 100).toFixed(digits)}%`;
    return signed && v > 0 ? `+${s}` : s;
}
/** Axis tick: compact SI (1.5k, 2M) for large values. */
function formatTick(v) {
    const a = Math.abs(v);
    if (a >= 1e9)
        return `${+(v / 1e9).toPrecision(3)}G`;
    if (a >= 1e6)
        return `${+(v / 1e6).toPrecision(3)}M`;
    if (a >= 1e4)
        return `${+(v / 1e3).toPrecision(3)}k`;
    return `${+v.toPrecision(3)}`;
}
/** Nice axis maximum and step (1, 2, 2.5, 5 × 10^k), ~5 ticks from 0. */
function niceScale(max, ticks = 5) {
    if (!(max > 0))
        return { max: 1, step: 0.2 };
    const raw = max / ticks;
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    return { max: Math.ceil(max / step - 1e-9) * step, step };
}

/**
 * Analysis → ReportDocument: every section of the report, once, for both the Markdown and the
 * HTML. A new section is one function here, pushed in `buildReport` where it belongs.
 *
 * Honest at small n: a cell or an overhead with fewer than MIN_RUNS_FOR_INTERVAL runs gets no
 * interval — its range (min … max) and a note that more runs are needed. Intervals of means
 * are on the log scale (the analysis), overhead intervals are bootstrap percentiles of a ratio,
 * so neither leaves the possible range. An overhead against a host mean of 0 (or one that is not
 * finite) is "incomparable" with the reason.
 */
/** Below this many runs on a side, no interval is shown (a 95% interval from 2 runs is ±6 SD wide). */
const MIN_RUNS_FOR_INTERVAL = 3;
const ICONS = {
    regression: '🔴 regression',
    improvement: '🟢 improvement',
    unchanged: '⚪ unchanged',
    incomparable: '⚠️ incomparable',
    erratic: '〰️ erratic',
    missing: '❔ missing',
};
const VERDICT_TONE = {
    regression: 'bad',
    improvement: 'good',
    unchanged: 'neutral',
    incomparable: 'warn',
    erratic: 'warn',
    missing: 'warn',
};
const METHOD = 'Overhead = degradation relative to the host (Raho et al. 2015): (env − host)/host for times, (host − env)/host for throughputs; ' +
    'its interval is a 95% percentile bootstrap of the ratio of means, and intervals of means are 95% on the log scale, so neither leaves the possible range; ' +
    `with fewer than ${MIN_RUNS_FOR_INTERVAL} runs a cell shows its range (min … max) instead. ` +
    'Verdicts: suite overheads (geometric mean of env/host) first, then cells (Welch t on logs), one weighted Holm (or BH) family; a regression is significant and its 95% interval reaches the minimum effect. ' +
    'Units: Mbit/s and MiB/s here (IOzone’s kB is 1024 bytes); results.json and the CSV keep each tool’s own unit.';
function envName(a, id) {
    return a.environments.find((x) => x.id === id)?.label ?? envLabel(id);
}
function p(v) {
    if (v === null)
        return '–';
    return v < 0.0001 ? v.toExponential(1) : v.toFixed(4);
}
function ci(low, high) {
    return low === null || high === null ? '–' : `${formatPct(low, 1, true)} … ${formatPct(high, 1, true)}`;
}
/** A value in display units with 4 significant digits. */
function dv(v, rawUnit) {
    return formatValue(toDisplay(v, rawUnit));
}
function side(s, rawUnit) {
    if (!s)
        return '–';
    return `${dv(s.mean, rawUnit)} (n=${s.n}${s.cv !== null ? `, CV ${formatPct(s.cv)}` : ''})`;
}
/** Looks cells up by environment and metric. */
function cellIndex(a) {
    const m = new Map(a.cells.map((c) => [cellKey(c.env, c.metricKey), c]));
    return (env, metricKey) => m.get(cellKey(env, metricKey));
}
/** Why an environment's overhead on a metric cannot be given, or null when it can. */
function overheadProblem(host, env) {
    if (!host || !env)
        return null;
    if (!Number.isFinite(host.mean))
        return 'host mean is not a finite number';
    if (!(host.mean > 0))
        return `host mean is ${formatValue(host.mean)}: a ratio against it is undefined`;
    if (!Number.isFinite(env.mean))
        return 'environment mean is not a finite number';
    if (!(env.mean > 0))
        return `environment mean is ${formatValue(env.mean)}`;
    return null;
}
/** The overhead range over every pair of runs (min/max of env and host): for n < 3. */
function overheadRange(o, env, host) {
    const a = overheadFromRatio(env.min / host.max, o.better);
    const b = overheadFromRatio(env.max / host.min, o.better);
    return [Math.min(a, b), Math.max(a, b)];
}
function fewRuns(o) {
    return o.nEnv < MIN_RUNS_FOR_INTERVAL || o.nHost < MIN_RUNS_FOR_INTERVAL;
}
function runsLabel(o) {
    return o.nEnv === o.nHost ? `n=${o.nEnv}` : `n=${o.nEnv}/${o.nHost}`;
}
/** "12.3% (8.0% … 17.1%, n=10)" or, below 3 runs, "12.3% (range 5.0% … 20.1%, n=2)". */
function overheadText(o, lookup) {
    const env = lookup(o.env, o.metricKey);
    const host = lookup(o.hostEnv, o.metricKey);
    if (fewRuns(o)) {
        if (!env || !host)
            return `${formatPct(o.overhead)} (${runsLabel(o)}, no interval)`;
        const [lo, hi] = overheadRange(o, env, host);
        return `${formatPct(o.overhead)} (range ${formatPct(lo)} … ${formatPct(hi)}, ${runsLabel(o)})`;
    }
    return `${formatPct(o.overhead)} (${formatPct(o.ciLow)} … ${formatPct(o.ciHigh)}, ${runsLabel(o)})`;
}
function fewRunsNote(what) {
    return {
        kind: 'note',
        text: [
            safe(`${what} with fewer than ${MIN_RUNS_FOR_INTERVAL} runs show no interval but their range (smallest … largest); ` +
                `more runs are needed for a 95% interval (set runs: ${MIN_RUNS_FOR_INTERVAL} or more, or use the quick or paper preset).`),
        ],
    };
}
// ---------------------------------------------------------------------------- the headline
/** "could not see less than 12%": the minimum detectable effect of an unchanged verdict, in words. */
function cannotSee(mde) {
    return mde === null ? '' : `could not see less than ${formatPct(mde, 0)}`;
}
function verdict(a) {
    const h = a.headline;
    const o = a.options;
    const d = a.design;
    const family = d.aggregateTests > 0
        ? `${d.aggregateTests} suite aggregates first, then ${d.cellTests} cells`
        : `${h.tests} tests`;
    const method = `${family}, ${o.correction === 'holm' ? 'weighted Holm' : 'Benjamini-Hochberg'} at α=${o.alpha}, minimum effect ${formatPct(o.minEffect, 0)}`;
    if (h.status === 'no-baseline')
        return {
            text: [safe('ℹ️ No baseline: overheads against the host only, no verdicts.', { strong: true })],
        };
    if (h.status === 'incomparable')
        // The first line says why: a report that compared nothing never reads as a pass.
        return {
            text: [
                span(`⚠️ ${h.reason ?? 'Nothing could be compared with the baseline.'}`, { strong: true, max: 600 }),
            ],
            tone: 'warn',
        };
    if (h.status === 'ok') {
        const inc = h.aggregateCounts.incomparable + h.overheadCounts.incomparable + h.absoluteCounts.incomparable;
        const mis = h.aggregateCounts.missing + h.overheadCounts.missing + h.absoluteCounts.missing;
        const err = h.overheadCounts.erratic + h.absoluteCounts.erratic;
        const seen = a.aggregates.filter((x) => x.verdict === 'unchanged' && x.mde !== null).map((x) => x.mde);
        const reach = seen.length > 0
            ? ` The suite overheads could not see less than ${formatPct(Math.min(...seen), 0)}–${formatPct(Math.max(...seen), 0)}` +
                (h.underpowered > 0
                    ? `; ${h.underpowered} tests could not see ${formatPct(o.minEffect, 0)} (underpowered, listed below).`
                    : '.')
            : '';
        return {
            text: [
                safe('✅ No regression', { strong: true }),
                safe(` (${method}; ${inc} incomparable, ${mis} missing, ${err} erratic).${reach}`),
            ],
            tone: 'good',
        };
    }
    return {
        text: [
            safe(`❌ ${h.aggregateRegressions.length} suite overhead regression(s), ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s)`, { strong: true }),
            safe(` (${method}).`),
        ],
        tone: 'bad',
    };
}
function runLine(a) {
    const r = a.current;
    const out = [span(`Run ${r.id}`, { max: 80 }), safe(' · '), span(`board ${r.board}`, { max: 80 })];
    out.push(safe(' · '), span(`preset ${r.preset}`, { max: 40 }));
    if (r.gitSha)
        out.push(safe(' · '), span(`commit ${r.gitSha.slice(0, 12)}`));
    out.push(safe(' · '), span(`started ${r.started}`));
    if (r.status && r.status !== 'complete')
        out.push(safe(' · status '), span(r.status, { strong: true }));
    const b = a.baseline;
    if (b) {
        out.push(safe(' — baseline: '), span(`run ${b.id}`, { max: 80 }));
        if (b.gitSha)
            out.push(span(` at ${b.gitSha.slice(0, 12)}`));
    }
    return out;
}
function overheadSummary(a, lookup) {
    const items = [];
    for (const e of a.environments.filter((x) => !x.isHost)) {
        const list = a.overheads.filter((o) => o.env === e.id);
        if (list.length === 0)
            continue;
        const sorted = [...list].sort((x, y) => x.overhead - y.overhead);
        const median = sorted[Math.floor((sorted.length - 1) / 2)].overhead;
        const worst = sorted[sorted.length - 1];
        items.push([
            span(e.label, { strong: true, max: 60 }),
            safe(`: median overhead ${formatPct(median)} over ${list.length} metrics; largest: `),
            span(`${worst.label} ${overheadText(worst, lookup)}`, { max: 300 }),
        ]);
    }
    const blocks = items.length > 0
        ? [{ kind: 'list', items }]
        : [
            {
                kind: 'paragraph',
                text: [
                    safe(a.options.hostEnv === null
                        ? 'No host environment in these results: no overheads.'
                        : 'No environment besides the host has a metric the host measured too.'),
                ],
            },
        ];
    if (a.overheads.some(fewRuns))
        blocks.push(fewRunsNote('Overheads'));
    return {
        id: 'overhead-summary',
        title: 'Overhead against the host',
        blocks,
        markdown: { summary: 'open', comment: 'open' },
        essential: true,
    };
}
const COMPARISON_COLUMNS = [
    { title: 'Environment' },
    { title: 'Metric' },
    { title: 'Unit' },
    { title: 'Baseline', numeric: true },
    { title: 'Current', numeric: true },
    { title: 'Change (worse > 0)', numeric: true },
    { title: '95% CI', numeric: true },
    { title: 'p (adj.)', numeric: true },
    { title: 'Verdict' },
    { title: 'Note' },
];
function comparisonRow(a, c) {
    return [
        cell(envName(a, c.env), { max: 60 }),
        cell(c.label, { max: 120 }),
        cell(displayUnit(c.unit).unit, { max: 20 }),
        num$1(side(c.baseline, c.unit)),
        num$1(side(c.current, c.unit)),
        num$1(formatPct(c.change, 1, true), c.verdict === 'regression' ? { tone: 'bad' } : {}),
        num$1(ci(c.ciLow, c.ciHigh)),
        num$1(p(c.pAdjusted)),
        num$1(ICONS[c.verdict], { tone: VERDICT_TONE[c.verdict] }),
        cell(c.reason ?? (c.verdict === 'unchanged' ? cannotSee(c.mde) : ''), { max: 200 }),
    ];
}
const OVERHEAD_COMPARISON_COLUMNS = [
    { title: 'Environment' },
    { title: 'Metric' },
    { title: 'Overhead before', numeric: true },
    { title: 'Overhead now', numeric: true },
    { title: 'Change vs host', numeric: true },
    { title: '95% CI', numeric: true },
    { title: 'p (adj.)', numeric: true },
    { title: 'Verdict' },
    { title: 'Note' },
];
function overheadComparisonRow(a, o) {
    return [
        cell(envName(a, o.env), { max: 60 }),
        cell(o.label, { max: 120 }),
        num$1(formatPct(o.baselineOverhead)),
        num$1(formatPct(o.currentOverhead)),
        num$1(formatPct(o.change, 1, true)),
        num$1(ci(o.ciLow, o.ciHigh)),
        num$1(p(o.pAdjusted)),
        num$1(ICONS[o.verdict], { tone: VERDICT_TONE[o.verdict] }),
        cell(o.reason ?? (o.verdict === 'unchanged' ? cannotSee(o.mde) : ''), { max: 200 }),
    ];
}
const AGGREGATE_COLUMNS = [
    { title: 'Environment' },
    { title: 'Suite' },
    { title: 'Cells', numeric: true },
    { title: 'Overhead before', numeric: true },
    { title: 'Overhead now', numeric: true },
    { title: 'Change vs host', numeric: true },
    { title: '95% CI', numeric: true },
    { title: 'p (adj.)', numeric: true },
    { title: 'Verdict' },
    { title: 'Note' },
];
function aggregateRow(a, g) {
    const note = g.reason ??
        (g.verdict === 'unchanged' ? cannotSee(g.mde) : '') +
            (g.extraRounds > 0 ? ` (+${g.extraRounds} rounds)` : '');
    return [
        cell(envName(a, g.env), { max: 60 }),
        cell(g.label.slice(envName(a, g.env).length).trim() || g.suite, { max: 60 }),
        num$1(String(g.cells)),
        num$1(formatPct(g.baselineOverhead)),
        num$1(formatPct(g.currentOverhead)),
        num$1(formatPct(g.change, 1, true), g.verdict === 'regression' ? { tone: 'bad' } : {}),
        num$1(ci(g.ciLow, g.ciHigh)),
        num$1(p(g.pAdjusted)),
        num$1(ICONS[g.verdict], { tone: VERDICT_TONE[g.verdict] }),
        cell(note.trim(), { max: 200 }),
    ];
}
/** The suite-level verdicts: what the comment leads with (the cells are their drill-down). */
function aggregateSection(a) {
    if (a.aggregates.length === 0)
        return null;
    const rows = [...a.aggregates].sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict]);
    const blocks = [];
    const regressions = a.headline.aggregateRegressions;
    if (regressions.length > 0)
        blocks.push({
            kind: 'list',
            items: regressions.map((g) => [safe('🔴 '), span(g.sentence, { max: 400, tone: 'bad' })]),
            limit: 20,
        });
    blocks.push({
        kind: 'table',
        columns: AGGREGATE_COLUMNS,
        rows: rows.map((g) => aggregateRow(a, g)),
        limit: 40,
    });
    return {
        id: 'suite-overheads',
        title: 'Suite overheads (geometric mean over each suite’s cells; tested first)',
        blocks,
        markdown: { summary: 'open', comment: 'open' },
        essential: true,
    };
}
/** Without a baseline: each suite's overhead in each environment, with its interval. */
function suiteOverheadSection(a) {
    if (a.suiteOverheads.length === 0)
        return null;
    return {
        id: 'suite-overheads',
        title: 'Overhead per suite (geometric mean over its cells)',
        blocks: [
            { kind: 'list', items: a.suiteOverheads.map((s) => [span(s.sentence, { max: 300 })]), limit: 40 },
        ],
        markdown: { summary: 'open', comment: 'open' },
    };
}
/** Tests whose MDE is above the minimum effect: the change they could have missed. */
function underpoweredSection(a) {
    if (a.underpowered.length === 0)
        return null;
    const what = { aggregate: 'suite overhead', overhead: 'overhead', absolute: 'absolute' };
    return {
        id: 'underpowered',
        title: `Underpowered: ${a.underpowered.length} unchanged verdicts could not see a ${formatPct(a.options.minEffect, 0)} change`,
        blocks: [
            {
                kind: 'list',
                items: a.underpowered.map((u) => [
                    span(`${envName(a, u.env)} ${u.test === 'aggregate' ? u.label.slice(envName(a, u.env).length).trim() : u.label}`, { max: 160 }),
                    safe(` (${what[u.test]}): ${cannotSee(u.mde)}`),
                ]),
                limit: 30,
            },
            {
                kind: 'note',
                text: [
                    safe('More runs (runs:, or the paper preset), or fewer cells, shrink these; a noisy cell (see its CV) needs more runs than a quiet one.'),
                ],
            },
        ],
        markdown: { summary: 'collapsed', comment: 'collapsed' },
    };
}
function regressionSections(a) {
    const h = a.headline;
    const ors = h.overheadRegressions;
    const orBlocks = ors.length === 0
        ? [
            {
                kind: 'paragraph',
                text: [safe(`None: ${a.overheadComparisons.length} environment × metric overheads compared.`)],
            },
        ]
        : [
            {
                kind: 'list',
                items: ors.map((o) => [safe('🔴 '), span(o.sentence, { max: 400, tone: 'bad' })]),
                limit: 40,
            },
        ];
    const rs = h.regressions;
    const c = h.absoluteCounts;
    const oc = h.overheadCounts;
    const rBlocks = rs.length === 0
        ? [{ kind: 'paragraph', text: [safe(`None: ${a.comparisons.length} cells compared.`)] }]
        : [{ kind: 'table', columns: COMPARISON_COLUMNS, rows: rs.map((x) => comparisonRow(a, x)), limit: 40 }];
    rBlocks.push({
        kind: 'paragraph',
        text: [
            safe(`Verdicts — overhead: ${oc.regression} regression, ${oc.improvement} improvement, ${oc.unchanged} unchanged, ${oc.incomparable} incomparable, ${oc.erratic} erratic, ${oc.missing} missing; ` +
                `absolute: ${c.regression} regression, ${c.improvement} improvement, ${c.unchanged} unchanged, ${c.incomparable} incomparable, ${c.erratic} erratic, ${c.missing} missing.`),
        ],
    });
    return [
        {
            id: 'overhead-regressions',
            title: 'Overhead regressions',
            blocks: orBlocks,
            markdown: { summary: 'open', comment: 'open' },
            essential: true,
        },
        {
            id: 'absolute-regressions',
            title: 'Absolute regressions',
            blocks: rBlocks,
            markdown: { summary: 'open', comment: 'open' },
            essential: true,
        },
    ];
}
// ------------------------------------------------------------- why things are not compared
function setupDifferences(a) {
    const diffs = a.fingerprintDifferences;
    if (diffs.length === 0)
        return null;
    const unexpected = diffs.some((d) => !d.expected);
    const underTest = diffs.every((d) => d.expected && d.class === 'under-test');
    return {
        id: 'setup-differences',
        title: unexpected
            ? '⚠️ Not comparable: the setup changed'
            : underTest
                ? 'Changes under test (compared: the verdicts include their effect)'
                : 'Expected setup changes (compared anyway)',
        blocks: [
            {
                kind: 'table',
                columns: [
                    { title: 'Environment' },
                    { title: 'Fingerprint key' },
                    { title: 'Baseline' },
                    { title: 'Current' },
                    { title: 'Effect' },
                ],
                rows: diffs.map((d) => [
                    cell(d.env === '*' ? 'all' : envName(a, d.env), { max: 60 }),
                    cell(d.key, { max: 60 }),
                    cell(d.baseline, { max: 120 }),
                    cell(d.current, { max: 120 }),
                    d.expected
                        ? num$1(d.class === 'under-test' ? 'change under test: compared' : 'expected: compared')
                        : num$1('incomparable (setup)', { tone: 'warn' }),
                ]),
            },
        ],
        markdown: { summary: 'open', comment: 'open' },
    };
}
function failures(a) {
    const skipped = a.environments.filter((e) => e.skipped);
    if (skipped.length + a.failures.length === 0)
        return null;
    const items = [];
    for (const e of skipped)
        items.push([
            span(e.label, { strong: true, max: 60 }),
            safe(' skipped: '),
            span(e.skipped ?? '', { max: 300 }),
        ]);
    for (const f of a.failures) {
        const params = Object.entries(f.params)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ');
        items.push([
            span(`${envName(a, f.env)} ${f.suite}${params ? ` (${params})` : ''}`, { max: 200 }),
            safe(`: ${f.rounds.length} run(s) failed`),
            ...(f.kinds.length ? [span(` [${f.kinds.join(', ')}]`, { max: 60 })] : []),
            safe(': '),
            span(f.message, { code: true, max: 300 }),
        ]);
    }
    return {
        id: 'failures',
        title: 'Skipped environments and failed runs',
        blocks: [{ kind: 'list', items, limit: 50 + skipped.length }],
        markdown: { summary: 'open', comment: 'open' },
    };
}
function notes(a) {
    if (a.notes.length === 0)
        return null;
    return {
        id: 'notes',
        title: null,
        blocks: a.notes.map((n) => ({ kind: 'note', text: [span(n, { max: 500 })] })),
        markdown: { summary: 'open', comment: 'open' },
    };
}
// ---------------------------------------------------------------------------- the tables
function overheadTable(a, lookup) {
    const hostEnv = a.options.hostEnv;
    if (hostEnv === null)
        return null;
    const envs = a.environments.filter((e) => !e.isHost && a.cells.some((c) => c.env === e.id));
    const rows = new Map();
    const row = (c) => {
        let r = rows.get(c.metricKey);
        if (!r)
            rows.set(c.metricKey, (r = { label: c.label, unit: c.unit, byEnv: new Map() }));
        return r;
    };
    let values = 0;
    let incomparable = 0;
    for (const o of a.overheads) {
        row(o).byEnv.set(o.env, num$1(overheadText(o, lookup)));
        values += 1;
    }
    // Overheads the analysis could not form (host mean 0, not finite): said, not hidden.
    for (const c of a.cells) {
        if (c.env === hostEnv)
            continue;
        const host = lookup(hostEnv, c.metricKey);
        const why = overheadProblem(host, c);
        if (why === null)
            continue;
        row(c).byEnv.set(c.env, num$1(`⚠️ incomparable: ${why}`, { tone: 'warn' }));
        incomparable += 1;
    }
    const shown = envs.filter((e) => [...rows.values()].some((r) => r.byEnv.has(e.id)));
    if (rows.size === 0 || shown.length === 0)
        return null;
    const blocks = [
        {
            kind: 'table',
            columns: [
                { title: 'Metric' },
                { title: 'Unit' },
                ...shown.map((e) => ({ title: e.label, numeric: true })),
            ],
            rows: [...rows.values()].map((r) => [
                cell(r.label, { max: 120 }),
                cell(displayUnit(r.unit).unit, { max: 20 }),
                ...shown.map((e) => r.byEnv.get(e.id) ?? num$1('–')),
            ]),
        },
    ];
    if (a.overheads.some(fewRuns))
        blocks.push(fewRunsNote('Overheads'));
    const count = `${values} overhead${values === 1 ? '' : 's'} of ${shown.length} environment${shown.length === 1 ? '' : 's'} on ${rows.size} metric${rows.size === 1 ? '' : 's'}` +
        (incomparable > 0 ? `, ${incomparable} incomparable` : '');
    return {
        id: 'overheads',
        title: `Overhead per metric against the host (${count}; 95% bootstrap intervals)`,
        blocks,
        markdown: { summary: 'open', comment: 'collapsed' },
    };
}
function figures(a) {
    const charts = buildCharts(a);
    if (charts.length === 0)
        return null;
    return {
        id: 'figures',
        title: 'Figures (as in the paper; mean ± one standard deviation)',
        blocks: [{ kind: 'figures', charts }],
        markdown: { summary: 'open', comment: 'omitted' },
    };
}
/** What each environment measured through: IOzone's scratch and netperf's peer, read from inside it. */
function measurementPaths(a) {
    const envs = a.environments.filter((e) => e.paths);
    if (envs.length === 0)
        return null;
    return {
        id: 'measurement-paths',
        title: 'Measurement paths (read from inside each environment)',
        blocks: [
            {
                kind: 'table',
                columns: [{ title: 'Environment' }, { title: 'IOzone scratch' }, { title: 'netperf peer' }],
                rows: envs.map((e) => {
                    const s = e.paths?.scratch;
                    const n = e.paths?.netperfPeer;
                    return [
                        cell(e.label, { max: 60 }),
                        cell(s ? `${s.source} (${s.fstype}) at ${s.path}` : '–', { max: 200 }),
                        cell(n ? `${n.kind} ${n.address} via ${n.via}` : '–', { max: 120 }),
                    ];
                }),
            },
        ],
        markdown: { summary: 'open', comment: 'collapsed' },
    };
}
const ORDER = {
    regression: 0,
    improvement: 1,
    erratic: 2,
    incomparable: 3,
    missing: 4,
    unchanged: 5,
};
function comparisonTables(a) {
    if (!a.baseline)
        return [];
    const ocs = [...a.overheadComparisons].sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict]);
    const cs = [...a.comparisons].sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict]);
    return [
        {
            id: 'overhead-comparisons',
            title: `All overhead comparisons (${ocs.length})`,
            blocks: [
                {
                    kind: 'table',
                    columns: OVERHEAD_COMPARISON_COLUMNS,
                    rows: ocs.map((o) => overheadComparisonRow(a, o)),
                },
            ],
            markdown: { summary: 'collapsed', comment: 'collapsed' },
        },
        {
            id: 'comparisons',
            title: `All cells, baseline vs current (${cs.length})`,
            blocks: [{ kind: 'table', columns: COMPARISON_COLUMNS, rows: cs.map((c) => comparisonRow(a, c)) }],
            markdown: { summary: 'collapsed', comment: 'collapsed' },
        },
    ];
}
function statistics(a) {
    const blocks = [
        {
            kind: 'table',
            columns: [
                { title: 'Environment' },
                { title: 'Metric' },
                { title: 'Unit' },
                { title: 'n', numeric: true },
                { title: 'Mean', numeric: true },
                { title: 'Median', numeric: true },
                { title: 'SD', numeric: true },
                { title: 'CV', numeric: true },
                { title: `95% CI of the mean (range when n < ${MIN_RUNS_FOR_INTERVAL})`, numeric: true },
            ],
            rows: a.cells.map((c) => [
                cell(envName(a, c.env), { max: 60 }),
                cell(c.label, { max: 120 }),
                cell(displayUnit(c.unit).unit, { max: 20 }),
                num$1(String(c.n)),
                num$1(dv(c.mean, c.unit)),
                num$1(dv(c.median, c.unit)),
                num$1(dv(c.sd, c.unit)),
                num$1(formatPct(c.cv)),
                num$1(c.n < MIN_RUNS_FOR_INTERVAL
                    ? c.n === 1
                        ? 'one run'
                        : `range ${dv(c.min, c.unit)} … ${dv(c.max, c.unit)}`
                    : c.ciLow === null
                        ? '–'
                        : `${dv(c.ciLow, c.unit)} … ${dv(c.ciHigh, c.unit)}`),
            ]),
        },
    ];
    if (a.cells.some((c) => c.n < MIN_RUNS_FOR_INTERVAL))
        blocks.push(fewRunsNote('Cells'));
    return {
        id: 'statistics',
        title: `Statistics per cell (${a.cells.length})`,
        blocks,
        markdown: { summary: 'collapsed', comment: 'collapsed' },
    };
}
// ---------------------------------------------------------------------------- the footer
function pointer(o, format) {
    const url = o.artifactUrl && /^https?:\/\/[^\s()<>"'`]+$/.test(o.artifactUrl) ? o.artifactUrl : undefined;
    const what = format === 'markdown' ? 'HTML with charts, CSV, raw logs' : 'results.json, CSV, raw logs';
    if (url)
        return [safe(`Full report (${what}): `), span('report artifact', { href: url }), safe('.')];
    if (o.origin === 'action')
        return [safe(`Full report (${what}): see the run’s report artifact.`)];
    const f = o.files ?? {};
    const list = [];
    if (format === 'markdown')
        list.push([span(f.html ?? 'report.html', { code: true }), safe(' (charts and every table)')]);
    if (f.csv)
        list.push([span(f.csv, { code: true }), safe(' (one row per cell)')]);
    if (f.logs)
        list.push([span(f.logs, { code: true }), safe(' (raw logs)')]);
    if (list.length === 0)
        return [];
    const parts = [safe('Next to this file: ')];
    list.forEach((t, i) => parts.push(...(i > 0 ? [safe(', ')] : []), ...t));
    parts.push(safe('.'));
    return parts;
}
function buildReport(a, o = {}) {
    const lookup = cellIndex(a);
    const sections = [];
    if (a.baseline) {
        const suites = aggregateSection(a);
        if (suites)
            sections.push(suites);
        sections.push(...regressionSections(a));
    }
    else {
        sections.push(overheadSummary(a, lookup));
        const suites = suiteOverheadSection(a);
        if (suites)
            sections.push(suites);
    }
    for (const s of [
        setupDifferences(a),
        failures(a),
        notes(a),
        underpoweredSection(a),
        overheadTable(a, lookup),
        measurementPaths(a),
        figures(a),
    ])
        if (s)
            sections.push(s);
    sections.push(...comparisonTables(a), statistics(a));
    const origin = o.origin ?? (o.artifactUrl ? 'action' : 'cli');
    return {
        title: o.title ?? 'arm-virt-bench: virtualization overhead',
        verdict: verdict(a),
        run: runLine(a),
        sections,
        pointer: pointer({ ...o, origin }, 'markdown'),
        pointerHtml: pointer({ ...o, origin }, 'html'),
        method: METHOD,
        madeBy: `arm-virt-bench ${o.toolVersion ?? a.current.toolVersion} (${origin === 'action' ? 'GitHub Action' : 'CLI'})`,
    };
}

/**
 * Series colours, shared by the SVG charts and the mermaid charts. They match the coloured
 * square emoji GitHub renders, so a Markdown legend ("🟦 Host · 🟧 KVM") can name them.
 */
const PALETTE = [
    '#55ACEE',
    '#F4900C',
    '#78B159',
    '#DD2E44',
    '#AA8ED6',
    '#A0522D',
    '#31373D',
    '#FDCB58',
];
const SWATCHES = ['🟦', '🟧', '🟩', '🟥', '🟪', '🟫', '⬛', '🟨'];
function colour(i) {
    return PALETTE[i % PALETTE.length];
}

/**
 * A chart spec as inline SVG (hand-rolled: two chart kinds with categorical x axes do not
 * need d3; ~150 lines, tested). Every chart has a title, labelled axes with units, ticks, a
 * legend and ± one standard deviation as error bars; every string is escaped.
 */
const W = 780;
const H = 400;
const M = { top: 56, right: 150, bottom: 78, left: 78 };
function f(v) {
    return String(Math.round(v * 10) / 10);
}
function renderSvg(spec) {
    const pw = W - M.left - M.right;
    const ph = H - M.top - M.bottom;
    const tops = spec.series.flatMap((s) => s.values.flatMap((v, i) => (v === null ? [] : [v + (s.errors[i] ?? 0)])));
    const scale = niceScale(Math.max(0, ...tops));
    const y = (v) => M.top + ph - (v / scale.max) * ph;
    const slot = pw / Math.max(1, spec.categories.length);
    const cx = (i) => M.left + (i + 0.5) * slot;
    const out = [];
    const title = escapeHtml(chartTitle(spec));
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${escapeHtml(spec.id)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}">`, `<title>${title}</title>`, `<text class="title" x="${M.left}" y="22" font-size="15" font-weight="600">${escapeHtml(spec.title)}</text>`, `<text class="subtitle" x="${M.left}" y="40" font-size="11.5" fill="#57606a">${escapeHtml(paperFigure(spec))}</text>`);
    // Y grid, ticks and label.
    for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) {
        const yy = f(y(v));
        out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${yy}" y2="${yy}" stroke="#e3e3e3"/>`, `<text class="tick" x="${M.left - 6}" y="${yy}" dy="4" text-anchor="end" font-size="11">${escapeHtml(formatTick(v))}</text>`);
    }
    out.push(`<text class="y-label" transform="translate(18 ${f(M.top + ph / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeHtml(spec.yLabel)}</text>`);
    // X axis, category ticks (rotated when they would collide) and label.
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#333"/>`);
    out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#333"/>`);
    const longest = Math.max(...spec.categories.map((c) => c.length));
    const rotate = longest * 6.2 > slot;
    spec.categories.forEach((c, i) => {
        const x = f(cx(i));
        const yy = M.top + ph + 16;
        out.push(rotate
            ? `<text class="tick" x="${x}" y="${yy}" text-anchor="end" font-size="11" transform="rotate(-30 ${x} ${yy})">${escapeHtml(c)}</text>`
            : `<text class="tick" x="${x}" y="${yy}" text-anchor="middle" font-size="11">${escapeHtml(c)}</text>`);
    });
    out.push(`<text class="x-label" x="${f(M.left + pw / 2)}" y="${H - 10}" text-anchor="middle" font-size="12">${escapeHtml(spec.xLabel)}</text>`);
    // Data, then ± SD error bars on top.
    const ns = spec.series.length;
    const whiskers = [];
    const whisker = (x, v, sd, half, col) => {
        if (sd === null || sd === undefined || !(sd > 0))
            return;
        const lo = f(y(Math.max(0, v - sd)));
        const hi = f(y(v + sd));
        const a = f(x - half);
        const b = f(x + half);
        whiskers.push(`<path class="error-bar" d="M${f(x)} ${lo}V${hi}M${a} ${lo}H${b}M${a} ${hi}H${b}" stroke="#000" stroke-opacity="${col === '#31373D' ? 1 : 0.75}" stroke-width="1.2" fill="none"/>`);
    };
    const tip = (name, i, v, sd) => escapeHtml(`${name} ${spec.categories[i]}: ${formatTick(v)}${sd !== null && sd !== undefined ? ` ± ${formatTick(sd)} (SD)` : ''}`);
    spec.series.forEach((s, si) => {
        const col = colour(si);
        if (spec.kind === 'line') {
            let seg = [];
            const flush = () => {
                if (seg.length > 1)
                    out.push(`<polyline fill="none" stroke="${col}" stroke-width="2" points="${seg.join(' ')}"/>`);
                seg = [];
            };
            s.values.forEach((v, i) => {
                if (v === null)
                    return flush();
                seg.push(`${f(cx(i))},${f(y(v))}`);
                out.push(`<circle cx="${f(cx(i))}" cy="${f(y(v))}" r="3.5" fill="${col}"><title>${tip(s.name, i, v, s.errors[i])}</title></circle>`);
                whisker(cx(i), v, s.errors[i], 3, col);
            });
            flush();
        }
        else {
            const group = slot * 0.8;
            const bw = group / ns;
            s.values.forEach((v, i) => {
                if (v === null)
                    return;
                const x = cx(i) - group / 2 + si * bw;
                out.push(`<rect x="${f(x)}" y="${f(y(v))}" width="${f(Math.max(1, bw - 1))}" height="${f(M.top + ph - y(v))}" fill="${col}"><title>${tip(s.name, i, v, s.errors[i])}</title></rect>`);
                whisker(x + Math.max(1, bw - 1) / 2, v, s.errors[i], Math.min(6, bw / 4), col);
            });
        }
    });
    out.push(...whiskers);
    // Legend.
    spec.series.forEach((s, si) => {
        const ly = M.top + 8 + si * 20;
        const lx = M.left + pw + 16;
        out.push(`<rect x="${lx}" y="${ly - 9}" width="12" height="12" fill="${colour(si)}"/>`, `<text class="legend" x="${lx + 18}" y="${ly + 1}" font-size="12">${escapeHtml(s.name)}</text>`);
    });
    out.push('</svg>');
    return out.join('\n');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#1f2328;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0;font-size:12.5px}th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b42318;font-weight:600}.good{color:#1a7f37}.warn{color:#9a6700}.neutral{color:#57606a}
.verdict{font-size:16px;padding:10px 14px;border-radius:6px;background:#f6f8fa;border:1px solid #d0d7de}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #d0d7de;border-radius:6px;background:#fff;max-width:100%;height:auto}
.meta,.note{color:#57606a}blockquote{margin:8px 0;padding:0 12px;border-left:3px solid #d0d7de}
details{margin:10px 0}summary{cursor:pointer;font-weight:600;font-size:16px}footer{margin-top:32px;font-size:12px}
`;
function inline$1(t) {
    return t
        .map((s) => {
        let x = escapeHtml(s.text);
        if (s.code)
            x = `<code>${x}</code>`;
        if (s.strong)
            x = `<strong>${x}</strong>`;
        if (s.tone)
            x = `<span class="${s.tone}">${x}</span>`;
        if (s.href && /^https?:\/\/[^\s()<>"'`]+$/.test(s.href))
            x = `<a href="${escapeHtml(s.href)}">${x}</a>`;
        return x;
    })
        .join('');
}
function td(c, numeric) {
    const cls = [numeric ? 'num' : '', c.tone ?? ''].filter(Boolean).join(' ');
    return cls ? `<td class="${cls}">${escapeHtml(c.text)}</td>` : `<td>${escapeHtml(c.text)}</td>`;
}
function block$1(b) {
    switch (b.kind) {
        case 'paragraph':
            return `<p${b.small ? ' class="meta"' : ''}>${inline$1(b.text)}</p>`;
        case 'note':
            return `<blockquote class="note">${inline$1(b.text)}</blockquote>`;
        case 'list':
            return `<ul>${b.items.map((t) => `<li>${inline$1(t)}</li>`).join('\n')}</ul>`;
        case 'table':
            return `<table><thead><tr>${b.columns
                .map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`)
                .join('')}</tr></thead><tbody>${b.rows
                .map((r) => `<tr>${r.map((c, i) => td(c, b.columns[i]?.numeric)).join('')}</tr>`)
                .join('\n')}</tbody></table>`;
        case 'figures':
            return `<div class="charts">${b.charts.map(renderSvg).join('\n')}</div>`;
    }
}
function section$1(s) {
    const body = s.blocks.map(block$1).join('\n');
    const id = `section-${s.id.replace(/[^a-z0-9-]/g, '-')}`;
    if (s.title === null)
        return `<section id="${id}">\n${body}\n</section>`;
    // What the summary folds, the page folds too (long tables); the rest is open.
    if (s.markdown.summary === 'collapsed') {
        return `<section id="${id}"><details><summary><h2 style="display:inline;border:0;font-size:inherit">${escapeHtml(s.title)}</h2></summary>\n${body}\n</details></section>`;
    }
    return `<section id="${id}"><h2>${escapeHtml(s.title)}</h2>\n${body}\n</section>`;
}
function renderDocumentHtml(doc) {
    const tone = doc.verdict.tone === 'bad' ? ' bad' : '';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${inline$1(doc.run)}</p>
<p class="verdict${tone}">${inline$1(doc.verdict.text)}</p>
${doc.sections.map(section$1).join('\n')}
<footer class="meta">${doc.pointerHtml.length > 0 ? `<p>${inline$1(doc.pointerHtml)}</p>` : ''}<p>${escapeHtml(doc.method)}</p><p>Made by ${escapeHtml(doc.madeBy)}.</p></footer>
</body></html>
`;
}
function renderHtml(a, opts = {}) {
    return renderDocumentHtml(buildReport(a, opts));
}

/**
 * A chart spec as a GitHub-rendered mermaid `xychart-beta` block plus a Markdown legend
 * (xychart has no legend of its own). xychart draws several `bar` series on top of each
 * other, so grouped-bar figures are drawn as lines with one point per category here; the
 * HTML report draws them as grouped bars. A chart with one category becomes one bar per
 * environment. A series with gaps is left out and named. xychart has no error bars: the
 * HTML report draws them.
 */
function n(v) {
    return String(+v.toPrecision(5));
}
function renderMermaid(spec) {
    if (spec.categories.length === 1)
        return oneCategory(spec);
    const drawn = spec.series.filter((s) => s.values.every((v) => v !== null));
    const skipped = spec.series.filter((s) => !s.values.every((v) => v !== null));
    const max = Math.max(0, ...drawn.flatMap((s) => s.values));
    const scale = niceScale(max);
    const palette = drawn.map((_, i) => PALETTE[spec.series.indexOf(drawn[i]) % PALETTE.length]).join(', ');
    const lines = [
        '```mermaid',
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
        'xychart-beta',
        `    title "${mermaidLabel(chartTitle(spec), 140)}"`,
        `    x-axis "${mermaidLabel(spec.xLabel)}" [${spec.categories.map((c) => `"${mermaidLabel(c, 24)}"`).join(', ')}]`,
        `    y-axis "${mermaidLabel(spec.yLabel, 60)}" 0 --> ${n(scale.max)}`,
        ...drawn.map((s) => `    line [${s.values.map((v) => n(v)).join(', ')}]`),
        '```',
    ];
    const legend = drawn
        .map((s) => `${SWATCHES[spec.series.indexOf(s) % SWATCHES.length]} ${escapeMarkdown(s.name, 40)}`)
        .join(' · ');
    const notes = [
        `${legend}${spec.kind === 'bar' ? ' — bars with ± SD in the HTML report; drawn as lines here' : ''}`,
        ...(skipped.length > 0
            ? [`Not drawn (incomplete): ${skipped.map((s) => escapeMarkdown(s.name, 40)).join(', ')}`]
            : []),
    ];
    return `${lines.join('\n')}\n\n${notes.join('  \n')}\n`;
}
/** One category: one bar per environment (x axis = environments), the category in the title. */
function oneCategory(spec) {
    const drawn = spec.series.filter((s) => s.values[0] !== null);
    const max = Math.max(0, ...drawn.map((s) => s.values[0] + (s.errors[0] ?? 0)));
    const scale = niceScale(max);
    const lines = [
        '```mermaid',
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${PALETTE[0]}"}}}}%%`,
        'xychart-beta',
        `    title "${mermaidLabel(`${chartTitle(spec)}, ${spec.xLabel} ${spec.categories[0]}`, 160)}"`,
        `    x-axis "environment" [${drawn.map((s) => `"${mermaidLabel(s.name, 24)}"`).join(', ')}]`,
        `    y-axis "${mermaidLabel(spec.yLabel, 60)}" 0 --> ${n(scale.max)}`,
        `    bar [${drawn.map((s) => n(s.values[0])).join(', ')}]`,
        '```',
    ];
    const sds = drawn
        .map((s) => s.errors[0] === null || s.errors[0] === undefined
        ? `${escapeMarkdown(s.name, 40)} (n < 2: no SD)`
        : `${escapeMarkdown(s.name, 40)} ± ${n(s.errors[0])}`)
        .join(' · ');
    return `${lines.join('\n')}\n\nOne standard deviation: ${sds}\n`;
}

const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const COMMENT_LIMIT_CHARS = 65_536;
/** The hidden marker the GitHub layer uses to find and update its own comment. */
const COMMENT_MARKER = '<!-- arm-virt-bench-report -->';
const encoder = new TextEncoder();
function size$1(s, flavor) {
    return flavor === 'summary' ? encoder.encode(s).length : s.length;
}
function inline(t) {
    return t
        .map((s) => {
        let x = s.safe ? s.text : escapeMarkdown(s.text, s.max ?? 500);
        if (s.href && /^https?:\/\/[^\s()<>"'`]+$/.test(s.href))
            x = `[${x}](${s.href})`;
        if (s.strong)
            x = `**${x}**`;
        return x;
    })
        .join('');
}
function cellText(c) {
    return c.safe ? c.text : escapeMarkdown(c.text, c.max ?? 200);
}
function tableLines(header, rows) {
    return [
        `| ${header.join(' | ')} |`,
        `|${header.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
    ];
}
/** Fit as many rows of a table as the budget allows (header always), with a "more" line. */
function fitTable(header, rows, budget, flavor) {
    const head = tableLines(header, []).join('\n');
    const lines = [head];
    let used = size$1(head, flavor) + 1;
    const reserve = 120;
    let i = 0;
    for (; i < rows.length; i++) {
        const line = `| ${rows[i].join(' | ')} |`;
        const s = size$1(line, flavor) + 1;
        if (used + s + reserve > budget)
            break;
        lines.push(line);
        used += s;
    }
    if (i < rows.length)
        lines.push('', `*… ${rows.length - i} more rows in the full report.*`);
    return lines.join('\n');
}
/** A block as Markdown; tables are fitted into `budget`. */
function block(b, budget, flavor) {
    switch (b.kind) {
        case 'paragraph':
            return b.small ? `<sub>${inline(b.text)}</sub>\n` : `${inline(b.text)}\n`;
        case 'note':
            return `> ${inline(b.text)}\n`;
        case 'list': {
            const limit = b.limit ?? Infinity;
            const lines = b.items.slice(0, limit).map((t) => `- ${inline(t)}`);
            if (b.items.length > limit)
                lines.push(`- … and ${b.items.length - limit} more in the full report`);
            return `${lines.join('\n')}\n`;
        }
        case 'table': {
            const limit = b.limit ?? Infinity;
            const table = fitTable(b.columns.map((c) => escapeMarkdown(c.title, 120)), b.rows.slice(0, limit).map((r) => r.map(cellText)), budget, flavor);
            const more = b.rows.length > limit ? `\n\n… and ${b.rows.length - limit} more in the full table.` : '';
            return `${table}${more}\n`;
        }
        case 'figures':
            return b.charts.map(renderMermaid).join('\n');
    }
}
/** A section within `budget`, or null when it does not fit at all. */
function section(s, budget, flavor) {
    const fold = s.markdown[flavor];
    if (fold === 'omitted')
        return null;
    const title = s.title === null ? null : escapeMarkdown(s.title, 300).replace(/\\([()#+!])/g, '$1');
    const before = title === null ? '' : fold === 'open' ? `### ${title}\n\n` : `<details><summary>${title}</summary>\n\n`;
    const after = fold === 'collapsed' && title !== null ? '\n</details>\n' : '';
    let room = budget - size$1(before + after, flavor) - 2;
    const parts = [];
    for (const b of s.blocks) {
        if (b.kind === 'table' && room < 400)
            return null;
        const text = block(b, room, flavor);
        const n = size$1(text, flavor) + 1;
        if (n > room)
            return null;
        parts.push(text);
        room -= n;
    }
    return `${before}${parts.join('\n')}${after}\n`;
}
function renderDocumentMarkdown(doc, opts) {
    const flavor = opts.flavor;
    const budget = opts.maxChars ?? (flavor === 'summary' ? SUMMARY_LIMIT_BYTES : COMMENT_LIMIT_CHARS);
    const tail = [
        '',
        '---',
        ...(doc.pointer.length > 0 ? [inline(doc.pointer), ''] : []),
        `<sub>${doc.method} Made by ${escapeMarkdown(doc.madeBy, 200)}.</sub>`,
        '',
    ].join('\n');
    const head = [];
    if (flavor === 'comment')
        head.push(COMMENT_MARKER);
    head.push(`## ${escapeMarkdown(doc.title, 200)}`, '', inline(doc.verdict.text), '', inline(doc.run), '');
    // The essential sections always go in, uncut (lists carry their own limits).
    for (const s of doc.sections.filter((x) => x.essential)) {
        const text = section(s, Number.MAX_SAFE_INTEGER, flavor);
        if (text !== null)
            head.push(text);
    }
    const first = head.join('\n');
    let remaining = budget - size$1(tail, flavor);
    if (size$1(first, flavor) > remaining) {
        // Only with absurd input (thousands of regressions of huge labels): cut the headline itself.
        let cut = first;
        while (size$1(cut, flavor) > remaining - 80)
            cut = cut.slice(0, Math.floor(cut.length * 0.9));
        return `${cut}\n\n*… cut to fit; see the full report.*\n${tail}`;
    }
    let out = first;
    remaining -= size$1(first, flavor);
    for (const s of doc.sections.filter((x) => !x.essential)) {
        const text = section(s, remaining, flavor);
        if (text === null)
            continue;
        out += text;
        remaining -= size$1(text, flavor);
    }
    return out + tail;
}
function renderMarkdown(a, opts) {
    const { flavor, maxChars, ...report } = opts;
    return renderDocumentMarkdown(buildReport(a, report), {
        flavor,
        ...(maxChars !== undefined ? { maxChars } : {}),
    });
}

/**
 * writeReports(): the one impure corner of the report (node:fs). The engine calls it at the
 * end of a run; the CLI's `report` and `compare` call it too. Also: reading a results file
 * with a clear error (path and reason) when it is not valid JSON or not a results file.
 */
/** A results file that cannot be read or is not one: the path and the reason. */
class ResultsFileError extends Error {
    name = 'ResultsFileError';
}
async function readResultsFile(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new ResultsFileError(`${path}: cannot read: ${code === 'ENOENT' ? 'no such file' : (code ?? err.message)}`);
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new ResultsFileError(`${path}: not JSON: ${err.message}`);
    }
    const parsed = Results.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ResultsFileError(`${path}: not an arm-virt-bench results file: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''}`);
    }
    return parsed.data;
}
async function writeReports(results, outDir, options = {}) {
    const { title, artifactUrl, origin, logsDir, name = 'report', ...analyzeOptions } = options;
    const analysis = analyze(results, analyzeOptions);
    await mkdir(outDir, { recursive: true });
    const markdownPath = join(outDir, `${name}.md`);
    const htmlPath = join(outDir, `${name}.html`);
    const csvPath = join(outDir, `${name}.csv`);
    const analysisPath = join(outDir, name === 'report' ? 'analysis.json' : `${name}.analysis.json`);
    const report = {
        ...(title !== undefined ? { title } : {}),
        ...(artifactUrl !== undefined ? { artifactUrl } : {}),
        origin: origin ?? (artifactUrl !== undefined ? 'action' : 'cli'),
        files: { html: `${name}.html`, csv: `${name}.csv`, ...(logsDir ? { logs: logsDir } : {}) },
    };
    const md = renderMarkdown(analysis, { flavor: 'summary', ...report });
    await Promise.all([
        writeFile(markdownPath, md),
        writeFile(htmlPath, renderHtml(analysis, report)),
        writeFile(csvPath, renderCsv(analysis)),
        writeFile(analysisPath, `${JSON.stringify(analysis, null, 2)}\n`),
    ]);
    return { markdownPath, htmlPath, csvPath, analysisPath, analysis };
}

/**
 * The netperf tests this project measures, their metric ids (DESIGN.md) and what a banner,
 * a column layout or omni's PROTOCOL/DIRECTION selectors say about which test ran.
 */
const NETPERF_TESTS = [
    'TCP_STREAM',
    'TCP_MAERTS',
    'UDP_STREAM',
    'TCP_RR',
    'UDP_RR',
    'TCP_CRR',
];
const NetperfTest = _enum(NETPERF_TESTS);
const STREAM_TESTS = new Set(['TCP_STREAM', 'TCP_MAERTS', 'UDP_STREAM']);
const RR_TESTS = new Set(['TCP_RR', 'UDP_RR', 'TCP_CRR']);
function isStream(test) {
    return STREAM_TESTS.has(test);
}
/** The DESIGN.md metric of a test: throughput in 10^6bits/s or rate in trans/s, better higher. */
function primaryMetric(test) {
    const id = test.toLowerCase();
    return isStream(test)
        ? { metric: `netperf.${id}.throughput`, unit: '10^6bits/s' }
        : { metric: `netperf.${id}.rate`, unit: 'trans/s' };
}
/**
 * A banner line: `[MIGRATED ]<NAME> TEST from ... to ... [: ...]`. netperf 2.7 prefixes the
 * classic tests it runs through omni with MIGRATED; 2.4.x prints the bare name (and 2.0 had
 * `TEST to host`); `-t omni` prints `OMNI Send TEST`, `OMNI Recv TEST` or `OMNI Send|Recv TEST`.
 */
const BANNER$2 = /^(MIGRATED )?([A-Z][A-Za-z0-9/|]*(?: [A-Za-z0-9/|]+)*) TEST(?: from | to |\s*:|\s*$)/;
const BANNER_NAMES = [
    [/^TCP(?:IPV6)? STREAM$/, 'TCP_STREAM'],
    [/^TCP(?:IPV6)? MAERTS$/, 'TCP_MAERTS'],
    [/^UDP(?:IPV6)? (?:STREAM|UNIDIRECTIONAL SEND)$/, 'UDP_STREAM'],
    [/^TCP(?:IPV6)? REQUEST\/RESPONSE$/, 'TCP_RR'],
    [/^UDP(?:IPV6)? REQUEST\/RESPONSE$/, 'UDP_RR'],
    [/^TCP(?:IPV6)? Connect\/Request\/Response$/i, 'TCP_CRR'],
];
/** The tests a banner name allows: one for a classic banner, several for OMNI, none if unknown. */
function testsFromBannerName(name) {
    for (const [re, test] of BANNER_NAMES)
        if (re.test(name))
            return new Set([test]);
    const omni = /^OMNI (Send\|Recv|Send|Recv)$/.exec(name);
    if (omni)
        return testsFromDirection(omni[1]);
    return new Set();
}
/** omni's DIRECTION value (`Send`, `Recv`/`Receive`, `Send|Recv`). */
function testsFromDirection(direction) {
    const d = direction.trim().toLowerCase();
    if (d === 'send')
        return new Set(['TCP_STREAM', 'UDP_STREAM']);
    if (d === 'recv' || d === 'receive')
        return new Set(['TCP_MAERTS']);
    if (d === 'send|recv' || d === 'send|receive')
        return new Set(RR_TESTS);
    return new Set(NETPERF_TESTS);
}
/** omni's PROTOCOL value. */
function testsFromProtocol(protocol) {
    const p = protocol.trim().toUpperCase();
    if (p === 'TCP')
        return new Set(['TCP_STREAM', 'TCP_MAERTS', 'TCP_RR', 'TCP_CRR']);
    if (p === 'UDP')
        return new Set(['UDP_STREAM', 'UDP_RR']);
    return new Set();
}

/** Text helpers shared by the parsers: pure, no I/O. */
// CSI/OSC escape sequences (SeaBIOS and QEMU serial logs are full of them).
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
/**
 * Lines of a log without CR, ANSI escapes or NULs; index i is line i+1. Only LF ends a
 * line, so line numbers match `grep -n` and editors even in serial logs with stray CRs.
 */
function splitLines(text) {
    return text.replace(ANSI, '').replaceAll('\u0000', '').split('\n').map(visibleLine);
}
/** A lone CR returns the terminal to column 0: what follows the last one is what shows. */
function visibleLine(raw) {
    const line = raw.replace(/\r+$/, '');
    const cr = line.lastIndexOf('\r');
    return cr < 0 ? line : line.slice(cr + 1);
}
/** A finite number, or undefined: never NaN or Infinity. */
function toNumber(s) {
    if (s === undefined)
        return undefined;
    const t = s.trim();
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t))
        return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
}

class ParseError extends Error {
    suite;
    reason;
    line;
    name = 'ParseError';
    constructor(suite, reason, 
    /** 1-based line number in the log, when the error points at one. */
    line) {
        super(`${suite}: ${line !== undefined ? `line ${line}: ` : ''}${reason}`);
        this.suite = suite;
        this.reason = reason;
        this.line = line;
    }
}

/**
 * The line shapes hackbench-like tools print, one regex per shape. Pure data, no logic.
 *
 * - rt-tests hackbench 0.8x–2.x (hackbench.c: `printf("Running in %s mode with %d groups using
 *   %d file descriptors each (== %d tasks)\n"`, then `Each sender will pass %d messages of %d bytes`,
 *   then `Time: %lu.%03lu`). The "file descriptors" figure is 2*num_fds (senders + receivers).
 * - the legacy hackbench.c (Rusty Russell / Ingo Molnar, LTP): `Running with %d*40 (== %d) tasks.`
 *   then `Time: %lu.%03lu`; it prints neither mode, loops nor message size.
 * - `perf bench sched messaging`: after the run `# %d sender and receiver %s per group`,
 *   `# %d groups == %d %s run`, then ` %14s: %lu.%03lu [sec]` with "Total time".
 */
const RT_HEADER = /^Running in (process|threaded|thread) mode with (\d+) groups using (\d+) file descriptors each \(== (\d+) tasks\)$/;
const RT_MESSAGES = /^Each sender will pass (\d+) messages of (\d+) bytes$/;
const RT_TIME = /^Time: (\S+)$/;
const LEGACY_HEADER = /^Running with (\d+)\*(\d+) \(== (\d+)\) tasks\.$/;
const PERF_FDS = /^# (\d+) sender and receiver (processes|threads) per group$/;
const PERF_GROUPS = /^# (\d+) groups == (\d+) (processes|threads) run$/;
const PERF_TIME = /^Total time: (\S+) \[sec\]$/;
/** A kernel console line (`[   19.323438] ...`): noise in a serial log, never hackbench's. */
const KERNEL_LINE = /^\[\s*\d+\.\d+\]/;
/**
 * Lines that mean the run did not complete normally. hackbench prints its option errors as
 * `argv[0]: ...` (so `/usr/bin/hackbench:` in a guest), `barf()`/`sneeze()` as `msg (error: strerror)`,
 * and on SIGINT/SIGTERM `Signal N caught, longjmp'ing out!` — after which it still prints a
 * `Time:` that measures an aborted run.
 */
const ERROR_LINES$1 = [
    /^(?:\S*\/)?hackbench: (?!\s*$)/,
    /\(error: [^)]*\)$/,
    /^Signal \d+ caught/,
    /^longjmp'ed out/,
    /^\*\* Operation aborted \*\*$/,
    /^No measurements available$/,
    /^sending SIGTERM to all child processes$/,
    /^-?\d+ children started\.\s+Expected \d+$/,
    /\b(?:fork|pthread_create|pthread_attr_\w+|socketpair|pipe|malloc|calloc)\b.*\b(?:[Ff]ailed|FAILED|[Ee]rror|ERROR)\b/,
    /^(?:Error|ERROR|Invalid|invalid)\b/,
    /^(?:\S*\/)?perf: /,
    /^\s*Error: /,
];
/** Usage/help text: an error only when nothing else in the log explains it. */
const USAGE_LINES = [
    /^hackbench V [\d.]+$/,
    /^Usage:/,
    /^\s*Usage: (?:perf bench|hackbench)/,
];
// One alternation per list: a single regex pass per line instead of one per pattern (parse speed).
const ERROR_LINE = new RegExp(ERROR_LINES$1.map((re) => `(?:${re.source})`).join('|'));
const USAGE_LINE = new RegExp(USAGE_LINES.map((re) => `(?:${re.source})`).join('|'));

/**
 * hackbench parser: rt-tests hackbench 0.8x–2.x, the legacy hackbench.c and
 * `perf bench sched messaging`, alone or buried in a serial console log, one or many runs.
 * Pure: text in, samples out (see formats.ts for the shapes it reads).
 */
/**
 * What the caller knows and the log cannot say. hackbench prints nothing about the IPC
 * (socket, `-p` pipe, `-i` inet TCP): the three runs print identical lines, so `ipc` is a param
 * only when the caller passes it. Params the log does state always come from the log.
 */
const HackbenchContext = object({
    ipc: _enum(['socket', 'pipe', 'inet']).optional(),
})
    .strict();
const MAX_REASON$1 = 200;
function clip$1(s) {
    return s.length > MAX_REASON$1 ? `${s.slice(0, MAX_REASON$1)}…` : s;
}
function int(s) {
    const n = toNumber(s);
    return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
/** Params in a stable order, without the ones nobody knows. */
function params(entries) {
    const out = {};
    for (const [k, v] of entries)
        if (v !== undefined)
            out[k] = v;
    return out;
}
function parseHackbench(text, context = {}) {
    const ctx = HackbenchContext.parse(context);
    const lines = splitLines(text);
    const samples = [];
    const warnings = [];
    const problems = [];
    let run;
    let lastWasProblem = false;
    /** The first run that yielded no sample, and why: the ParseError when nothing else explains it. */
    let dropped;
    const drop = (line, reason) => {
        warnings.push(`line ${line}: ${reason}`);
        dropped ??= { line, reason };
    };
    const open = (next) => {
        if (run)
            drop(run.line, 'run has no time line (cut short?); ignored');
        run = next;
    };
    const finish = (raw, lineNo, format) => {
        const current = run;
        run = undefined;
        if (!current || current.format !== format) {
            drop(lineNo, 'time line without a run header before it; ignored');
            return;
        }
        if (current.aborted !== undefined) {
            drop(current.line, `run ignored: ${current.aborted}`);
            return;
        }
        const value = toNumber(raw);
        if (value === undefined || value < 0) {
            drop(lineNo, `'${clip$1(raw)}' is not a time; run ignored`);
            return;
        }
        // hackbench prints milliseconds: 0.000 is no measurement (a run below the resolution, or a
        // broken one), and a zero time would make every ratio against it undefined.
        if (value === 0) {
            drop(lineNo, `'${clip$1(raw)}' is a zero time (below hackbench's 1 ms resolution: raise loops); run ignored`);
            return;
        }
        if (current.format === 'rt' && current.params.loops === undefined) {
            warnings.push(`line ${current.line}: no 'Each sender will pass' line: loops and datasize unknown`);
        }
        const { groups, fds, tasks } = current.params;
        if (typeof groups === 'number' && typeof fds === 'number' && typeof tasks === 'number') {
            if (groups * fds !== tasks) {
                warnings.push(`line ${current.line}: ${groups} groups × ${fds} fds ≠ ${tasks} tasks`);
            }
        }
        samples.push({ metric: 'hackbench.time', params: current.params, value, unit: 's', better: 'lower' });
    };
    for (let i = 0; i < lines.length; i++) {
        const lineNo = i + 1;
        const t = lines[i].trim();
        if (t === '' || KERNEL_LINE.test(t))
            continue;
        // Each result line starts with its own letter: try only the regexes that can match (parse speed).
        const c = t.charAt(0);
        let m = null;
        if (c === 'R' && (m = RT_HEADER.exec(t))) {
            open({
                format: 'rt',
                line: lineNo,
                params: params([
                    ['mode', m[1] === 'process' ? 'process' : 'thread'],
                    ['ipc', ctx.ipc],
                    ['groups', int(m[2])],
                    ['fds', int(m[3])],
                    ['tasks', int(m[4])],
                ]),
            });
        }
        else if (c === 'E' && (m = RT_MESSAGES.exec(t))) {
            if (run?.format === 'rt') {
                const { tasks, ...rest } = run.params;
                // Re-insert tasks last so the params read in the order of DESIGN.md's table.
                run.params = params([
                    ...Object.entries(rest),
                    ['loops', int(m[1])],
                    ['datasize', int(m[2])],
                    ['tasks', tasks],
                ]);
            }
        }
        else if (c === 'T' && (m = RT_TIME.exec(t))) {
            finish(m[1], lineNo, run?.format === 'legacy' ? 'legacy' : 'rt');
        }
        else if (c === 'R' && (m = LEGACY_HEADER.exec(t))) {
            open({
                format: 'legacy',
                line: lineNo,
                params: params([
                    ['ipc', ctx.ipc],
                    ['groups', int(m[1])],
                    ['fds', int(m[2])],
                    ['tasks', int(m[3])],
                ]),
            });
        }
        else if (c === '#' && (m = PERF_FDS.exec(t))) {
            const senders = int(m[1]);
            open({
                format: 'perf',
                line: lineNo,
                params: params([
                    ['mode', m[2] === 'threads' ? 'thread' : 'process'],
                    ['ipc', ctx.ipc],
                    // perf prints senders per group; hackbench's "file descriptors" are senders + receivers.
                    ['fds', senders === undefined ? undefined : senders * 2],
                ]),
            });
        }
        else if (c === '#' && (m = PERF_GROUPS.exec(t))) {
            if (run?.format === 'perf') {
                const { mode, ipc, fds } = run.params;
                run.params = params([
                    ['mode', mode],
                    ['ipc', ipc],
                    ['groups', int(m[1])],
                    ['fds', fds],
                    ['tasks', int(m[2])],
                ]);
            }
        }
        else if (c === 'T' && (m = PERF_TIME.exec(t))) {
            finish(m[1], lineNo, 'perf');
        }
        else if (ERROR_LINE.test(t)) {
            problems.push({ line: lineNo, text: t, usage: false });
            if (run && run.aborted === undefined)
                run.aborted = `line ${lineNo}: ${clip$1(t)}`;
            lastWasProblem = true;
            continue;
        }
        else if (USAGE_LINE.test(t)) {
            // A usage block follows its error line; only a bare usage text (e.g. --help) is a problem.
            if (!lastWasProblem)
                problems.push({ line: lineNo, text: t, usage: true });
            lastWasProblem = true;
            continue;
        }
        lastWasProblem = false;
    }
    if (run)
        drop(run.line, 'run has no time line (cut short?); ignored');
    if (samples.length === 0) {
        const first = problems.find((p) => !p.usage) ?? problems[0];
        if (first) {
            const reason = first.usage
                ? `usage text instead of a result: ${clip$1(first.text)}`
                : `hackbench failed: ${clip$1(first.text)}`;
            throw new ParseError('hackbench', reason, first.line);
        }
        if (dropped)
            throw new ParseError('hackbench', dropped.reason, dropped.line);
        throw new ParseError('hackbench', "no hackbench result (no 'Time:' or 'Total time:' line)");
    }
    for (const p of problems)
        warnings.push(`line ${p.line}: ${clip$1(p.text)}`);
    return { suite: 'hackbench', samples, warnings };
}

/**
 * UnixBench's test descriptions (the `logmsg` of each test in byte-UnixBench's `Run`
 * script, which is what the report prints) mapped to its own short test names (what
 * `Run` accepts on its command line), with the unit the test reports.
 * Covers 5.1.x and 6.0.0 (same list), plus the 4.x/3.x spellings that differ.
 */
const T = (name, unit) => ({ name, unit });
const BY_DESCRIPTION = {
    // System Benchmarks (the index tests and the other system ones)
    'dhrystone 2 using register variables': T('dhry2reg', 'lps'),
    'double-precision whetstone': T('whetstone-double', 'MWIPS'),
    'execl throughput': T('execl', 'lps'),
    'file copy 1024 bufsize 2000 maxblocks': T('fstime', 'KBps'),
    'file read 1024 bufsize 2000 maxblocks': T('fstime-r', 'KBps'),
    'file write 1024 bufsize 2000 maxblocks': T('fstime-w', 'KBps'),
    'file copy 256 bufsize 500 maxblocks': T('fsbuffer', 'KBps'),
    'file read 256 bufsize 500 maxblocks': T('fsbuffer-r', 'KBps'),
    'file write 256 bufsize 500 maxblocks': T('fsbuffer-w', 'KBps'),
    'file copy 4096 bufsize 8000 maxblocks': T('fsdisk', 'KBps'),
    'file read 4096 bufsize 8000 maxblocks': T('fsdisk-r', 'KBps'),
    'file write 4096 bufsize 8000 maxblocks': T('fsdisk-w', 'KBps'),
    'pipe throughput': T('pipe', 'lps'),
    'pipe-based context switching': T('context1', 'lps'),
    'process creation': T('spawn', 'lps'),
    'shell scripts (1 concurrent)': T('shell1', 'lpm'),
    'shell scripts (8 concurrent)': T('shell8', 'lpm'),
    'shell scripts (16 concurrent)': T('shell16', 'lpm'),
    'system call overhead': T('syscall', 'lps'),
    // Non-index benchmarks
    arithoh: T('arithoh', 'lps'),
    'arithmetic test (short)': T('short', 'lps'),
    'arithmetic test (int)': T('int', 'lps'),
    'arithmetic test (long)': T('long', 'lps'),
    'arithmetic test (float)': T('float', 'lps'),
    'arithmetic test (double)': T('double', 'lps'),
    'dc: sqrt(2) to 99 decimal places': T('dc', 'lpm'),
    'recursion test -- tower of hanoi': T('hanoi', 'lps'),
    "grep a large file (system's grep)": T('grep', 'lpm'),
    'exec system call overhead': T('sysexec', 'lps'),
    // Graphics (never run by this project, but named if a log holds them)
    '2d graphics: rectangles': T('2d-rects', 'lps'),
    '2d graphics: lines': T('2d-lines', 'lps'),
    '2d graphics: circles': T('2d-circle', 'lps'),
    '2d graphics: ellipses': T('2d-ellipse', 'lps'),
    '2d graphics: polygons': T('2d-shapes', 'lps'),
    '2d graphics: aa polygons': T('2d-aashapes', 'lps'),
    '2d graphics: complex polygons': T('2d-polys', 'lps'),
    '2d graphics: text': T('2d-text', 'lps'),
    '2d graphics: images and blits': T('2d-blit', 'lps'),
    '2d graphics: windows': T('2d-window', 'lps'),
    '3d graphics: gears': T('ubgears', 'fps'),
    // 4.x / 3.x spellings
    'dhrystone 2 without register variables': T('dhry2', 'lps'),
    'arithmetic test (type = short)': T('short', 'lps'),
    'arithmetic test (type = int)': T('int', 'lps'),
    'arithmetic test (type = long)': T('long', 'lps'),
    'arithmetic test (type = float)': T('float', 'lps'),
    'arithmetic test (type = double)': T('double', 'lps'),
    'arithmetic overhead test': T('arithoh', 'lps'),
    'register arithmetic test': T('register', 'lps'),
    'arithmetic test (type = register)': T('register', 'lps'),
    'recursion test--tower of hanoi': T('hanoi', 'lps'),
    'shell scripts (2 concurrent)': T('shell2', 'lpm'),
    'shell scripts (4 concurrent)': T('shell4', 'lpm'),
};
/** Normalise a printed description: trim, collapse blanks, lower-case. */
function key$1(description) {
    return description.trim().replace(/\s+/g, ' ').toLowerCase();
}
/** A lower-case slug usable as a metric name part (`[a-z0-9][a-z0-9_-]*`). */
function slug(description) {
    const s = key$1(description)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return s === '' ? 'unnamed' : s;
}
/**
 * The test printed as `description`. `known` is false for a description this table
 * does not hold (a newer UnixBench, a C compiler test naming its compiler, ...): the
 * name is then a slug of the description, so the value is still kept.
 */
function testFor(description) {
    const k = key$1(description);
    const hit = BY_DESCRIPTION[k];
    if (hit)
        return { ...hit, known: true };
    // "C Compiler Throughput (gcc)": the compiler name varies.
    if (/^c compiler throughput\b/.test(k))
        return { name: 'c', unit: 'lpm', known: true }; // UnixBench's "C"; metric ids are lower-case
    return { name: slug(description), unit: '', known: false };
}

const SUITE$1 = 'unixbench';
// "%-40s %12.1f %-5s (%.1f s, %d samples)"; 4.x printed "secs". A description longer
// than 40 characters or a score wider than 12 just pushes the rest right.
const RESULT = /^(\S.*?)\s+(\d+(?:\.\d+)?)\s+([A-Za-z][A-Za-z/%]*)\s*\(\s*\d+(?:\.\d+)?\s*(?:s|secs?)\s*,\s*(\d+)\s+samples?\s*\)\s*$/;
const RUN_START = /^\s*Benchmark Run:/i;
const COPIES = /running\s+(\d+)\s+parallel\s+(?:cop(?:y|ies)|process(?:es)?)\b/i;
// "System Benchmarks Index Values   BASELINE  RESULT  INDEX" / "... Partial Index ...";
// 4.x: "TEST   BASELINE   RESULT   INDEX" under an "INDEX VALUES" line.
const INDEX_HEAD = /^\s*(.*?)\s*(?:Index Values|Partial Index|TEST)\s+BASELINE\s+RESULT\s+INDEX\s*$/i;
const INDEX_ROW = /^(\S.*?)\s+(\d+(?:\.\d+)?|---)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?|---)\s*$/;
const INDEX_SCORE = /^\s*(.*?)\s*Index Score(\s*\(Partial Only\))?\s*:?\s+(\d+(?:\.\d+)?)\s*$/i;
const FINAL_SCORE_4X = /^\s*FINAL SCORE\s+(\d+(?:\.\d+)?)\s*$/;
const BANNER$1 = /BYTE UNIX Benchmarks \(Version ([^)]+)\)/i;
const RUN_ERROR = /^\s*Run: (.*)$/;
// .log layout
const LOG_RULE = /^#{20,}\s*$/;
const LOG_TEST = /^(\S.*?)\s+--\s+(\d+)\s+cop(?:y|ies)\s*$/;
const LOG_UNIT = /^#\s*COUNT2:\s*(\S+)\s*$/;
const LOG_SCORE = /^>>>>\s*score:\s*(\S+)\s*$/;
function parseUnixbench(text) {
    const lines = splitLines(text);
    const warnings = [];
    const samples = [];
    const warn = (line, msg) => warnings.push(`line ${line}: ${msg}`);
    // A text cut in the middle of its last line may have cut a number short ("45" for
    // "4525.9"): numbers on an unterminated last line are not read. (A result line is safe:
    // it must end with its "samples)".)
    if (!/[\r\n]$/.test(text) && lines.length > 0) {
        const last = lines.length - 1;
        if (/\d\s*$/.test(lines[last] ?? '')) {
            warn(last + 1, 'last line cut short (no newline): its numbers are not read');
            lines[last] = '';
        }
    }
    const report = parseReport(lines, samples, warn);
    const log = parseLogFile(lines, warn);
    if (report.found && log.length > 0) {
        // Report and .log concatenated: they hold the same runs; the report wins.
        warnings.push(`the text holds both a report and .log sections; the .log scores were not used`);
    }
    else {
        samples.push(...log);
    }
    if (samples.length === 0) {
        if (report.error)
            throw new ParseError(SUITE$1, report.error.message, report.error.line);
        if (report.bannerLine !== undefined) {
            throw new ParseError(SUITE$1, 'report banner but no result line (run cut short or aborted)', report.bannerLine);
        }
        throw new ParseError(SUITE$1, 'no UnixBench result line, index table or .log score found');
    }
    if (report.error)
        warn(report.error.line, `Run error: ${report.error.message}`);
    return { suite: SUITE$1, samples, warnings };
}
function parseReport(lines, samples, warn) {
    const scan = { found: false };
    let block;
    let inIndex = false;
    let banners = 0;
    const unknownWarned = new Set();
    const params = (b) => (b.copies === undefined ? {} : { copies: b.copies });
    const ensureBlock = (lineNo) => {
        if (block)
            return block;
        // Result lines before any "Benchmark Run:" header: the log was cut at the top.
        warn(lineNo, 'result lines without a "Benchmark Run:" header (log cut at the top?): copies unknown');
        block = { copies: undefined, results: new Set(), indexed: [] };
        return block;
    };
    const nameOf = (description, lineNo) => {
        const t = testFor(description);
        if (!t.known && !unknownWarned.has(t.name)) {
            unknownWarned.add(t.name);
            warn(lineNo, `unknown UnixBench test "${description.trim()}": named "${t.name}"`);
        }
        return t;
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        const lineNo = i + 1;
        const banner = BANNER$1.exec(line);
        if (banner) {
            banners++;
            scan.bannerLine ??= lineNo;
            if (banners === 2)
                warn(lineNo, 'a second report starts here; both are kept');
            // 4.x/3.x reports have no "Benchmark Run:" blocks and ran one copy of each test.
            block = /^[34]\./.test((banner[1] ?? '').trim())
                ? { copies: 1, results: new Set(), indexed: [] }
                : undefined;
            inIndex = false;
            continue;
        }
        const err = RUN_ERROR.exec(line);
        if (err) {
            scan.error ??= { line: lineNo, message: `Run: ${(err[1] ?? '').trim()}` };
            continue;
        }
        if (RUN_START.test(line)) {
            block = { copies: undefined, results: new Set(), indexed: [] };
            inIndex = false;
            // The copies line follows the header; a cut log may lack it.
            const next = lines[i + 1] ?? '';
            const c = COPIES.exec(next);
            if (c) {
                block.copies = toNumber(c[1]);
                i++;
            }
            else {
                warn(lineNo, 'no "running N parallel copies" line after "Benchmark Run:": copies unknown');
            }
            continue;
        }
        const copiesOnly = COPIES.exec(line);
        if (copiesOnly && /in system/i.test(line)) {
            // Copies line whose "Benchmark Run:" header was cut away.
            block = { copies: toNumber(copiesOnly[1]), results: new Set(), indexed: [] };
            inIndex = false;
            continue;
        }
        // includes() first: these regexes are the costly part of a pass over a long log
        const r = line.includes('samples') ? RESULT.exec(line) : null;
        if (r) {
            const b = ensureBlock(lineNo);
            const t = nameOf(r[1] ?? '', lineNo);
            const value = toNumber(r[2]);
            if (value === undefined)
                continue;
            scan.found = true;
            b.results.add(t.name);
            samples.push({
                metric: `unixbench.${t.name}`,
                params: params(b),
                value,
                unit: r[3] ?? t.unit,
                better: 'higher',
            });
            continue;
        }
        if (line.includes('BASELINE') && INDEX_HEAD.test(line)) {
            ensureBlock(lineNo);
            inIndex = true;
            continue;
        }
        const score = /index score/i.test(line) ? INDEX_SCORE.exec(line) : null;
        if (score) {
            const b = ensureBlock(lineNo);
            const value = toNumber(score[3]);
            inIndex = false;
            if (value === undefined)
                continue;
            scan.found = true;
            const p = { ...params(b) };
            const category = (score[1] ?? '').trim();
            if (category !== '' && !/^system benchmarks$/i.test(category))
                p.category = slugCategory(category);
            const s = {
                metric: 'unixbench.index',
                params: p,
                value,
                unit: 'index',
                better: 'higher',
            };
            if (score[2]) {
                // A partial index is the mean over a subset: only comparable with the same subset.
                p.partial = 1;
                p.tests = [...b.indexed].sort().join(',');
                s.warnings = ['partial index: not every index test ran'];
            }
            samples.push(s);
            continue;
        }
        const final4 = line.includes('FINAL SCORE') ? FINAL_SCORE_4X.exec(line) : null;
        if (final4) {
            const b = ensureBlock(lineNo);
            const value = toNumber(final4[1]);
            inIndex = false;
            if (value === undefined)
                continue;
            scan.found = true;
            samples.push({
                metric: 'unixbench.index',
                params: { ...params(b) },
                value,
                unit: 'index',
                better: 'higher',
                warnings: ['UnixBench 4.x "FINAL SCORE" (4.x index, not comparable with 5.x)'],
            });
            continue;
        }
        if (inIndex) {
            const row = INDEX_ROW.exec(line);
            if (!row) {
                if (line.trim() !== '' && !/^\s*=+\s*$/.test(line))
                    inIndex = false;
                continue;
            }
            const b = ensureBlock(lineNo);
            const t = nameOf(row[1] ?? '', lineNo);
            const result = toNumber(row[3]);
            const index = toNumber(row[4]);
            if (index !== undefined) {
                scan.found = true;
                b.indexed.push(t.name);
                samples.push({
                    metric: `unixbench.index.${t.name}`,
                    params: params(b),
                    value: index,
                    unit: 'index',
                    better: 'higher',
                });
            }
            if (result !== undefined && !b.results.has(t.name) && t.known) {
                // The result line was lost (cut log): the table's RESULT column is the same score.
                scan.found = true;
                b.results.add(t.name);
                warn(lineNo, `no result line for ${t.name}: its score is taken from the index table`);
                samples.push({
                    metric: `unixbench.${t.name}`,
                    params: params(b),
                    value: result,
                    unit: t.unit,
                    better: 'higher',
                });
            }
        }
    }
    return scan;
}
function slugCategory(category) {
    return category
        .toLowerCase()
        .replace(/\s*benchmarks?$/, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
/** The `.log` layout: one sample per test section that reached its ">>>> score:". */
function parseLogFile(lines, warn) {
    const out = [];
    let current;
    const close = () => {
        if (current && !current.scored)
            warn(current.line, `.log section for ${current.name} has no final score`);
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (LOG_RULE.test(line)) {
            const head = LOG_TEST.exec(lines[i + 1] ?? '');
            if (head) {
                close();
                const t = testFor(head[1] ?? '');
                if (!t.known)
                    warn(i + 2, `unknown UnixBench test "${(head[1] ?? '').trim()}": named "${t.name}"`);
                current = { name: t.name, unit: t.unit, copies: toNumber(head[2]), line: i + 2, scored: false };
                i++;
            }
            continue;
        }
        if (!current)
            continue;
        const u = LOG_UNIT.exec(line);
        if (u && !current.scored) {
            current.unit = u[1] ?? current.unit;
            continue;
        }
        const s = LOG_SCORE.exec(line);
        if (s && !current.scored) {
            const value = toNumber(s[1]);
            current.scored = true;
            if (value === undefined || value < 0) {
                warn(i + 1, `unreadable score "${s[1] ?? ''}" for ${current.name}`);
                continue;
            }
            out.push({
                metric: `unixbench.${current.name}`,
                params: current.copies === undefined ? {} : { copies: current.copies },
                value,
                unit: current.unit === '' ? 'score' : current.unit,
                better: 'higher',
            });
        }
    }
    close();
    return out;
}

/**
 * IOzone's auto-mode table is fixed-width and leaves the columns of unselected tests blank,
 * so its rows cannot be split on blanks. Its labels are right-aligned over their numbers;
 * the field widths differ between versions (3.489: 8–10 characters, 3.506: 10–11) and a
 * version may put the number one character right of its label. So the spans are not
 * fixed offsets: each column is the right edge of its label in the header, and each number
 * of a row goes to the column whose right edge is nearest to its own (within a tolerance
 * smaller than half the distance between two columns).
 */
/** Tabs to spaces at 8-column stops, so positions match what a terminal shows. */
function expandTabs(line) {
    if (!line.includes('\t'))
        return line;
    let out = '';
    for (const ch of line) {
        if (ch === '\t')
            out += ' '.repeat(8 - (out.length % 8));
        else
            out += ch;
    }
    return out;
}
function tokens(line) {
    const out = [];
    for (const m of line.matchAll(/\S+/g))
        out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
}
/** Is this the lower header line ("kB  reclen  write ...")? */
function isHeader(line) {
    if (!/reclen/i.test(line))
        return false; // cheap filter: most lines are not headers
    const t = tokens(line);
    return t.length >= 2 && FILE_SIZE_LABEL.test(t[0]?.text ?? '') && /^reclen$/i.test(t[1]?.text ?? '');
}
/**
 * Columns from the lower header line and the line above it (which holds "random",
 * "bkwd", "record", "stride" over the labels they qualify; may be absent).
 */
function headerColumns(upper, lower) {
    // The line above is the qualifier line only if it holds nothing but qualifiers (a cut log
    // or an older version may put another line there).
    const above = upper === undefined ? [] : tokens(expandTabs(upper));
    const top = above.every((u) => /^(random|bkwd|backward|record|stride)$/i.test(u.text)) ? above : [];
    const cols = [];
    const used = new Set();
    let lastOp = '';
    for (const [i, t] of tokens(expandTabs(lower)).entries()) {
        if (i === 0) {
            cols.push({ key: 'file_kb', label: t.text, end: t.end });
            continue;
        }
        if (i === 1) {
            cols.push({ key: 'reclen_kb', label: t.text, end: t.end });
            continue;
        }
        // The qualifier sits right-aligned over the label, give or take a character.
        const q = top.find((u) => Math.abs(u.end - t.end) <= 2);
        const label = (q ? `${q.text} ${t.text}` : t.text).toLowerCase();
        let op = TABLE_COLUMNS[label];
        if (op !== undefined && used.has(op)) {
            // "read"/"write"/"rewrite" again without its qualifier line (cut log, old version):
            // IOzone's columns come in a fixed order, so it is the next one with that last word.
            op = IOZONE_OPS.slice(IOZONE_OPS.indexOf(lastOp) + 1).find((o) => !used.has(o) && o.split('_').pop() === label.split(' ').pop());
        }
        if (op !== undefined) {
            used.add(op);
            lastOp = op;
            cols.push({ key: op, label, end: t.end });
        }
        else {
            cols.push({ key: opSlug(label), label, end: t.end, unknown: true });
        }
    }
    return cols;
}
/** A table row starts with the file size and the record length. */
function isRow(line) {
    return /^\s*\d+\s+\d+(?:\s|$)/.test(line);
}
/** Place each number of a row under its column by right edges. */
function splitRow(rawLine, cols) {
    const line = expandTabs(rawLine);
    // Numbers first; anything after them (not a digit, dot or blank) is a message.
    const m = /^([\s\d.]*)(.*)$/.exec(line);
    const numeric = m?.[1] ?? '';
    const trailer = (m?.[2] ?? '').trim();
    const toks = tokens(numeric);
    const cells = new Map();
    const stray = [];
    const file = cols[0];
    const rec = cols[1];
    const first = toks[0];
    const second = toks[1];
    if (!file || !rec || !first || !second) {
        return { cells, stray: toks.map((t) => t.text), ...(trailer ? { trailer } : {}) };
    }
    cells.set(file.key, first.text);
    cells.set(rec.key, second.text);
    // Shift of this row against the header (a whole table may be indented differently);
    // then follow each placed number, so a number wider than its field moves the rest.
    let shift = second.end - rec.end;
    const rest = cols.slice(2);
    let from = 0;
    for (const t of toks.slice(2)) {
        let best = -1;
        let bestDist = Infinity;
        for (let j = from; j < rest.length; j++) {
            const c = rest[j];
            if (!c)
                continue;
            const d = Math.abs(t.end - (c.end + shift));
            if (d < bestDist) {
                bestDist = d;
                best = j;
            }
        }
        const col = rest[best];
        if (!col || bestDist > tolerance(rest, best)) {
            stray.push(t.text);
            continue;
        }
        cells.set(col.key, t.text);
        shift = t.end - col.end;
        from = best + 1;
    }
    return { cells, stray, ...(trailer ? { trailer } : {}) };
}
/** Below half the gap to the nearest neighbour column, and never more than 4. */
function tolerance(cols, j) {
    const c = cols[j];
    if (!c)
        return 0;
    const gaps = [cols[j - 1], cols[j + 1]]
        .filter((n) => n !== undefined)
        .map((n) => Math.abs(n.end - c.end));
    const gap = gaps.length > 0 ? Math.min(...gaps) : 8;
    return Math.min(4, Math.floor((gap - 1) / 2));
}

const SUITE = 'iozone';
const BANNER = /Iozone: Performance Test of File I\/O/i;
const OPS_MODE = /OPS Mode\. Output is in operations per second/i;
const USEC_MODE = /Microseconds\/op Mode\. Output is in microseconds per operation/i;
const TIMER_POOR = /Timer resolution is poor/i;
const TIMER_SIZES = /Sizes\s+(\d+)\s+kBytes and below/i;
const NOT_AVAILABLE = /Selected test not available/i;
// What IOzone prints when it fails (to stdout or stderr, often in the middle of a row).
const ERROR$1 = /(Can ?not open|can't open|\bError\b|\berror:|invalid option|Unsupported option|No such file|Permission denied|No space left|Read-only file system|I\/O error|Segmentation fault|Killed|Bus error|Aborted|Usage: iozone)/i;
const CHILDREN = /^\s*Children see throughput for\s+(\d+)\s+(.+?)\s*=\s*(\d+(?:\.\d*)?)\s*(\S*)/;
const EACH_PROCESS = /Each (?:process|thread) writes an? (\d+) (?:kByte|KByte|Kbyte|kB|KB)s? file in (\d+) (?:kByte|KByte|Kbyte|kB|KB)s? records/i;
const THROUGHPUT_TEST = /Throughput test with (\d+) (?:processes|process|threads|thread)/i;
const FILE_SIZE = /^\s*File size set to (\d+) (?:kB|KB|Kbytes|kBytes|KBytes)\b/;
const RECORD_SIZE = /^\s*Record Size (\d+) (?:kB|KB|Kbytes|kBytes|KBytes)\b/;
const REPORT_TITLE = /^\s*"([^"]*?)\s*report"\s*$/i;
const REPORT_HEAD = /^\s*(?:"\d+"\s*)+$/;
const REPORT_ROW = /^\s*"(\d+)"\s*(.*)$/;
function parseIozone(text) {
    const lines = splitLines(text);
    // A text cut in the middle of its last line may have cut a number short: "19546" for
    // "1954611". A number on an unterminated last line is never read.
    const cutLine = /[\r\n]$/.test(text) ? -1 : lines.length - 1;
    const warnings = [];
    const warn = (line, msg) => warnings.push(`line ${line}: ${msg}`);
    const table = new Map();
    const report = [];
    const throughput = [];
    let firstError;
    let headerLine;
    let timerLimitKb;
    let run = { mode: 'kB' };
    /** Runs in this log: a banner after values starts a new one. */
    let runNo = 1;
    const banners = [];
    let runHasValues = false;
    let cols;
    let section;
    const unknownWarned = new Set();
    const unitOf = (m) => UNIT[m];
    const betterOf = (m) => (m === 'us' ? 'lower' : 'higher');
    const withMode = (m, p) => (m === 'kB' ? p : { ...p, mode: MODE_PARAM[m] });
    const noteError = (lineNo, message) => {
        firstError ??= { line: lineNo, message };
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        const lineNo = i + 1;
        // ---- inside the table: rows until something else
        if (cols) {
            if (isRow(line)) {
                if (i === cutLine) {
                    warn(lineNo, 'last line cut short (no newline): its numbers are not read');
                    continue;
                }
                const row = splitRow(line, cols);
                readRow(row, cols, lineNo);
                continue;
            }
            cols = undefined;
        }
        if (BANNER.test(line)) {
            if (runHasValues)
                runNo += 1;
            runHasValues = false;
            banners.push(lineNo);
            run = { mode: 'kB' };
            section = undefined;
            continue;
        }
        if (isHeader(line)) {
            cols = headerColumns(lines[i - 1], line);
            headerLine ??= lineNo;
            section = undefined;
            for (const c of cols) {
                if (c.unknown && !unknownWarned.has(c.key)) {
                    unknownWarned.add(c.key);
                    warn(lineNo, `unknown IOzone column "${c.label}": read as iozone.${c.key}`);
                }
            }
            continue;
        }
        if (OPS_MODE.test(line)) {
            run.mode = 'ops';
            continue;
        }
        if (USEC_MODE.test(line)) {
            run.mode = 'us';
            continue;
        }
        if (TIMER_POOR.test(line)) {
            const next = lines[i + 1] ?? '';
            const sizes = TIMER_SIZES.exec(`${line} ${next}`);
            const limit = toNumber(sizes?.[1]);
            if (limit !== undefined)
                timerLimitKb = Math.max(timerLimitKb ?? 0, limit);
            const msg = [
                line.trim(),
                TIMER_SIZES.test(next) || /reported inaccurate/i.test(next) ? next.trim() : '',
            ]
                .filter((s) => s !== '')
                .join(' ');
            warn(lineNo, msg);
            continue;
        }
        if (NOT_AVAILABLE.test(line)) {
            warn(lineNo, line.trim());
            continue;
        }
        // ---- throughput mode
        const tt = THROUGHPUT_TEST.exec(line);
        if (tt) {
            run.threads = toNumber(tt[1]);
            continue;
        }
        const each = EACH_PROCESS.exec(line);
        if (each) {
            run.fileKb = toNumber(each[1]);
            run.reclenKb = toNumber(each[2]);
            continue;
        }
        const fs = FILE_SIZE.exec(line);
        if (fs) {
            run.sizeKb = toNumber(fs[1]);
            continue;
        }
        const rs = RECORD_SIZE.exec(line);
        if (rs) {
            run.recordKb = toNumber(rs[1]);
            continue;
        }
        const ch = CHILDREN.exec(line);
        if (ch && i === cutLine) {
            warn(lineNo, 'last line cut short (no newline): its numbers are not read');
            continue;
        }
        if (ch) {
            readChildren(ch, lineNo);
            continue;
        }
        // ---- -R report
        const title = REPORT_TITLE.exec(line);
        if (title) {
            const name = (title[1] ?? '').trim().toLowerCase();
            if (/cpu/i.test(name)) {
                section = undefined; // CPU utilization (-+u): not a throughput
                continue;
            }
            const op = REPORT_SECTIONS[name] ?? opSlug(name);
            if (!REPORT_SECTIONS[name])
                warn(lineNo, `unknown IOzone report "${title[1] ?? ''} report": read as iozone.${op}`);
            section = { op, reclens: undefined, title: `${title[1] ?? ''} report` };
            continue;
        }
        if (section) {
            if (section.reclens === undefined && REPORT_HEAD.test(line)) {
                section.reclens = [...line.matchAll(/"(\d+)"/g)].map((m) => toNumber(m[1]));
                continue;
            }
            const row = REPORT_ROW.exec(line);
            if (row && section.reclens && i === cutLine) {
                warn(lineNo, 'last line cut short (no newline): its numbers are not read');
                continue;
            }
            if (row && section.reclens) {
                readReportRow(section, row, lineNo);
                continue;
            }
            if (line.trim() === '')
                continue;
            section = undefined;
        }
        // The command line echoes user paths, which may hold any word.
        if (!/Command line used/i.test(line) && ERROR$1.test(line)) {
            noteError(lineNo, line.trim());
            warn(lineNo, `IOzone error: ${line.trim()}`);
            continue;
        }
    }
    function readRow(row, columns, lineNo) {
        const fileKb = toNumber(row.cells.get('file_kb'));
        const reclenKb = toNumber(row.cells.get('reclen_kb'));
        if (fileKb === undefined || reclenKb === undefined)
            return;
        let measured = 0;
        for (const c of columns.slice(2)) {
            const text = row.cells.get(c.key);
            if (text === undefined)
                continue; // blank column: test not selected
            const value = toNumber(text);
            if (value === undefined || value < 0) {
                warn(lineNo, `unreadable ${c.label} value "${text}"`);
                continue;
            }
            if (value === 0)
                continue; // IOzone's "not measured"
            measured++;
            runHasValues = true;
            const params = withMode(run.mode, { file_kb: fileKb, reclen_kb: reclenKb });
            table.set(`${runNo}|${key(c.key, params)}`, {
                sample: {
                    metric: `iozone.${c.key}`,
                    params,
                    value,
                    unit: unitOf(run.mode),
                    better: betterOf(run.mode),
                },
                line: lineNo,
                run: runNo,
            });
        }
        if (row.stray.length > 0) {
            warn(lineNo, `value(s) ${row.stray.join(', ')} fit no column of the header; dropped`);
        }
        if (row.trailer) {
            noteError(lineNo, row.trailer);
            warn(lineNo, `IOzone error in the middle of the table: ${row.trailer}`);
        }
        else if (measured === 0) {
            warn(lineNo, `row ${fileKb} kB / ${reclenKb} kB has no measured value (run stopped?)`);
        }
    }
    function readReportRow(s, row, lineNo) {
        const fileKb = toNumber(row[1]);
        const reclens = s.reclens ?? [];
        if (fileKb === undefined)
            return;
        const values = (row[2] ?? '')
            .trim()
            .split(/\s+/)
            .filter((v) => v !== '');
        if (values.length > reclens.length)
            warn(lineNo, `${s.title}: more values than record sizes; extra ones dropped`);
        for (const [j, text] of values.entries()) {
            if (j >= reclens.length)
                break;
            const reclenKb = reclens[j];
            if (reclenKb === undefined)
                continue; // unreadable header cell
            const value = toNumber(text);
            if (value === undefined || value < 0) {
                warn(lineNo, `${s.title}: unreadable value "${text}"`);
                continue;
            }
            if (value === 0)
                continue; // Excel report's "not measured"
            runHasValues = true;
            report.push({
                sample: {
                    metric: `iozone.${s.op}`,
                    params: withMode(run.mode, { file_kb: fileKb, reclen_kb: reclenKb }),
                    value,
                    unit: unitOf(run.mode),
                    better: betterOf(run.mode),
                },
                line: lineNo,
                run: runNo,
            });
        }
    }
    function readChildren(ch, lineNo) {
        const threads = toNumber(ch[1]);
        const label = (ch[2] ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
        const op = THROUGHPUT_LABELS[label] ?? opSlug(label);
        if (!THROUGHPUT_LABELS[label])
            warn(lineNo, `unknown throughput test "${label}": read as iozone.throughput.${op}`);
        const value = toNumber(ch[3]);
        if (value === undefined)
            return;
        if (value === 0) {
            warn(lineNo, `throughput for ${label} is 0 (not measured): dropped`);
            return;
        }
        runHasValues = true;
        const mode = throughputMode(ch[4] ?? '', run.mode);
        const params = {};
        if (threads !== undefined)
            params.threads = threads;
        const fileKb = run.fileKb ?? run.sizeKb;
        const reclenKb = run.reclenKb ?? run.recordKb;
        if (fileKb !== undefined)
            params.file_kb = fileKb;
        if (reclenKb !== undefined)
            params.reclen_kb = reclenKb;
        if (fileKb === undefined || reclenKb === undefined)
            warn(lineNo, 'throughput block without file or record size');
        throughput.push({
            metric: `iozone.throughput.${op}`,
            params: withMode(mode, params),
            value,
            unit: unitOf(mode),
            better: betterOf(mode),
        });
    }
    // ---- merge: the table wins over the -R report of the same run
    const samples = [...table.values()].map((p) => p.sample);
    let disagreements = 0;
    for (const r of report) {
        const k = `${r.run}|${key(r.sample.metric.slice('iozone.'.length), r.sample.params)}`;
        const t = table.get(k);
        if (!t) {
            samples.push(r.sample);
            continue;
        }
        if (t.sample.value !== r.sample.value) {
            disagreements++;
            if (disagreements <= 5) {
                warn(r.line, `-R report ${r.sample.metric} ${String(r.sample.params.file_kb)}/${String(r.sample.params.reclen_kb)} = ${r.sample.value} disagrees with the table (line ${t.line}) = ${t.sample.value}; the table is kept`);
            }
        }
    }
    if (disagreements > 5)
        warnings.push(`${disagreements} -R report cells disagree with the table in all; the table is kept`);
    samples.push(...throughput);
    if (runNo > 1) {
        warnings.push(`${runNo} IOzone runs in this log (banners at lines ${banners.join(', ')}): the values of every run are kept, each one sample of its cell`);
    }
    if (timerLimitKb !== undefined) {
        const limit = timerLimitKb;
        for (const s of samples) {
            const f = s.params.file_kb;
            if (typeof f === 'number' && f <= limit && !s.metric.startsWith('iozone.throughput.')) {
                s.warnings = [`timer resolution is poor for sizes of ${limit} kB and below`];
            }
        }
    }
    if (samples.length === 0) {
        if (firstError)
            throw new ParseError(SUITE, firstError.message, firstError.line);
        if (headerLine !== undefined)
            throw new ParseError(SUITE, 'result table has no measured value', headerLine);
        throw new ParseError(SUITE, 'no IOzone result table, -R report or throughput line (output truncated?)');
    }
    return { suite: SUITE, samples, warnings };
}
const UNIT = { kB: 'kB/s', ops: 'ops/s', us: 'us/op' };
const MODE_PARAM = { kB: 'kB', ops: 'ops', us: 'us_per_op' };
/** The unit printed after a "Children see" figure ("kB/sec", "ops/sec", ...), else the run's mode. */
function throughputMode(printed, fallback) {
    const u = printed.toLowerCase();
    if (u.startsWith('ops'))
        return 'ops';
    if (u.startsWith('kb'))
        return 'kB';
    if (u.startsWith('micro') || u.startsWith('us'))
        return 'us';
    return fallback;
}
function key(op, params) {
    return `${op}|${String(params.file_kb)}|${String(params.reclen_kb)}|${String(params.mode ?? '')}`;
}

/**
 * netperf's throughput units (netlib.c `format_units()` and `calc_thruput_interval()`):
 * `-f k|m|g` are 10^3/10^6/10^9 bits, `-f K|M|G` are 2^10/2^20/2^30 bytes, `x` is transactions.
 * Classic headers print them as `%s/sec` or `%s/s`, omni's THROUGHPUT_UNITS as `%s/s`.
 */
const FACTORS = {
    '10^3bits': 1e-3,
    '10^6bits': 1,
    '10^9bits': 1e3,
    KBytes: (8 * 1024) / 1e6,
    MBytes: (8 * 1024 ** 2) / 1e6,
    GBytes: (8 * 1024 ** 3) / 1e6,
};
/** Finds a unit label anywhere in `s` (a header's units row, or a THROUGHPUT_UNITS value). */
function findUnit(s) {
    const m = /(10\^[369]bits|[KMG]Bytes|Trans|Tran)\s*\/\s*s(?:ec)?\b/.exec(s);
    if (!m)
        return undefined;
    const label = m[1];
    if (label === 'Trans' || label === 'Tran')
        return { kind: 'trans', label: `${label}/s` };
    return { kind: 'bits', toMbits: FACTORS[label], label: `${label}/s` };
}
/** netperf's defaults when a log does not print its unit (`-P 0`, `-v 0`, omni without THROUGHPUT_UNITS). */
const DEFAULT_STREAM_UNIT = { kind: 'bits', toMbits: 1, label: '10^6bits/s' };
const DEFAULT_RR_UNIT = { kind: 'trans', label: 'Trans/s' };

/**
 * netperf's classic result tables (nettest_bsd.c in 2.4.x, the "MIGRATED" omni output in 2.5+):
 * a header of 3–5 rows ending in a units row that starts with `bytes`, a blank line, then the
 * result rows. Column positions do not depend on `-c`/`-C` (CPU and service-demand columns are
 * appended at the end), and `-B brand` appends a word after the numbers.
 *
 *   stream (TCP_STREAM, TCP_MAERTS):  recv-socket send-socket message elapsed throughput [cpu×2 sd×2]
 *   rr (TCP_RR, UDP_RR, TCP_CRR):     send-socket recv-socket request response elapsed rate [cpu×2 sd×2]
 *                                     then a row with the remote socket sizes
 *   udp (UDP_STREAM):                 socket message elapsed okay errors throughput [cpu sd]   (send side)
 *                                     socket elapsed okay throughput [cpu sd]                  (receive side)
 */
const STARTS = [
    [/^Recv\s+Send\s+Send\b/, 'stream'],
    [/^Local \/Remote\s*$/, 'rr'],
    [/^Socket\s+Message\s+Elapsed\s+Messages\b/, 'udp'],
    [/^Alignment\s+Offset\b/, 'skip'],
];
const MAX_HEADER_ROWS = 6;
/** The classic header that starts at line `i`, if one does. */
function classicHeaderAt(lines, i, end) {
    const first = lines[i].trim();
    // Every header starts with one of these letters: skip the regexes for other lines.
    if (!'RLSA'.includes(first.charAt(0)) || first === '')
        return undefined;
    const start = STARTS.find(([re]) => re.test(first));
    if (!start)
        return undefined;
    const shape = start[1];
    if (shape === 'skip') {
        // -v 2 tables have no `bytes` row: their titles run until the first row of numbers.
        let j = i + 1;
        while (j < end && j < i + MAX_HEADER_ROWS && !isNumberRow(lines[j]))
            j++;
        return { shape, next: j };
    }
    for (let j = i + 1; j < end && j <= i + MAX_HEADER_ROWS; j++) {
        const row = lines[j].trim();
        if (/^bytes\s/i.test(row)) {
            const text = lines.slice(i, j + 1).join('\n');
            // RR tables say `Trans. Rate ... per sec`; with `-f` they print `Throughput` in bits or bytes.
            const unit = findUnit(row) ?? (shape === 'rr' && /\bTrans\./.test(text) ? RR_TRANS : undefined);
            return unit ? { shape, unit, next: j + 1 } : { shape, next: j + 1 };
        }
    }
    return undefined;
}
const RR_TRANS = { kind: 'trans', label: 'Trans/s' };
/** Whether a trimmed line starts like a number (digit, sign or dot): a cheap pre-check. */
function startsLikeNumber(t) {
    const c = t.charCodeAt(0);
    return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
}
/** Leading numbers of a row; undefined when the row does not start with a number. */
function numberRow(line) {
    // A hand-rolled tokenizer: this runs on every result row, and split(/\s+/) + trim allocate (parse speed).
    const nums = [];
    const n = line.length;
    let p = 0;
    while (p < n) {
        while (p < n && isSpace(line.charCodeAt(p)))
            p++;
        if (p >= n)
            break;
        const start = p;
        while (p < n && !isSpace(line.charCodeAt(p)))
            p++;
        const token = line.slice(start, p);
        const value = startsLikeNumber(token) ? toNumber(token) : undefined;
        if (value === undefined) {
            if (nums.length === 0)
                return undefined;
            return { nums, rest: line.slice(start).trim().split(/\s+/) };
        }
        nums.push(value);
    }
    return nums.length > 0 ? { nums, rest: [] } : undefined;
}
function isSpace(c) {
    return c === 32 || c === 9 || c === 11 || c === 12;
}
/** A row made of numbers only. */
function isNumberRow(line) {
    const row = numberRow(line);
    return row !== undefined && row.rest.length === 0;
}
/** Minimum numbers of the first (and second) result row of each shape. */
const MIN_FIELDS = { stream: [5, 0], rr: [6, 2], udp: [6, 4] };

/**
 * Lines by which netperf says a test did not run. netperf prints them on stdout as well as
 * stderr (the control-connection error goes to stdout), so they appear in any capture.
 */
const ERROR_LINES = [
    // `establish control: are you sure there is a netserver listening on H at port P?`
    /^establish[ _]control\b/,
    // getopt, argument checks and most fatal paths: `netperf: invalid option -- 'Q'`, `netperf: ...`
    /^(?:\S*\/)?netperf: /,
    /^Usage: netperf\b/,
    // send_omni / recv_response / send_tcp_stream ...: `...: data send error: ...`, `... failed`
    /^[A-Za-z_]+: .*\b(?:[Ee]rror|ERROR|[Ff]ailed|FAILED|errno)\b/,
    /^Could not open output selection file/,
];
/** Fixed phrases found anywhere in a line. */
const ERROR_PHRASES = [
    'are you sure there is a netserver listening',
    // `The test you requested (X) is unknown to this netperf.`
    'is unknown to this netperf',
    'emote error ',
    'no response received',
];
/** netperf's own warnings that do not stop a test but belong in the log's warnings. */
const WARNING_LINES = [
    /^Ignoring unknown output selector/,
    /^Cannot determine default test output/,
    /^There can be no more than \d+ output/,
];
// One anchored alternation per list, tried at the start of the line only, and plain substring
// searches for the phrases: a single cheap pass per line (parse speed).
const anchored = (list) => new RegExp(`^(?:${list.map((re) => re.source.replace(/^\^/, '')).join('|')})`);
const ERROR = anchored(ERROR_LINES);
const WARNING = anchored(WARNING_LINES);
function isErrorLine(line) {
    return ERROR.test(line) || ERROR_PHRASES.some((p) => line.includes(p));
}
function isWarningLine(line) {
    return WARNING.test(line);
}

/**
 * netperf omni output selectors: `-k` (KEY=value lines), `-o` (a CSV title line, then values)
 * and `-O` (four rows of column titles, then values). `-o`/`-O` print human titles, so the
 * selectors this parser uses are mapped back from their titles (nettest_omni.c).
 * An unknown selector prints an empty value (`56721.96,,`): empty values are absent, never 0.
 */
/** Human title (lower case, single spaces) → selector, for the selectors the parser reads. */
const TITLES = {
    throughput: 'THROUGHPUT',
    'throughput units': 'THROUGHPUT_UNITS',
    'elapsed time (sec)': 'ELAPSED_TIME',
    'request size bytes': 'REQUEST_SIZE',
    'response size bytes': 'RESPONSE_SIZE',
    'local send size': 'LOCAL_SEND_SIZE',
    'local recv size': 'LOCAL_RECV_SIZE',
    'remote send size': 'REMOTE_SEND_SIZE',
    'remote recv size': 'REMOTE_RECV_SIZE',
    protocol: 'PROTOCOL',
    direction: 'DIRECTION',
    'transaction rate tran/s': 'TRANSACTION_RATE',
    'confidence level percent': 'CONFIDENCE_LEVEL',
    'confidence width target': 'CONFIDENCE_INTERVAL',
    'confidence iterations run': 'CONFIDENCE_ITERATION',
    'throughput confidence width (%)': 'THROUGHPUT_CONFID',
    'minimum latency microseconds': 'MIN_LATENCY',
    'maximum latency microseconds': 'MAX_LATENCY',
    '50th percentile latency microseconds': 'P50_LATENCY',
    '90th percentile latency microseconds': 'P90_LATENCY',
    '99th percentile latency microseconds': 'P99_LATENCY',
    'mean latency microseconds': 'MEAN_LATENCY',
    'stddev latency microseconds': 'STDDEV_LATENCY',
};
function selectorOfTitle(title) {
    return TITLES[title.trim().replace(/\s+/g, ' ').toLowerCase()];
}
/** The latency selectors of `-j`; reported as extra metrics `netperf.<test>.<selector lower-case>`. */
const LATENCY_SELECTORS = [
    'MIN_LATENCY',
    'MEAN_LATENCY',
    'P50_LATENCY',
    'P90_LATENCY',
    'P99_LATENCY',
    'MAX_LATENCY',
    'STDDEV_LATENCY',
];
const KV_LINE = /^([A-Z][A-Z0-9_]*)=(.*)$/;
function put(values, selector, raw) {
    const v = raw?.trim();
    if (selector !== undefined && v !== undefined && v !== '')
        values.set(selector, v);
}
/** `-o`: a title line and a value line, both comma-separated. */
function fromCsv(titleLine, valueLine) {
    const titles = titleLine.split(',');
    const fields = valueLine.split(',');
    const values = new Map();
    titles.forEach((title, i) => put(values, selectorOfTitle(title), fields[i]));
    const untitled = Math.max(0, fields.length - titles.length);
    return { values, untitled };
}
/**
 * `-O`: titles stacked over up to four rows, each column left-aligned at the same position in
 * every row and top-aligned, so the words of the first row mark where the columns start.
 */
function fromColumns(titleRows, valueRow) {
    const first = titleRows[0] ?? '';
    const starts = [];
    for (let p = 0; p < first.length; p++) {
        if (first[p] !== ' ' && (p === 0 || first[p - 1] === ' '))
            starts.push(p);
    }
    const values = new Map();
    starts.forEach((s, i) => {
        const e = starts[i + 1] ?? Number.POSITIVE_INFINITY;
        const title = titleRows
            .map((r) => r.slice(s, e).trim())
            .filter((w) => w !== '')
            .join(' ');
        put(values, selectorOfTitle(title), valueRow.slice(s, e));
    });
    return { values, untitled: 0 };
}
/** `-k`: KEY=value lines; the selector names are printed as such. */
function fromKeyValues(lines) {
    const values = new Map();
    for (const line of lines) {
        const m = KV_LINE.exec(line.trim());
        if (m)
            put(values, m[1], m[2]);
    }
    return { values, untitled: 0 };
}

/**
 * netperf parser (2.4.5–2.7): classic tables with or without banner and headers (`-P 0`),
 * CPU columns (`-c -C`), the confidence "!!! WARNING" block, `-v 0`/`-v 2`, omni selectors
 * (`-o`, `-O`, `-k`, `-j` latencies), several tests in one log. Pure: text in, samples out.
 *
 * How a result becomes a sample: every format narrows down which test may have produced it
 * (banner, column layout, THROUGHPUT_UNITS, PROTOCOL/DIRECTION, the caller's `test` hint). One
 * test left: a sample. None: the parts contradict each other. Several (e.g. a `-P 0` stream row,
 * which TCP_STREAM and TCP_MAERTS print alike): no sample, and the reason says to pass `test`.
 */
/**
 * What the caller knows and the log may not say: the test name (`-P 0` and `-v 0` print no
 * banner). A banner in the log always wins over the hint.
 */
const NetperfContext = object({ test: NetperfTest.optional() }).strict();
const MAX_REASON = 200;
const clip = (s) => (s.length > MAX_REASON ? `${s.slice(0, MAX_REASON)}…` : s);
function intersect(a, b) {
    return new Set([...a].filter((x) => b.has(x)));
}
function size(n) {
    return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
function withParams(entries) {
    const out = {};
    for (const [k, v] of entries)
        if (v !== undefined)
            out[k] = v;
    return out;
}
/** `!!! WARNING` ... `!!! Confidence intervals: Throughput : 27.810%` ... */
function confidenceWarning(block) {
    const pct = (re) => {
        for (const l of block) {
            const m = re.exec(l);
            if (m)
                return m[1];
        }
        return undefined;
    };
    const tput = pct(/Throughput\s*:\s*([\d.]+)%/);
    const lcpu = pct(/Local CPU util\s*:\s*([\d.]+)%/);
    const rcpu = pct(/Remote CPU util\s*:\s*([\d.]+)%/);
    const parts = [
        tput && `throughput ${tput}%`,
        lcpu && `local CPU ${lcpu}%`,
        rcpu && `remote CPU ${rcpu}%`,
    ].filter(Boolean);
    return `netperf: desired confidence not achieved within the iterations${parts.length > 0 ? ` (confidence intervals: ${parts.join(', ')})` : ''}`;
}
function omniFound(rec, line, warnings) {
    const v = rec.values;
    const unit = v.has('THROUGHPUT_UNITS') ? findUnit(v.get('THROUGHPUT_UNITS')) : undefined;
    let tests = new Set(NETPERF_TESTS);
    const why = [];
    if (unit)
        tests = intersect(tests, unit.kind === 'bits' ? STREAM_TESTS : RR_TESTS);
    if (v.has('PROTOCOL'))
        tests = intersect(tests, testsFromProtocol(v.get('PROTOCOL')));
    else
        why.push('no PROTOCOL');
    if (v.has('DIRECTION'))
        tests = intersect(tests, testsFromDirection(v.get('DIRECTION')));
    else
        why.push('no DIRECTION');
    if (v.has('THROUGHPUT_UNITS') && !unit) {
        warnings.push(`line ${line}: unknown THROUGHPUT_UNITS '${clip(v.get('THROUGHPUT_UNITS'))}'`);
    }
    if (rec.untitled > 0) {
        warnings.push(`line ${line}: ${rec.untitled} value(s) without a column title ignored (an output selector netperf did not know?)`);
    }
    const sampleWarnings = [];
    const target = toNumber(v.get('CONFIDENCE_INTERVAL'));
    const width = toNumber(v.get('THROUGHPUT_CONFID'));
    if (target !== undefined && width !== undefined && target > 0 && width > target) {
        sampleWarnings.push(`netperf: desired confidence not achieved: throughput confidence width ${v.get('THROUGHPUT_CONFID')}% > target ${v.get('CONFIDENCE_INTERVAL')}%`);
    }
    const found = {
        line,
        tests,
        why: `omni output with ${why.length > 0 ? why.join(' and ') : 'selectors that do not decide it'}`,
        params: {},
        omni: v,
        warnings: sampleWarnings,
    };
    const value = toNumber(v.get('THROUGHPUT'));
    if (value !== undefined)
        found.value = value;
    if (unit)
        found.unit = unit;
    return found;
}
/** Params of an omni result once the test is known. */
function omniParams(test, v) {
    const n = (k) => size(toNumber(v.get(k)));
    if (test === 'TCP_MAERTS')
        return withParams([['message_bytes', n('REMOTE_SEND_SIZE')]]);
    if (isStream(test))
        return withParams([['message_bytes', n('LOCAL_SEND_SIZE')]]);
    return withParams([
        ['request_bytes', n('REQUEST_SIZE')],
        ['response_bytes', n('RESPONSE_SIZE')],
    ]);
}
const SHAPE_TESTS = {
    stream: new Set(['TCP_STREAM', 'TCP_MAERTS']),
    rr: new Set(RR_TESTS),
    udp: new Set(['UDP_STREAM']),
};
const SHAPE_WHY = {
    stream: 'TCP_STREAM and TCP_MAERTS print the same columns',
    rr: 'TCP_RR, UDP_RR and TCP_CRR print the same columns',
    udp: 'UDP_STREAM columns',
};
/**
 * A classic result starting at row `i` (its first number row). Returns the Found and the index
 * after the rows it used, or a reason when the rows do not fit the shape.
 */
function classicFound(rowAt, i, end, shape, unit) {
    const first = rowAt(i);
    const [min1, min2] = MIN_FIELDS[shape];
    if (first.nums.length < min1) {
        return { reason: `result row has ${first.nums.length} numbers, ${min1} expected for ${shape} output` };
    }
    const second = i + 1 < end ? rowAt(i + 1) : undefined;
    // The shape's test set is shared, never mutated: emit() builds new sets when it narrows.
    const base = { line: i + 1, tests: SHAPE_TESTS[shape], why: SHAPE_WHY[shape], warnings: [] };
    const withUnit = unit ? { unit } : {};
    const n = first.nums;
    if (shape === 'stream') {
        return {
            found: { ...base, ...withUnit, value: n[4], params: withParams([['message_bytes', size(n[2])]]) },
            next: i + 1,
        };
    }
    if (shape === 'rr') {
        const params = withParams([
            ['request_bytes', size(n[2])],
            ['response_bytes', size(n[3])],
        ]);
        const hasRemote = second !== undefined && second.nums.length === 2 && second.rest.length === 0;
        return { found: { ...base, ...withUnit, value: n[5], params }, next: hasRemote ? i + 2 : i + 1 };
    }
    const params = withParams([['message_bytes', size(n[1])]]);
    const found = { ...base, ...withUnit, sendValue: n[5], params };
    if (second !== undefined && second.nums.length >= min2) {
        found.value = second.nums[3];
        return { found, next: i + 2 };
    }
    found.warnings.push('netperf: UDP_STREAM output without its receive-side row');
    return { found, next: i + 1 };
}
/** Shape of a result printed without header (`-P 0`), from its column counts. */
function headerlessShape(rowAt, i, end) {
    const row = rowAt(i);
    const next = i + 1 < end ? rowAt(i + 1) : undefined;
    const k = row.nums.length;
    const k2 = next && next.rest.length === 0 ? next.nums.length : 0;
    if (k === 1 && row.rest.length === 0)
        return { shape: 'bare' };
    if (k === 5 || k === 9)
        return { shape: 'stream' };
    if ((k === 6 || k === 10) && k2 === 2)
        return { shape: 'rr' };
    if ((k === 6 || k === 8) && (k2 === 4 || k2 === 6))
        return { shape: 'udp' };
    if (k === 6 || k === 10)
        return { shape: 'rr-or-udp' };
    return undefined;
}
function parseNetperf(text, context = {}) {
    const ctx = NetperfContext.parse(context);
    const lines = splitLines(text);
    // Result rows are looked at more than once (shape, then values): tokenize each line once.
    const rows = new Map();
    const rowAt = (i) => {
        if (rows.has(i))
            return rows.get(i);
        const row = numberRow(lines[i]);
        rows.set(i, row);
        return row;
    };
    const warnings = [];
    const samples = [];
    const problems = [];
    let dropped;
    const drop = (line, reason) => {
        warnings.push(`line ${line}: ${reason}`);
        dropped ??= { line, reason };
    };
    // Sections: what precedes the first banner (headerless output), then one per banner.
    const sections = [];
    let current = { start: 0, end: lines.length };
    for (let i = 0; i < lines.length; i++) {
        // Every banner has " TEST"; the substring check spares the regex on other lines (parse speed).
        if (!lines[i].includes(' TEST'))
            continue;
        const m = BANNER$2.exec(lines[i].trim());
        if (!m)
            continue;
        current.end = i;
        sections.push(current);
        const name = m[2];
        current = {
            start: i + 1,
            end: lines.length,
            banner: { line: i + 1, name, tests: testsFromBannerName(name) },
        };
    }
    sections.push(current);
    const emit = (found, section) => {
        let tests = found.tests;
        if (section.banner) {
            const { name, tests: bannerTests, line } = section.banner;
            if (bannerTests.size === 0) {
                drop(found.line, `netperf test '${clip(name)}' (banner at line ${line}) is not one this parser reads`);
                return;
            }
            tests = intersect(tests, bannerTests);
            if (tests.size === 0) {
                drop(found.line, `the result's columns do not fit the '${clip(name)}' banner at line ${line}`);
                return;
            }
        }
        if (ctx.test !== undefined && tests.size > 1) {
            if (tests.has(ctx.test))
                tests = new Set([ctx.test]);
            else
                warnings.push(`line ${found.line}: the test hint ${ctx.test} does not fit this result; ignored`);
        }
        if (tests.size !== 1) {
            drop(found.line, `cannot tell which netperf test produced this result (${[...tests].join(', ')}): ${found.why}; pass the test name as a hint`);
            return;
        }
        const test = [...tests][0];
        const stream = isStream(test);
        let unit = found.unit;
        if (!unit) {
            unit = stream ? DEFAULT_STREAM_UNIT : DEFAULT_RR_UNIT;
            warnings.push(`line ${found.line}: the log does not print the unit; netperf's default ${unit.label} assumed`);
        }
        if (stream !== (unit.kind === 'bits')) {
            drop(found.line, `${test} result in ${unit.label}: not a ${stream ? 'throughput' : 'transaction rate'}`);
            return;
        }
        const scale = unit.kind === 'bits' ? unit.toMbits : 1;
        if (scale !== 1)
            warnings.push(`line ${found.line}: converted from ${unit.label} to 10^6bits/s`);
        const { metric, unit: metricUnit } = primaryMetric(test);
        const params = found.omni ? omniParams(test, found.omni) : found.params;
        const sampleWarnings = found.warnings.length > 0 ? { warnings: [...found.warnings] } : {};
        const push = (value, p) => {
            if (value === undefined)
                return false;
            const v = value * scale;
            if (!Number.isFinite(v) || v < 0) {
                drop(found.line, `${test} value ${value} is not a measurement`);
                return false;
            }
            // A test that ran its length moved data or completed transactions: a rate of 0 means the
            // path was broken (nothing arrived, no transaction finished), and no ratio can use it.
            if (v === 0) {
                drop(found.line, `${test}${p['side'] ? ` (${String(p['side'])} side)` : ''} reported a rate of 0: nothing ${/_RR$/.test(test) ? 'completed' : 'arrived'} (a blocked or broken path), not a measurement`);
                return false;
            }
            samples.push({ metric, params: p, value: v, unit: metricUnit, better: 'higher', ...sampleWarnings });
            return true;
        };
        let any = false;
        if (found.sendValue !== undefined) {
            // UDP_STREAM classic output: the receive side is what arrived; the send side is kept apart.
            any = push(found.value, { ...params, side: 'receive' }) || any;
            any = push(found.sendValue, { ...params, side: 'send' }) || any;
        }
        else {
            any = push(found.value, params);
        }
        if (found.omni) {
            for (const sel of LATENCY_SELECTORS) {
                const v = toNumber(found.omni.get(sel));
                if (v === undefined || v < 0)
                    continue;
                samples.push({
                    metric: `netperf.${test.toLowerCase()}.${sel.toLowerCase()}`,
                    params,
                    value: v,
                    unit: 'us',
                    better: 'lower',
                });
                any = true;
            }
        }
        if (!any && found.value === undefined && found.sendValue === undefined) {
            drop(found.line, 'omni output without a THROUGHPUT value');
        }
    };
    for (const section of sections) {
        let pending = [];
        let firstContent = true;
        let produced = false;
        const take = (found) => {
            found.warnings.push(...pending);
            pending = [];
            produced = true;
            emit(found, section);
        };
        let i = section.start;
        while (i < section.end) {
            const raw = lines[i];
            const t = raw.trim();
            if (t === '') {
                i++;
                continue;
            }
            // Result rows start with a digit: skip the text checks for them (parse speed).
            const numeric = startsLikeNumber(t);
            if (!numeric && t.startsWith('!!!')) {
                const block = [];
                while (i < section.end && lines[i].trim().startsWith('!!!'))
                    block.push(lines[i++].trim());
                pending.push(confidenceWarning(block));
                continue;
            }
            if (!numeric && isErrorLine(t)) {
                problems.push({ line: i + 1, text: t });
                firstContent = false;
                i++;
                continue;
            }
            if (!numeric && isWarningLine(t)) {
                warnings.push(`line ${i + 1}: netperf: ${clip(t)}`);
                i++;
                continue;
            }
            const header = numeric ? undefined : classicHeaderAt(lines, i, section.end);
            if (header) {
                firstContent = false;
                let j = header.next;
                while (j < section.end && lines[j].trim() === '')
                    j++;
                if (header.shape === 'skip') {
                    while (j < section.end && isNumberRow(lines[j]))
                        j++;
                    i = j;
                    continue;
                }
                if (j >= section.end || rowAt(j) === undefined) {
                    drop(i + 1, 'result header without a result row (run cut short?)');
                    i = j;
                    continue;
                }
                const r = classicFound(rowAt, j, section.end, header.shape, header.unit);
                if ('reason' in r) {
                    drop(j + 1, r.reason);
                    i = j + 1;
                }
                else {
                    take(r.found);
                    i = r.next;
                }
                continue;
            }
            if (!numeric && KV_LINE.test(t)) {
                firstContent = false;
                const block = [];
                const keys = new Set();
                const startLine = i + 1;
                while (i < section.end) {
                    const m = KV_LINE.exec(lines[i].trim());
                    if (!m || keys.has(m[1]))
                        break;
                    keys.add(m[1]);
                    block.push(lines[i]);
                    i++;
                }
                take(omniFound(fromKeyValues(block), startLine, warnings));
                continue;
            }
            if (section.banner && firstContent && (!numeric || !isNumberRow(t))) {
                firstContent = false;
                let j = i + 1;
                while (j < section.end && lines[j].trim() === '')
                    j++;
                // -o: a title line (no comma when there is one selector), then a comma-separated value line.
                if (t.includes(',') || (j < section.end && lines[j].includes(','))) {
                    if (j >= section.end) {
                        drop(i + 1, 'omni title line without a value line');
                        i = j;
                        continue;
                    }
                    take(omniFound(fromCsv(t, lines[j].trim()), j + 1, warnings));
                    i = j + 1;
                    continue;
                }
                // -O: four rows of titles, then the value row.
                const titles = lines.slice(i, Math.min(i + 4, section.end));
                j = i + titles.length;
                while (j < section.end && lines[j].trim() === '')
                    j++;
                if (j >= section.end) {
                    drop(i + 1, 'omni column titles without a value row');
                    i = j;
                    continue;
                }
                take(omniFound(fromColumns(titles, lines[j]), j + 1, warnings));
                i = j + 1;
                continue;
            }
            firstContent = false;
            const row = numeric ? rowAt(i) : undefined;
            if (row && (!section.banner || !produced)) {
                const shape = headerlessShape(rowAt, i, section.end);
                if (!shape) {
                    warnings.push(`line ${i + 1}: ${row.nums.length} numbers that are no netperf result layout; ignored`);
                    i++;
                    continue;
                }
                if (shape.shape === 'bare' || shape.shape === 'rr-or-udp') {
                    const bare = shape.shape === 'bare';
                    const found = {
                        line: i + 1,
                        tests: bare ? new Set(NETPERF_TESTS) : new Set([...RR_TESTS, 'UDP_STREAM']),
                        why: bare
                            ? 'a bare number (netperf -v 0) names no test'
                            : 'an RR row without its remote-sizes row, or a UDP_STREAM row without its receive row',
                        params: {},
                        warnings: [],
                    };
                    if (bare) {
                        found.value = row.nums[0];
                    }
                    else {
                        // Decided once the test is known: RR rate in column 6, UDP send throughput in column 6.
                        const resolved = ctx.test ?? (section.banner?.tests.size === 1 ? [...section.banner.tests][0] : undefined);
                        if (resolved === 'UDP_STREAM') {
                            const r = classicFound(rowAt, i, i + 1, 'udp', undefined);
                            if (!('reason' in r))
                                Object.assign(found, r.found, { tests: found.tests, why: found.why });
                        }
                        else {
                            found.value = row.nums[5];
                            found.params = withParams([
                                ['request_bytes', size(row.nums[2])],
                                ['response_bytes', size(row.nums[3])],
                            ]);
                        }
                    }
                    take(found);
                    i++;
                    continue;
                }
                const r = classicFound(rowAt, i, section.end, shape.shape, undefined);
                if ('reason' in r) {
                    drop(i + 1, r.reason);
                    i++;
                }
                else {
                    take(r.found);
                    i = r.next;
                }
                continue;
            }
            if (!section.banner && t.includes(',')) {
                // -P 0 -o: values only. Only the documented leading pair THROUGHPUT,THROUGHPUT_UNITS is read.
                const fields = t.split(',');
                const unit = findUnit(fields[1] ?? '');
                if (toNumber(fields[0]) !== undefined && unit) {
                    const values = new Map([
                        ['THROUGHPUT', fields[0].trim()],
                        ['THROUGHPUT_UNITS', fields[1].trim()],
                    ]);
                    const found = omniFound({ values, untitled: 0 }, i + 1, warnings);
                    found.why = 'omni values without titles (-P 0) name no test';
                    take(found);
                }
                i++;
                continue;
            }
            i++;
        }
        if (section.banner && !produced && problems.every((p) => p.line < section.banner.line)) {
            drop(section.banner.line, `'${clip(section.banner.name)}' banner without a result (run cut short?)`);
        }
    }
    if (samples.length === 0) {
        const first = problems[0];
        if (first)
            throw new ParseError('netperf', `netperf failed: ${clip(first.text)}`, first.line);
        if (dropped)
            throw new ParseError('netperf', dropped.reason, dropped.line);
        throw new ParseError('netperf', 'no netperf result found (no banner, result table or omni output)');
    }
    for (const p of problems)
        warnings.push(`line ${p.line}: ${clip(p.text)}`);
    return { suite: 'netperf', samples, warnings };
}

const parsers = {
    hackbench: (text, hints) => parseHackbench(text, hints?.ipc ? { ipc: hints.ipc } : {}),
    unixbench: (text) => parseUnixbench(text),
    iozone: (text) => parseIozone(text),
    netperf: (text, hints) => parseNetperf(text, hints?.test ? { test: hints.test } : {}),
};

/** Seconds per iteration of a UnixBench test, as byte-UnixBench's Run sets them (`-i 1`). */
const UNIXBENCH_SECONDS = {
    dhry2reg: 10,
    'whetstone-double': 10,
    execl: 30,
    pipe: 10,
    context1: 10,
    spawn: 30,
    syscall: 10,
    shell1: 60,
    shell8: 60,
    shell16: 60,
};
function num(v, fallback) {
    return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function nominalCellSeconds(cell, s) {
    const p = cell.params;
    switch (cell.suite) {
        case 'hackbench': {
            const tasks = num(p['tasks'], 40);
            const loops = num(p['loops'], 1000);
            const datasize = num(p['datasize'], 100);
            return 0.05 + 0.12 * (tasks / 40) * (loops / 1000) * Math.max(1, datasize / 100);
        }
        case 'unixbench': {
            const test = String(p['test'] ?? '');
            const each = UNIXBENCH_SECONDS[test] ?? 30;
            return 5 + each * s.unixbench.iterations;
        }
        case 'iozone': {
            const fileKb = num(p['file_kb'], 1024);
            const maxRec = Math.min(s.iozone.maxRecordKb ?? fileKb, fileKb);
            const minRec = Math.min(s.iozone.minRecordKb, maxRec);
            const steps = Math.max(1, Math.floor(Math.log2(maxRec / minRec)) + 1);
            const passes = 2 * s.iozone.tests.length;
            return 1 + steps * passes * (0.02 + fileKb / 1024 / 200);
        }
        case 'netperf':
            return s.netperf.lengthSeconds + 0.5;
    }
}

const BOOT_MODE_ORDER = ['linux', 'xen'];
/** Groups in BOOT_MODE_ORDER, config order kept inside a group; empty groups dropped. */
function groupByBootMode(envs) {
    return BOOT_MODE_ORDER.map((bootMode) => ({
        bootMode,
        envs: envs.filter((e) => e.bootMode === bootMode),
    })).filter((g) => g.envs.length > 0);
}
/** Rounds interleaved across environments: for each round, every environment's cells in order. */
function schedule(cells) {
    const maxRuns = cells.reduce((m, c) => Math.max(m, c.runs), 0);
    const envOrder = [...new Set(cells.map((c) => c.env))];
    const out = [];
    for (let round = 0; round < maxRuns; round++) {
        for (const env of envOrder) {
            for (const c of cells)
                if (c.env === env && round < c.runs)
                    out.push({ ...c, round });
        }
    }
    return out;
}
/** Stable id of a cell across rounds (for ETA and logs). */
function cellId(env, cell) {
    return `${env}/${cell.suite}/${cell.key}`;
}
/**
 * Cell runs one run may plan at most. The schema bounds every list and `runs`; this cap bounds
 * their product, checked before the schedule is built (a plan of 10^9 entries would exhaust
 * the heap before anything was written). 100,000 cell runs are weeks of measuring.
 */
const MAX_PLANNED_CELL_RUNS = 100_000;
/** Refuses a plan that measures nothing or exceeds the cap; counts without building it. */
function checkPlan(envs, suites, why) {
    if (envs.length === 0)
        throw new PlanError(`nothing to measure: ${why.noEnvironments}`);
    if (suites.length === 0)
        throw new PlanError(`nothing to measure: ${why.noSuites}`);
    const perEnv = suites.reduce((n, s) => n + s.cells * s.runs, 0);
    const total = perEnv * envs.length;
    if (total > MAX_PLANNED_CELL_RUNS) {
        const biggest = [...suites].sort((a, b) => b.cells * b.runs - a.cells * a.runs)[0];
        throw new PlanError(`the plan has ${total.toLocaleString('en-US')} cell runs (${envs.length} environment(s) × ${perEnv.toLocaleString('en-US')}), over the cap of ${MAX_PLANNED_CELL_RUNS.toLocaleString('en-US')}; ` +
            `the largest part is ${biggest.suite}: ${biggest.cells} cells × ${biggest.runs} runs — lower runs or shorten the suite's lists`);
    }
    return total;
}

/**
 * results.json on disk: written whole after every cell, atomically (temp file + rename),
 * so a crash or a kill loses at most the cell in flight and a reader never sees half a
 * file. Raw logs live under OUT/logs/ and are registered with their sha256 and size.
 */
const RESULTS_FILE = 'results.json';
const LOGS_DIR = 'logs';
/** A log ref is a relative path of safe segments: `env/suite/cell.r0`. */
const SAFE_REF = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
function logFileFor(outDir, ref) {
    if (!SAFE_REF.test(ref) || ref.split('/').some((s) => s === '..' || s === '.')) {
        throw new Error(`unsafe log ref '${ref}'`);
    }
    return join(outDir, LOGS_DIR, `${ref}.log`);
}
async function sha256File(path) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(path)) {
        hash.update(chunk);
        bytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), bytes };
}
class ResultsStore {
    outDir;
    data;
    file;
    writing = Promise.resolve();
    constructor(outDir, data) {
        this.outDir = outDir;
        this.data = data;
        this.file = join(outDir, RESULTS_FILE);
    }
    get results() {
        return this.data;
    }
    logFile(ref) {
        return logFileFor(this.outDir, ref);
    }
    setEnvironment(env) {
        const i = this.data.environments.findIndex((e) => e.id === env.id);
        if (i >= 0)
            this.data.environments[i] = env;
        else
            this.data.environments.push(env);
    }
    addSample(sample) {
        this.data.samples.push(sample);
    }
    addFailure(failure) {
        this.data.failures.push(failure);
    }
    /**
     * Hashes a finished raw log and lists it. A missing file (a command that could not
     * even start) is created empty so every ref in results.json points at a real file.
     */
    async registerLog(ref) {
        const path = this.logFile(ref);
        await mkdir(dirname(path), { recursive: true });
        try {
            await stat(path);
        }
        catch {
            await writeFile(path, '');
        }
        const { sha256, bytes } = await sha256File(path);
        const entry = { ref, path: relative(this.outDir, path).split(sep).join('/'), sha256, bytes };
        const i = this.data.logs.findIndex((l) => l.ref === ref);
        if (i >= 0)
            this.data.logs[i] = entry;
        else
            this.data.logs.push(entry);
        return entry;
    }
    /** Writes results.json atomically; concurrent calls are serialized. */
    flush() {
        const next = this.writing.then(() => this.write());
        this.writing = next.catch(() => undefined);
        return next;
    }
    async write() {
        await mkdir(this.outDir, { recursive: true });
        const tmp = `${this.file}.tmp-${process.pid}`;
        await writeFile(tmp, `${JSON.stringify(this.data, null, 2)}\n`);
        await rename(tmp, this.file);
    }
}

/**
 * `connection: local`: commands run on the controller's own machine. Same guarantees as
 * every transport: argv only, whole tree killed on timeout/abort, output streamed to the
 * raw log, and an environment that does not inherit the controller's.
 */
class LocalTransport {
    options;
    description = 'local';
    constructor(options = {}) {
        this.options = options;
    }
    async exec(argv, options) {
        if (argv.length === 0)
            throw new Error('local exec: empty argv');
        const r = await runProcess(argv, {
            timeoutMs: options.timeoutMs,
            env: minimalEnv(options.env),
            cwd: options.cwd,
            stdin: options.stdin,
            logPath: options.logPath,
            signal: options.signal,
            killGraceMs: this.options.killGraceMs,
        });
        return {
            exitCode: r.exitCode,
            timedOut: r.timedOut,
            cancelled: r.cancelled,
            output: r.output,
            durationMs: r.durationMs,
            ...(r.signal && !r.timedOut && !r.cancelled ? { signal: r.signal } : {}),
        };
    }
    /** Recursive copy; a directory's contents land at remotePath (like `cp -r SRC DST`). */
    async copyTo(localPath, remotePath) {
        await cp(localPath, remotePath, { recursive: true, force: true, preserveTimestamps: true });
    }
    async close() {
        // Nothing to release.
    }
}

function boardDeps(board) {
    return board.connection.type === 'ssh' ? { boardSsh: sshHostFromConfig(board.connection) } : {};
}
async function createBoardTransport(board) {
    if (board.connection.type === 'local')
        return new LocalTransport();
    return new SshTransport(sshHostFromConfig(board.connection));
}

/**
 * One cell, once: run its argv through the environment's transport with the cell
 * timeout, stream the raw output to its log, hash the log, and turn the outcome into
 * samples or one failure with a clear reason. Never throws for the cell's own problems.
 */
function logRefFor(envId, cell, round) {
    return `${envId}/${cell.suite}/${cell.key}.r${round}`;
}
function lastLines(text, n = 3) {
    return text.trim().split('\n').slice(-n).join(' | ').slice(0, 400);
}
async function runCell(run) {
    const { store, envId, cell, round } = run;
    const ref = logRefFor(envId, cell, round);
    const logPath = store.logFile(ref);
    await rm(logPath, { force: true });
    const t0 = performance.now();
    const fail = async (kind, message, status = 'failed') => {
        store.addFailure({ env: envId, suite: cell.suite, params: cell.params, round, message, log: ref, kind });
        return { status, message, samples: 0, durationMs: performance.now() - t0 };
    };
    let r;
    try {
        r = await run.transport.exec(cell.argv, {
            timeoutMs: run.timeoutMs,
            logPath,
            signal: run.signal,
            ...(cell.cwd ? { cwd: cell.cwd } : {}),
            ...(cell.env ? { env: cell.env } : {}),
        });
    }
    catch (err) {
        await store.registerLog(ref);
        return fail('transport', `${cell.argv[0]}: ${run.transport.description}: ${err.message}`);
    }
    finally {
        // Registered also for failures: the raw log is the evidence.
    }
    await store.registerLog(ref);
    const prog = cell.argv[0];
    if (r.cancelled)
        return fail('cancelled', `${prog}: cancelled after ${(r.durationMs / 1000).toFixed(1)}s`, 'cancelled');
    if (r.timedOut) {
        return fail('timeout', `${prog}: killed at the cell timeout (${run.timeoutMs / 1000}s)`);
    }
    if (r.exitCode === 127) {
        return fail('missing-tool', `${prog}: not found in environment '${envId}' (exit 127): ${lastLines(r.output, 1)}`);
    }
    if (r.exitCode !== 0) {
        return fail('exit', `${prog} exited with status ${r.exitCode}: ${lastLines(r.output)}`);
    }
    try {
        const parsed = parsers[cell.suite](r.output, cell.hints);
        if (parsed.samples.length === 0)
            return fail('parse', `${cell.suite}: no result in the output`);
        for (const s of parsed.samples)
            store.addSample({ ...s, env: envId, suite: cell.suite, round, log: ref });
        return { status: 'ok', samples: parsed.samples.length, durationMs: performance.now() - t0 };
    }
    catch (err) {
        if (err instanceof ParseError)
            return fail('parse', err.message);
        return fail('parse', `${cell.suite} parser crashed: ${err.message}`);
    }
}

class EtaEstimator {
    switchGuessMs;
    nominal;
    switches = { sum: 0, n: 0 };
    /** Per group: measured and nominal time of the cells measured so far. */
    groups = new Map();
    constructor(switchGuessMs = 0, nominal = new Map()) {
        this.switchGuessMs = switchGuessMs;
        this.nominal = nominal;
    }
    recordSwitch(durationMs) {
        this.switches.sum += durationMs;
        this.switches.n += 1;
    }
    /** Expected duration of one boot switch. */
    switchMs() {
        return this.switches.n > 0 ? this.switches.sum / this.switches.n : this.switchGuessMs;
    }
    byCell = new Map();
    total = 0;
    count = 0;
    record(cellId, durationMs) {
        const c = this.byCell.get(cellId) ?? { sum: 0, n: 0 };
        c.sum += durationMs;
        c.n += 1;
        this.byCell.set(cellId, c);
        this.total += durationMs;
        this.count += 1;
        const nom = this.nominal.get(cellId);
        if (nom) {
            const g = this.groups.get(nom.group) ?? { measured: 0, nominal: 0 };
            g.measured += durationMs;
            g.nominal += nom.ms;
            this.groups.set(nom.group, g);
        }
    }
    /** A cell not measured yet. */
    unmeasured(cellId, mean) {
        const nom = this.nominal.get(cellId);
        if (!nom)
            return mean;
        const g = this.groups.get(nom.group);
        return g && g.nominal > 0 ? (nom.ms * g.measured) / g.nominal : nom.ms;
    }
    /**
     * Expected time for the `remaining` cells and `switches` boot switches; undefined before any
     * cell was measured.
     */
    estimate(remaining, switches = 0) {
        if (this.count === 0)
            return undefined;
        const mean = this.total / this.count;
        let ms = switches * this.switchMs();
        for (const id of remaining) {
            const c = this.byCell.get(id);
            ms += c ? c.sum / c.n : this.unmeasured(id, mean);
        }
        return ms;
    }
}

/**
 * Recovery after a crash. A run that is killed (SIGKILL, a lost runner, a power cut of the
 * controller) tears nothing down; the next run on the board removes what it left, before it
 * starts anything of its own.
 *
 * Labels — what a run starts carries its id:
 *  - every process, on the controller and on the board (netserver, QEMU, a cell's tree, the ssh
 *    clients and masters): `AVB_RUN=<run id>` in its environment (transport/process.ts and
 *    transport/ssh.ts add it to every command of the run);
 *  - containers: the label `arm-virt-bench.run=<run id>`;
 *  - the run itself: a record, `RUNS_ROOT/<run id>/run.json`, on the board and (when the board is
 *    another machine) on the controller: who drives it (controller host, pid and the pid's start
 *    time) and its environments (the Xen domain names, the docker command).
 *
 * A run is dead when its controller is this machine and its pid is gone (or is another process
 * now: another start time), or, for a record of another controller, when the record was not
 * refreshed within the board lock's `staleSeconds`. For each dead run: its labelled processes are
 * killed, its containers removed, its domains destroyed, its record removed — one log line each.
 * Never throws: recovery must not stop a run; what it could not do is a warning.
 */
/** Where run records live (on the board, and on the controller); survives reboots like the board lock. */
const RUNS_ROOT = '/var/tmp/arm-virt-bench/runs';
const RUN_RECORD_SCHEMA = 'arm-virt-bench/run-record@1';
const TIMEOUT_MS$1 = 60_000;
/** $1 root, $2 run id; the record on stdin. */
const WRITE_RECORD = [
    'set -e',
    'd="$1/$2"',
    'mkdir -p "$d"',
    'cat >"$d/run.json.tmp"',
    'mv "$d/run.json.tmp" "$d/run.json"',
].join('\n');
/** $1 root, $2 run id: refreshes the record's time (the heartbeat of a run). */
const TOUCH_RECORD = 'touch "$1/$2/run.json" 2>/dev/null || true';
/** $1 root: every record, each after a line `@@record <age seconds> <path>`. */
const LIST_RECORDS = [
    'now=$(date +%s)',
    'for f in "$1"/*/run.json; do',
    '  [ -f "$f" ] || continue',
    '  m=$(stat -c %Y "$f" 2>/dev/null || echo 0)',
    '  printf "@@record %s %s\\n" "$((now - m))" "$f"',
    '  cat "$f"; printf "\\n"',
    'done',
].join('\n');
/**
 * $1 run id: kills every process whose environment holds AVB_RUN=<id> (two passes: a child
 * forked while the first pass ran is caught by the second). Prints `killed PID COMMAND`.
 */
const KILL_LABELLED = [
    'id=$1; me=$$',
    // One grep over every environ (NUL-separated: -z); a grep without -z falls back to a loop.
    'list() {',
    `  if grep -q -z . /proc/self/environ 2>/dev/null; then grep -l -z -x -F "${RUN_LABEL_VAR}=$id" /proc/[0-9]*/environ 2>/dev/null`,
    `  else for e in /proc/[0-9]*/environ; do tr '\\000' '\\n' <"$e" 2>/dev/null | grep -qx "${RUN_LABEL_VAR}=$id" && echo "$e"; done; fi`,
    '}',
    'for pass in 1 2; do',
    '  for e in $(list); do',
    '    p=${e#/proc/}; p=${p%/environ}',
    '    [ "$p" = "$me" ] && continue',
    `    c=$(tr '\\000' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-100)`,
    '    kill -KILL "$p" 2>/dev/null && echo "killed $p $c"',
    '  done',
    'done',
    'exit 0',
].join('\n');
/** Names...: destroys each Xen domain that exists (needs xl: in Dom0 only). */
const DESTROY_DOMAINS = [
    'command -v xl >/dev/null 2>&1 || exit 0',
    'for n in "$@"; do',
    '  if xl list "$n" >/dev/null 2>&1; then xl destroy "$n" >/dev/null 2>&1 && echo "destroyed $n"; fi',
    'done',
].join('\n');
/** $1 root, $2 run id. */
const REMOVE_RECORD = 'rm -rf -- "$1/$2"';
/** The start time of a process (field 22 of /proc/PID/stat, in clock ticks since boot), or null. */
function processStartTime(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
    }
    catch {
        return null;
    }
}
/** Parses LIST_RECORDS' output (pure); unreadable records are skipped. */
function parseRecords(output) {
    const out = [];
    const parts = output.split(/^@@record /m).slice(1);
    for (const part of parts) {
        const nl = part.indexOf('\n');
        const head = part.slice(0, nl).trim().split(' ');
        const age = Number(head[0]);
        try {
            const r = JSON.parse(part.slice(nl + 1));
            if (r.schema === RUN_RECORD_SCHEMA && typeof r.runId === 'string' && /^[A-Za-z0-9._-]+$/.test(r.runId))
                out.push({ record: r, ageSeconds: Number.isFinite(age) ? age : 0 });
        }
        catch {
            // A half-written record (its run died while writing it) holds nothing to clean.
        }
    }
    return out;
}
/** Is the run of this record over (its controller process gone)? Pure but for the pid check. */
function isDead(rec, self, alive = pidAlive) {
    const c = rec.record.controller;
    if (c.host === self.host)
        return !alive(c.pid, c.startTime);
    return rec.ageSeconds > self.staleSeconds;
}
function pidAlive(pid, startTime) {
    try {
        process.kill(pid, 0);
    }
    catch (e) {
        if (e.code !== 'EPERM')
            return false;
    }
    // The same pid, another process: the run's controller is gone.
    return startTime === null || processStartTime(pid) === startTime;
}
/** One run's record on each place, and the removal of dead runs' leftovers there. */
class RunLedger {
    o;
    lastBeat = 0;
    record;
    root;
    constructor(o) {
        this.o = o;
        this.root = o.root ?? RUNS_ROOT;
        this.record = {
            schema: RUN_RECORD_SCHEMA,
            runId: o.runId,
            controller: { host: hostname(), pid: process.pid, startTime: processStartTime(process.pid) },
            started: new Date().toISOString(),
            environments: o.environments,
        };
    }
    /** Removes the leftovers of dead runs, then writes this run's record. */
    async open(signal) {
        for (const place of this.o.places) {
            await this.recover(place, signal);
            await this.write(place.name);
        }
    }
    /** Adds what an environment made on the board to the record (rewritten in place). */
    async track(item) {
        (this.record.made ??= []).push(item);
        await this.write();
    }
    async write(only) {
        for (const place of this.o.places) {
            if (only !== undefined && place.name !== only)
                continue;
            try {
                const r = await place
                    .transport()
                    .exec(['sh', '-c', WRITE_RECORD, 'avb-ledger', this.root, this.o.runId], {
                    timeoutMs: TIMEOUT_MS$1,
                    stdin: `${JSON.stringify(this.record)}\n`,
                });
                if (r.exitCode !== 0)
                    this.o.warn(`run record on ${place.name}: ${r.output.trim().slice(-200) || `exit ${String(r.exitCode)}`}`);
            }
            catch (e) {
                this.o.warn(`run record on ${place.name}: ${e.message}`);
            }
        }
    }
    /** Refreshes the records (at most once a minute): a run of another controller is alive while it does. */
    async heartbeat() {
        if (Date.now() - this.lastBeat < 60_000)
            return;
        this.lastBeat = Date.now();
        for (const place of this.o.places) {
            await place
                .transport()
                .exec(['sh', '-c', TOUCH_RECORD, 'avb-ledger', this.root, this.o.runId], { timeoutMs: TIMEOUT_MS$1 })
                .catch(() => undefined);
        }
    }
    /** Removes this run's records (its teardown has run). */
    async close() {
        for (const place of this.o.places) {
            await place
                .transport()
                .exec(['sh', '-c', REMOVE_RECORD, 'avb-ledger', this.root, this.o.runId], { timeoutMs: TIMEOUT_MS$1 })
                .catch(() => undefined);
        }
    }
    async recover(place, signal) {
        const t = place.transport();
        let listed;
        try {
            listed = await t.exec(['sh', '-c', LIST_RECORDS, 'avb-ledger', this.root], {
                timeoutMs: TIMEOUT_MS$1,
                signal,
            });
        }
        catch (e) {
            this.o.warn(`leftovers on ${place.name}: cannot list run records: ${e.message}`);
            return;
        }
        const self = { host: hostname(), staleSeconds: this.o.staleSeconds };
        const dead = parseRecords(listed.output).filter((r) => r.record.runId !== this.o.runId && isDead(r, self));
        for (const { record } of dead) {
            const who = `run ${record.runId} (pid ${record.controller.pid} on ${record.controller.host}, started ${record.started})`;
            this.o.log(`leftovers on ${place.name}: ${who} is gone; removing what it left`);
            await this.step(place.name, who, async () => {
                const r = await t.exec(['sh', '-c', KILL_LABELLED, 'avb-leftovers', record.runId], {
                    timeoutMs: TIMEOUT_MS$1,
                });
                return [...r.output.matchAll(/^killed (\d+) (.*)$/gm)].map((m) => `killed process ${m[1]} (${m[2].trim()})`);
            });
            const dockers = new Map();
            for (const e of record.environments.filter((x) => x.kind === 'docker')) {
                const docker = e.docker && e.docker.length > 0 ? e.docker : ['docker'];
                dockers.set(JSON.stringify([docker, e.dockerHost]), {
                    docker,
                    ...(e.dockerHost ? { dockerHost: e.dockerHost } : {}),
                });
            }
            for (const d of dockers.values()) {
                await this.step(place.name, who, async () => {
                    const env = d.dockerHost ? { DOCKER_HOST: d.dockerHost } : undefined;
                    const ls = await t.exec([
                        ...d.docker,
                        'ps',
                        '-a',
                        '--filter',
                        `label=${CONTAINER_LABEL}.run=${record.runId}`,
                        '--format',
                        '{{.Names}}',
                    ], { timeoutMs: TIMEOUT_MS$1, ...(env ? { env } : {}) });
                    if (ls.exitCode !== 0)
                        return [];
                    const names = ls.output
                        .split('\n')
                        .map((s) => s.trim())
                        .filter((s) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s));
                    if (names.length === 0)
                        return [];
                    const rm = await t.exec([...d.docker, 'rm', '-f', '-v', ...names], {
                        timeoutMs: 120_000,
                        ...(env ? { env } : {}),
                    });
                    return rm.exitCode === 0
                        ? names.map((n) => `removed container ${n}`)
                        : [`could not remove containers ${names.join(', ')}: ${rm.output.trim().slice(-200)}`];
                });
            }
            const domains = record.environments.flatMap((e) => (e.domain ? [e.domain] : []));
            if (domains.length > 0) {
                await this.step(place.name, who, async () => {
                    const r = await t.exec(['sh', '-c', DESTROY_DOMAINS, 'avb-leftovers', ...domains], {
                        timeoutMs: 120_000,
                    });
                    return [...r.output.matchAll(/^destroyed (.+)$/gm)].map((m) => `destroyed Xen domain ${m[1]}`);
                });
            }
            for (const m of record.made ?? []) {
                // After its QEMU is gone: the TAP, and the bridge, NAT rule and forwarding it set up.
                await this.step(place.name, who, async () => {
                    await t.exec(['sh', '-c', TAP_DOWN_SCRIPT, 'sh', m.tap, m.bridge ?? '', m.natFor ?? '', m.forwardWas ?? ''], { timeoutMs: TIMEOUT_MS$1 });
                    return [
                        `removed TAP ${m.tap}${m.bridge ? ` and bridge ${m.bridge}` : ''}${m.natFor ? ` and its NAT rule` : ''}`,
                    ];
                });
            }
            await this.step(place.name, who, async () => {
                await t.exec(['sh', '-c', REMOVE_RECORD, 'avb-leftovers', this.root, record.runId], {
                    timeoutMs: TIMEOUT_MS$1,
                });
                return [`removed its record ${this.root}/${record.runId}`];
            });
        }
    }
    async step(where, who, f) {
        try {
            for (const line of await f())
                this.o.log(`leftovers on ${where}: ${who}: ${line}`);
        }
        catch (e) {
            this.o.warn(`leftovers on ${where}: ${who}: ${e.message}`);
        }
    }
}

function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
    return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}
function formatCellLine(e) {
    const width = String(e.total).length;
    const pos = `[${String(e.index).padStart(width)}/${e.total}]`;
    const what = `${e.env} ${e.suite} ${e.key} run ${e.round + 1}/${e.runs}`;
    const status = e.status === 'ok'
        ? `ok ${(e.durationMs / 1000).toFixed(2)}s`
        : `${e.status.toUpperCase()} ${(e.durationMs / 1000).toFixed(2)}s${e.message ? `: ${oneLine(e.message)}` : ''}`;
    const eta = e.etaMs === undefined ? 'ETA ?' : `ETA ${formatDuration(e.etaMs)}`;
    return `${pos} ${what} ${status} · elapsed ${formatDuration(e.elapsedMs)} · ${eta}`;
}
function oneLine(s) {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}
/** Plain lines to a writer (the CLI passes process.stderr). */
function lineReporter(write) {
    return {
        info: (line) => write(`${line}\n`),
        warn: (line) => write(`warning: ${line}\n`),
        groupStart: (title) => write(`== ${title}\n`),
        groupEnd: () => undefined,
        cell: (e) => write(`${formatCellLine(e)}\n`),
    };
}
/** Foldable sections (GitHub Actions: core.startGroup/endGroup/info/warning). */
function groupedReporter(core) {
    let open = false;
    return {
        info: (line) => core.info(line),
        warn: (line) => core.warning(line),
        groupStart: (title) => {
            if (open)
                core.endGroup();
            core.startGroup(title);
            open = true;
        },
        groupEnd: () => {
            if (open)
                core.endGroup();
            open = false;
        },
        cell: (e) => core.info(formatCellLine(e)),
    };
}
const silentReporter = {
    info: () => undefined,
    warn: () => undefined,
    groupStart: () => undefined,
    groupEnd: () => undefined,
    cell: () => undefined,
};

/**
 * Proof of path for every netperf and IOzone cell: the byte counters of the interfaces
 * and the block device the cell should load, read just before and just after it (outside
 * the measured time), and their differences kept in results.json (`ioCounters`). For
 * netperf: the environment's own interface towards the peer and its loopback (from
 * inside), and its virtual interface on the board (TAP, vif, veth); for IOzone: the block
 * device under the scratch folder (from inside, or on the board for docker's upper dir).
 */
const TIMEOUT_MS = 30_000;
async function read(t, script, args, signal) {
    try {
        const r = await t.exec(['sh', '-c', script, 'sh', ...args], { timeoutMs: TIMEOUT_MS, signal });
        return r.exitCode === 0 ? r.output : undefined;
    }
    catch {
        return undefined;
    }
}
/** One reading of the counters the plan names; a counter that cannot be read is left out. */
async function readCounters(plan, env, board, signal) {
    const snap = {};
    if (plan.nic) {
        const dev = await read(env, NETDEV_SCRIPT, [], signal);
        if (dev !== undefined)
            snap.netdev = parseProcNetDev(dev);
        if (plan.nic.boardIface) {
            const st = await read(board, IFACE_STAT_SCRIPT, [plan.nic.boardIface], signal);
            const parsed = st === undefined ? undefined : parseIfaceStat(st);
            if (parsed)
                snap.boardIface = parsed;
        }
    }
    if (plan.disk) {
        const t = plan.disk.where === 'board' ? board : env;
        const out = await read(t, BLOCK_STAT_SCRIPT, [plan.disk.device], signal);
        const parsed = out === undefined ? undefined : parseBlockProbe(out);
        if (parsed)
            snap.disk = parsed;
    }
    return snap;
}
/** The differences between two readings (what the cell moved), with notes for what is missing. */
function counterDelta(plan, a, b) {
    const notes = [];
    const out = {};
    if (plan.nic) {
        const via = plan.nic.via;
        const va = a.netdev?.[via];
        const vb = b.netdev?.[via];
        const la = a.netdev?.lo;
        const lb = b.netdev?.lo;
        if (va && vb && la && lb) {
            out.nic = {
                via,
                rxBytes: vb.rxBytes - va.rxBytes,
                txBytes: vb.txBytes - va.txBytes,
                loopback: { rxBytes: lb.rxBytes - la.rxBytes, txBytes: lb.txBytes - la.txBytes },
            };
            if (plan.nic.boardIface) {
                if (a.boardIface && b.boardIface) {
                    out.nic.board = {
                        iface: plan.nic.boardIface,
                        rxBytes: b.boardIface.rxBytes - a.boardIface.rxBytes,
                        txBytes: b.boardIface.txBytes - a.boardIface.txBytes,
                    };
                }
                else
                    notes.push(`the board's counters of ${plan.nic.boardIface} could not be read`);
            }
        }
        else
            notes.push(`/proc/net/dev inside the environment has no counters for ${via} and lo`);
    }
    if (plan.disk) {
        if (a.disk && b.disk && a.disk.name === b.disk.name) {
            out.disk = {
                device: a.disk.name,
                where: plan.disk.where,
                readIos: b.disk.stat.readIos - a.disk.stat.readIos,
                readSectors: b.disk.stat.readSectors - a.disk.stat.readSectors,
                writeIos: b.disk.stat.writeIos - a.disk.stat.writeIos,
                writeSectors: b.disk.stat.writeSectors - a.disk.stat.writeSectors,
            };
        }
        else
            notes.push(`the block device ${plan.disk.device} could not be read (${plan.disk.where})`);
    }
    if (notes.length > 0)
        out.notes = notes;
    return out;
}

/** Stands in for the peer's address where cells are only counted (plan, ETA). */
const PLANNED_TARGET = 'peer';
function netperfCells(s, target) {
    const base = (test) => [
        'netperf',
        '-H',
        target,
        '-p',
        String(s.port),
        '-t',
        test,
        '-l',
        String(s.lengthSeconds),
    ];
    // Test-specific options: the remote data port first (`-P ,PORT`: the local one stays
    // ephemeral, so consecutive tests never wait for TIME_WAIT on this side).
    const data = ['--', '-P', `,${s.dataPort}`];
    const cells = [];
    for (const test of s.tests) {
        if (test === 'TCP_STREAM') {
            for (const m of s.messageBytes) {
                cells.push({
                    suite: 'netperf',
                    key: `tcp_stream-m${m}`,
                    params: { message_bytes: m },
                    argv: [...base(test), ...data, '-m', String(m)],
                    hints: { test },
                });
            }
        }
        else {
            cells.push({
                suite: 'netperf',
                key: `${test.toLowerCase()}-r${s.requestBytes}x${s.responseBytes}`,
                params: { request_bytes: s.requestBytes, response_bytes: s.responseBytes },
                argv: [...base(test), ...data, '-r', `${s.requestBytes},${s.responseBytes}`],
                hints: { test },
            });
        }
    }
    return cells;
}
/** netserver in the foreground on `listen`:`port` (IPv6 when the address is one). */
function netserverArgv(port, listen) {
    return ['netserver', '-D', '-p', String(port), '-L', listen, listen.includes(':') ? '-6' : '-4'];
}
/** netserver's line once it listens (see test fixtures: netperf/netserver.txt). */
const NETSERVER_READY = /Starting netserver with host/;

/**
 * The netservers the engine controls — on the board, on the controller, on an external
 * peer reached by SSH, or inside an environment (`peer: self`) — all started and stopped
 * here (one place to label or find them). Each is started in the foreground (`-D`) as a
 * long command through a transport, ready once it prints its "Starting netserver" line
 * into its raw log, and stopped by aborting that command (the transport kills its
 * process tree).
 */
const READY_TIMEOUT_MS = 15_000;
/** Upper bound for one netserver's life; the engine stops it long before. */
const LIFETIME_MS = 7 * 24 * 3600_000;
class Netserver {
    transport;
    port;
    listen;
    logPath;
    stopper = new AbortController();
    running;
    constructor(transport, port, listen, logPath) {
        this.transport = transport;
        this.port = port;
        this.listen = listen;
        this.logPath = logPath;
    }
    async start(signal) {
        const s = signal ? AbortSignal.any([signal, this.stopper.signal]) : this.stopper.signal;
        const argv = netserverArgv(this.port, this.listen);
        this.running = this.transport
            .exec(argv, { timeoutMs: LIFETIME_MS, logPath: this.logPath, signal: s })
            .catch((err) => (err instanceof Error ? err : new Error(String(err))));
        let exited;
        void this.running.then((r) => (exited = r));
        const deadline = Date.now() + READY_TIMEOUT_MS;
        while (Date.now() < deadline) {
            const text = await readFile(this.logPath, 'utf8').catch(() => '');
            if (NETSERVER_READY.test(text))
                return;
            if (exited !== undefined) {
                const why = exited instanceof Error
                    ? exited.message
                    : `exited with status ${exited.exitCode}: ${exited.output.trim().slice(0, 300)}`;
                throw new Error(`netserver on ${this.transport.description} (${this.listen}:${this.port}) ${why}`);
            }
            if (signal?.aborted)
                throw new Error('cancelled while starting netserver');
            await setTimeout(100);
        }
        await this.stop();
        throw new Error(`netserver on ${this.transport.description} did not report listening on ${this.listen}:${this.port} within ${READY_TIMEOUT_MS / 1000}s`);
    }
    async stop() {
        this.stopper.abort();
        if (this.running)
            await this.running;
        this.running = undefined;
    }
}
/** The raw log of the netserver on `host` at `listen`:`port`. */
function netserverLogRef(host, listen, port) {
    return `${host}/netperf/netserver-${listen.replace(/[^A-Za-z0-9_.-]/g, '_')}-${port}`;
}
/**
 * Every netserver of a boot group: one per host, address and port, started on first use
 * and shared by the environments that reach it there; stopped per host (an environment's
 * own, before it is torn down) or all at the end of the group, also after a failure.
 */
class NetserverPool {
    deps;
    servers = new Map();
    constructor(deps) {
        this.deps = deps;
    }
    /** Starts netserver on `host` at `listen`:`port` unless this pool already runs one there. */
    async ensure(host, listen, port) {
        const key = `${host.id}|${listen}|${port}`;
        if (this.servers.has(key))
            return;
        const ref = netserverLogRef(host.name, listen, port);
        await rm(this.deps.logFile(ref), { force: true });
        const server = new Netserver(host.transport, port, listen, this.deps.logFile(ref));
        this.servers.set(key, { host: host.id, server, ref });
        try {
            await server.start(this.deps.signal);
        }
        catch (err) {
            this.servers.delete(key);
            await this.deps.registerLog(ref).catch(() => undefined);
            throw err;
        }
        this.deps.info(`netserver listening on ${listen}:${port} (${host.name}, ${host.transport.description})`);
    }
    /** Stops the netservers of one host (by id), or all; never throws. */
    async stop(hostId) {
        for (const [key, entry] of [...this.servers]) {
            if (hostId !== undefined && entry.host !== hostId)
                continue;
            this.servers.delete(key);
            await entry.server.stop().catch(() => undefined);
            await this.deps.registerLog(entry.ref).catch(() => undefined);
        }
    }
}

/**
 * The netperf peer of each environment: which address netperf connects to from inside
 * it, and which netserver the engine starts for it (where, bound to which address).
 * `peerTarget` is pure; `controllerView` asks the board (its SSH session's client
 * address) and this machine's routing (the source address towards the board).
 */
function peerTarget(spec, net, connection, controller) {
    switch (spec.kind) {
        case 'self':
            return { kind: 'self', address: '127.0.0.1', server: { on: 'environment', listen: '127.0.0.1' } };
        case 'board':
            return onBoard('board', spec);
        case 'controller':
            // A local run: the controller is the board.
            if (connection === 'local')
                return onBoard('controller', spec);
            if (!controller)
                throw new Error('the controller address is not known');
            return {
                kind: 'controller',
                address: spec.address ?? controller.address,
                server: { on: 'controller', listen: spec.listen ?? controller.listen },
            };
        case 'external':
            return {
                kind: 'external',
                address: spec.address,
                ...(spec.ssh ? { server: { on: 'external', listen: spec.listen ?? '0.0.0.0' } } : {}),
            };
    }
    function onBoard(kind, s) {
        // One address named for every environment is the board's own: netserver binds there.
        const address = s.address ?? net.boardAddress;
        const listen = s.listen ?? s.address ?? net.boardListen ?? net.boardAddress;
        if (!address || !listen) {
            throw new Error("the board's address on this environment's link is not known: set suites.netperf.peer.address");
        }
        return { kind, address, server: { on: 'board', listen } };
    }
}
/** `SSH_CONNECTION` = "client-address client-port server-address server-port". */
function parseSshConnection(text) {
    const first = text.trim().split(/\s+/)[0];
    return first && /^[0-9A-Fa-f.:]+$/.test(first) ? first : undefined;
}
/** The source address this machine's routing picks towards `host` (no packet is sent). */
function sourceAddressTowards(host, port) {
    return new Promise((resolve, reject) => {
        const family = host.includes(':') ? 'udp6' : 'udp4';
        const sock = createSocket(family);
        sock.once('error', (err) => {
            sock.close();
            reject(err);
        });
        sock.connect(port, host, () => {
            const { address } = sock.address();
            sock.close();
            resolve(address);
        });
    });
}
/**
 * Where a controller netserver binds and how the board's environments reach it: the
 * client address of the board's SSH session (what the board sees of this machine), and
 * this machine's own source address towards the board (on a lab behind QEMU's user
 * network, 127.0.0.1: its gateway ends on this machine's loopback).
 */
/**
 * The board's `SSH_CONNECTION`: commands run with a clean environment (`env -i`, see
 * transport/remote-scripts.ts), so it is read from the nearest ancestor that has it (the
 * session's shell that sshd started).
 */
const SSH_CONNECTION_SCRIPT = `p=$$
while [ -n "$p" ] && [ "$p" -gt 1 ]; do
  v=$(tr '\\000' '\\n' < "/proc/$p/environ" 2>/dev/null | sed -n 's/^SSH_CONNECTION=//p')
  if [ -n "$v" ]; then echo "$v"; exit 0; fi
  p=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$p/status" 2>/dev/null)
done
exit 1`;
async function controllerView(board, connection, signal) {
    const r = await board.exec(['sh', '-c', SSH_CONNECTION_SCRIPT], { timeoutMs: 30_000, signal });
    const address = r.exitCode === 0 ? parseSshConnection(r.output) : undefined;
    if (!address) {
        throw new Error(`cannot tell the controller's address as the board sees it (SSH_CONNECTION on ${board.description}: '${r.output.trim().slice(0, 100)}'): set suites.netperf.peer.address`);
    }
    const listen = await sourceAddressTowards(connection.host, connection.port);
    return { address, listen };
}

const HACKBENCH_TOOLS = ['hackbench'];
function hackbenchCells(s) {
    const cells = [];
    for (const mode of s.modes) {
        for (const ipc of s.ipc) {
            for (const groups of s.groups) {
                cells.push({
                    suite: 'hackbench',
                    key: `${mode}-${ipc}-g${groups}`,
                    // fds as hackbench reports it ("using 40 file descriptors each"): both sides.
                    params: {
                        mode,
                        ipc,
                        groups,
                        fds: 2 * s.fds,
                        loops: s.loops,
                        datasize: s.datasize,
                        tasks: groups * 2 * s.fds,
                    },
                    argv: hackbenchArgv(s, mode, ipc, groups),
                    hints: { ipc },
                });
            }
        }
    }
    return cells;
}
function hackbenchArgv(s, mode, ipc, groups) {
    return [
        'hackbench',
        mode === 'thread' ? '-T' : '-P',
        ...(ipc === 'pipe' ? ['-p'] : []),
        '-s',
        String(s.datasize),
        '-l',
        String(s.loops),
        '-f',
        String(s.fds),
        '-g',
        String(groups),
    ];
}

/**
 * IOzone cells: one per file size, each an auto-mode record sweep (-a -s F -y MIN -q MAX)
 * over the configured test groups, on a scratch file in a per-run folder on the
 * environment's own disk. `-i 0` is always included: IOzone needs the file written
 * before it can read it. Caches are left on, as in the paper; `flush` adds `-e`
 * (fsync/fflush inside the timings, so that the writes reach the disk).
 */
const IOZONE_TOOLS = ['iozone'];
/** The per-run scratch folder: unique per run and environment, removed afterwards. */
function iozoneScratchDir(base, runId, envId) {
    return `${base.replace(/\/+$/, '')}/avb-iozone-${runId}-${envId}`;
}
function iozoneCells(s, scratch) {
    const groups = [...new Set([0, ...s.tests.map((t) => IOZONE_TESTS[t])])].sort((a, b) => a - b);
    return s.fileSizesKb.map((fileKb) => {
        const maxRec = Math.min(s.maxRecordKb ?? fileKb, fileKb);
        const minRec = Math.min(s.minRecordKb, maxRec);
        return {
            suite: 'iozone',
            key: `s${fileKb}k`,
            params: { file_kb: fileKb },
            argv: [
                'iozone',
                '-a',
                '-s',
                `${fileKb}k`,
                '-y',
                `${minRec}k`,
                '-q',
                `${maxRec}k`,
                ...groups.flatMap((g) => ['-i', String(g)]),
                ...(s.flush ? ['-e'] : []),
                '-f',
                `${scratch}/iozone.tmp`,
            ],
        };
    });
}
function mkdirArgv(dir) {
    return ['mkdir', '-p', '--', dir];
}
function removeArgv(dir) {
    return ['rm', '-rf', '--', dir];
}

/**
 * `Run` starts with `make check`, which always re-runs `make all` (its check target depends
 * on every program and then calls `all`): that needs make in every environment, and a
 * compiler as soon as a timestamp looks newer (trees copied into images and initramfs
 * guests). The session has already checked that the tree is built, so `Run` is told to use
 * `true` as its make.
 */
const RUN_ENV = { MAKE: 'true' };
/** The built tree the engine uses: `path`, or the default install path. */
function unixbenchTreePath(s) {
    return s.path ?? defaultTreePath(s.commit);
}
function unixbenchCells(s, tree) {
    const cells = [];
    for (const test of s.tests) {
        for (const copies of s.copies) {
            cells.push({
                suite: 'unixbench',
                key: `${test}-c${copies}`,
                params: { test, copies },
                argv: ['./Run', '-c', String(copies), '-i', String(s.iterations), test],
                cwd: tree,
                env: { ...RUN_ENV },
            });
        }
    }
    return cells;
}
/** A tree counts as built when `Run`, a compiled benchmark program and `tmp/` are there. */
function builtTreeProbes(tree) {
    return [
        { argv: ['test', '-x', `${tree}/Run`] },
        { argv: ['test', '-x', `${tree}/pgms/dhry2reg`] },
        { argv: ['test', '-d', `${tree}/tmp`] },
    ];
}
function sourceTreeProbes(tree) {
    return [{ argv: ['test', '-f', `${tree}/Makefile`] }, { argv: ['test', '-x', `${tree}/Run`] }];
}
/** Builds a checkout in place (the Makefile's default target; graphics tests are never built or run). */
function unixbenchBuildArgv(sourcePath) {
    return ['make', '-C', sourcePath];
}
/** The Perl modules `Run` uses (its `use` lines); Debian's perl-base alone lacks FindBin and Time::HiRes. */
const RUN_PERL_MODULES = ['POSIX', 'Time::HiRes', 'IO::Handle', 'File::Path', 'FindBin'];
/** Exits 0 when perl runs and loads every module `Run` uses. */
const PERL_CHECK_ARGV = ['perl', ...RUN_PERL_MODULES.map((m) => `-M${m}`), '-e', '1'];
/** The message when neither a built tree nor a source tree is configured/usable. */
function unixbenchMissingMessage(s, env) {
    const tree = unixbenchTreePath(s);
    const parts = [
        `no built byte-UnixBench tree at ${tree} (needs ${tree}/Run, ${tree}/pgms/dhry2reg and ${tree}/tmp)`,
    ];
    if (s.sourcePath)
        parts.push(`no source tree at ${s.sourcePath} (needs Makefile and Run)`);
    return `unixbench cannot run in environment '${env}': ${parts.join('; ')}; ${noSourceHint()}`;
}

/** IOzone's folder where neither the environment nor suites.iozone.scratchDir names one. */
const DEFAULT_SCRATCH_DIR = '/var/tmp';
const PROBE_TIMEOUT_MS = 30_000;
/** Cells for counting and ETA, before anything is known about the target. */
function plannedCells(suite, s) {
    switch (suite) {
        case 'hackbench':
            return hackbenchCells(s.hackbench);
        case 'unixbench':
            return unixbenchCells(s.unixbench, unixbenchTreePath(s.unixbench));
        case 'iozone':
            return iozoneCells(s.iozone, s.iozone.scratchDir ?? DEFAULT_SCRATCH_DIR);
        case 'netperf':
            return netperfCells(s.netperf, PLANNED_TARGET);
    }
}
/** Programs missing on the target's PATH (fixed script; names passed as arguments). */
async function missingTools(ctx, tools) {
    const r = await ctx.transport.exec([
        'sh',
        '-c',
        'for t in "$@"; do command -v "$t" >/dev/null 2>&1 || echo "missing:$t"; done',
        'sh',
        ...tools,
    ], { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
    if (r.exitCode !== 0) {
        throw new Error(`cannot check tools in '${ctx.envId}' (exit ${r.exitCode}): ${r.output.trim().slice(0, 200)}`);
    }
    return [...r.output.matchAll(/^missing:(.+)$/gm)].map((m) => m[1].trim());
}
function missingMessage(envId, suite, tools) {
    return `${suite}: ${tools.join(', ')} not found on PATH in environment '${envId}' (install it there, or set the environment's env.PATH)`;
}
const noop = async () => undefined;
/** Why Perl cannot run UnixBench's `Run` here (no perl, or modules missing), or undefined. */
async function perlProblem(ctx) {
    const r = await ctx.transport.exec(PERL_CHECK_ARGV, { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
    if (r.exitCode === 0)
        return undefined;
    if (r.exitCode === 127 || (/not found|No such file/i.test(r.output) && !/Can't locate/.test(r.output))) {
        return `unixbench: perl not found in environment '${ctx.envId}': byte-UnixBench's Run is a Perl script (install package perl; in a guest or container image, build it with Perl: see docs/guests.md)`;
    }
    return `unixbench: Perl in environment '${ctx.envId}' lacks modules Run needs (install package perl): ${r.output.trim().split('\n')[0]?.slice(0, 200) ?? ''}`;
}
async function openSuite(suite, s, ctx) {
    const unavailable = (cells, kind, message) => ({
        suite,
        cells,
        unavailable: { kind, message },
        close: noop,
    });
    switch (suite) {
        case 'hackbench': {
            const cells = hackbenchCells(s.hackbench);
            const missing = await missingTools(ctx, HACKBENCH_TOOLS);
            if (missing.length)
                return unavailable(cells, 'missing-tool', missingMessage(ctx.envId, suite, missing));
            return { suite, cells, close: noop };
        }
        case 'iozone':
            return openIozone(s, ctx);
        case 'netperf':
            return openNetperf(s, ctx);
        case 'unixbench': {
            const u = s.unixbench;
            const ok = async (probes) => {
                for (const p of probes) {
                    const r = await ctx.transport.exec(p.argv, { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
                    if (r.exitCode !== 0)
                        return false;
                }
                return true;
            };
            const tree = unixbenchTreePath(u);
            // The engine's own attempt to provide the board's tree failed: that is the reason.
            if (ctx.unixbench?.unavailable) {
                const why = ctx.unixbench.unavailable;
                return unavailable(unixbenchCells(u, tree), why.kind, why.message);
            }
            const usable = async (dir) => {
                const cells = unixbenchCells(u, dir);
                const perl = await perlProblem(ctx);
                return perl ? unavailable(cells, 'missing-tool', perl) : { suite, cells, close: noop };
            };
            if (await ok(builtTreeProbes(tree)))
                return usable(tree);
            if (u.sourcePath && (await ok(sourceTreeProbes(u.sourcePath)))) {
                const cells = unixbenchCells(u, u.sourcePath);
                const missing = await missingTools(ctx, ['make', 'cc', 'perl']);
                if (missing.length) {
                    return unavailable(cells, 'missing-tool', `unixbench: cannot build ${u.sourcePath}: ${missingBuildTools(missing)} not found in '${ctx.envId}'`);
                }
                const ref = `${ctx.envId}/unixbench/build`;
                ctx.info(`${ctx.envId}: building UnixBench in ${u.sourcePath}`);
                const r = await ctx.transport.exec(unixbenchBuildArgv(u.sourcePath), {
                    timeoutMs: u.timeoutSeconds * 1000,
                    logPath: ctx.logFile(ref),
                    signal: ctx.signal,
                });
                await ctx.registerLog(ref);
                if (r.exitCode !== 0 || !(await ok(builtTreeProbes(u.sourcePath)))) {
                    return unavailable(cells, 'setup', `unixbench: building ${u.sourcePath} failed (${r.timedOut ? 'timed out' : `exit ${r.exitCode}`}); see log ${ref}`);
                }
                return usable(u.sourcePath);
            }
            return unavailable(unixbenchCells(u, tree), 'missing-tool', unixbenchMissingMessage(u, ctx.envId));
        }
    }
}
async function exec(ctx, t, script, args) {
    return t.exec(['sh', '-c', script, 'sh', ...args], { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
}
async function openIozone(s, ctx) {
    const suite = 'iozone';
    const base = ctx.io.scratch.dir ?? s.iozone.scratchDir ?? DEFAULT_SCRATCH_DIR;
    const dir = iozoneScratchDir(base, ctx.runId, ctx.envId);
    const cells = iozoneCells(s.iozone, dir);
    const unavailable = (kind, message, facts) => ({
        suite,
        cells,
        unavailable: { kind, message },
        ...(facts ? { facts } : {}),
        close: noop,
    });
    const missing = await missingTools(ctx, IOZONE_TOOLS);
    if (missing.length)
        return unavailable('missing-tool', missingMessage(ctx.envId, suite, missing));
    // Where the scratch really lies, as the environment itself sees it.
    const probe = await exec(ctx, ctx.transport, SCRATCH_PROBE_SCRIPT, [base]);
    let scratch;
    try {
        if (probe.exitCode !== 0)
            throw new Error(`exit ${probe.exitCode}: ${probe.output.trim().slice(0, 200)}`);
        scratch = parseScratchProbe(probe.output);
    }
    catch (err) {
        return unavailable('setup', `iozone: cannot tell where the scratch folder ${base} lies in '${ctx.envId}': ${err.message}`);
    }
    // The fingerprint keeps what stays the same run after run (not the device number).
    const facts = { scratch: { path: scratch.path, source: scratch.source, fstype: scratch.fstype } };
    if (isRamFs(scratch.fstype) && !ctx.io.scratch.allowRam) {
        return unavailable('scratch-in-ram', `iozone: the scratch folder ${scratch.path} in '${ctx.envId}' lies on ${scratch.fstype} (${scratch.source}), i.e. in RAM: IOzone would measure memory, not the environment's disk. ${ctx.io.scratch.remedy}; or set allowRamScratch: true on the environment to measure RAM on purpose`, facts);
    }
    const mk = await ctx.transport.exec(mkdirArgv(dir), { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
    if (mk.exitCode !== 0) {
        return unavailable('setup', `iozone: cannot create scratch folder ${dir}: ${mk.output.trim()}`, facts);
    }
    return {
        suite,
        cells,
        facts,
        ...(await diskCounters(ctx, scratch)),
        close: async () => {
            // Not tied to the run's signal: the scratch file must go also after a cancel.
            await ctx.transport.exec(removeArgv(dir), { timeoutMs: PROBE_TIMEOUT_MS });
        },
    };
}
/** The block device whose counters prove an IOzone cell: inside, or (docker) on the board. */
async function diskCounters(ctx, scratch) {
    if (scratch.device &&
        (await exec(ctx, ctx.transport, BLOCK_STAT_SCRIPT, [scratch.device])).exitCode === 0) {
        return { counters: { disk: { device: scratch.device, where: 'environment' } } };
    }
    const boardDir = ctx.io.scratch.boardDir;
    if (!boardDir)
        return {};
    const onBoard = await exec(ctx, ctx.board, SCRATCH_PROBE_SCRIPT, [boardDir]);
    try {
        const device = parseScratchProbe(onBoard.output).device;
        if (device && (await exec(ctx, ctx.board, BLOCK_STAT_SCRIPT, [device])).exitCode === 0) {
            return { counters: { disk: { device, where: 'board' } } };
        }
    }
    catch {
        // no counters: the cells still run, results.json notes what could not be read
    }
    return {};
}
async function openNetperf(s, ctx) {
    const suite = 'netperf';
    const n = s.netperf;
    const unavailable = (cells, kind, message, facts) => ({
        suite,
        cells,
        unavailable: { kind, message },
        ...(facts ? { facts } : {}),
        close: noop,
    });
    let peer;
    try {
        peer = await ctx.peer();
    }
    catch (err) {
        return unavailable(netperfCells(n, PLANNED_TARGET), 'setup', `netperf: no peer for '${ctx.envId}': ${err.message}`);
    }
    const cells = netperfCells(n, peer.address);
    const inside = peer.server?.on === 'environment';
    const missing = await missingTools(ctx, inside ? ['netperf', 'netserver'] : ['netperf']);
    if (missing.length)
        return unavailable(cells, 'missing-tool', missingMessage(ctx.envId, suite, missing));
    // The interface inside the environment that carries the traffic to the peer.
    const route = await exec(ctx, ctx.transport, ROUTE_PROBE_SCRIPT, []);
    const via = (route.exitCode === 0 ? routeVia(peer.address, route.output) : undefined) ?? 'unknown';
    const facts = { netperfPeer: { kind: peer.kind, address: peer.address, via } };
    if (peer.server) {
        const host = inside
            ? { id: `env:${ctx.envId}`, name: ctx.envId, transport: ctx.transport }
            : ctx.netserverHost(peer.server.on);
        try {
            await ctx.netservers.ensure(host, peer.server.listen, n.port);
        }
        catch (err) {
            return unavailable(cells, 'setup', `netperf: ${err.message}`, facts);
        }
    }
    return {
        suite,
        cells,
        facts,
        ...(via !== 'unknown'
            ? {
                counters: { nic: { via, ...(ctx.io.net.boardIface ? { boardIface: ctx.io.net.boardIface } : {}) } },
            }
            : {}),
        close: inside ? () => ctx.netservers.stop(`env:${ctx.envId}`) : noop,
    };
}

function withEnv(inner, vars) {
    if (Object.keys(vars).length === 0)
        return inner;
    return {
        description: inner.description,
        exec: (argv, options) => inner.exec(argv, { ...options, env: { ...vars, ...options.env } }),
        copyTo: (l, r, o) => inner.copyTo(l, r, o),
        close: () => inner.close(),
    };
}

/**
 * The end-of-run report: the analysis/report module's writeReports (overheads against
 * the host, baseline comparison, Markdown/HTML/CSV). Should it fail on some result, a
 * minimal fallback still leaves a report — per environment and metric the median of the
 * samples, plus the failures — so a long run never ends without one. Everything from
 * the results is escaped (Markdown and HTML).
 */
async function writeRunReports(results, outDir, options = {}) {
    try {
        await writeReports(results, outDir, {
            ...options.analysis,
            ...(options.baseline ? { baseline: options.baseline } : {}),
            logsDir: 'logs/',
        });
    }
    catch (err) {
        options.warn?.(`report: ${err.message}; writing the minimal report instead`);
        await writeMinimalReports(results, outDir);
    }
}
async function writeMinimalReports(results, outDir) {
    await mkdir(outDir, { recursive: true });
    const rows = summarize(results);
    await writeFile(join(outDir, 'report.md'), markdown(results, rows));
    await writeFile(join(outDir, 'report.html'), html(results, rows));
}
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function summarize(results) {
    const groups = new Map();
    for (const s of results.samples) {
        const params = Object.entries(s.params)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ');
        const key = `${s.env}\u0000${s.metric}\u0000${params}`;
        const g = groups.get(key) ?? { env: s.env, metric: s.metric, params, unit: s.unit, values: [] };
        g.values.push(s.value);
        groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({ ...g, median: median(g.values), n: g.values.length }));
}
const md = (s) => s
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c])
    .replace(/\r?\n/g, ' ');
const h = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
function markdown(results, rows) {
    const out = [
        `# arm-virt-bench run ${md(results.run.id)}`,
        '',
        `Preset ${md(results.run.preset)}, status ${md(results.run.status ?? 'unknown')}, ${results.samples.length} samples, ${results.failures.length} failures.`,
        '',
        '| environment | kind | boot mode | note |',
        '|---|---|---|---|',
        ...results.environments.map((e) => `| ${md(e.id)} | ${e.kind} | ${e.bootMode} | ${e.skipped ? `skipped: ${md(e.skipped)}` : ''} |`),
        '',
        '| environment | metric | params | median | n | unit |',
        '|---|---|---|---:|---:|---|',
        ...rows.map((r) => `| ${md(r.env)} | ${md(r.metric)} | ${md(r.params)} | ${r.median} | ${r.n} | ${md(r.unit)} |`),
    ];
    if (results.failures.length > 0) {
        out.push('', '## Failures', '', '| environment | suite | round | reason |', '|---|---|---:|---|');
        for (const f of results.failures)
            out.push(`| ${md(f.env)} | ${md(f.suite)} | ${f.round} | ${md(f.message)} |`);
    }
    return `${out.join('\n')}\n`;
}
function html(results, rows) {
    const tr = (cells) => `<tr>${cells.map((c) => `<td>${h(String(c))}</td>`).join('')}</tr>`;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>arm-virt-bench ${h(results.run.id)}</title></head>
<body><h1>arm-virt-bench run ${h(results.run.id)}</h1>
<p>Preset ${h(results.run.preset)}, status ${h(results.run.status ?? 'unknown')}.</p>
<table><thead><tr><th>environment</th><th>metric</th><th>params</th><th>median</th><th>n</th><th>unit</th></tr></thead>
<tbody>${rows.map((r) => tr([r.env, r.metric, r.params, r.median, r.n, r.unit])).join('\n')}</tbody></table>
<h2>Failures</h2><table><tbody>${results.failures.map((f) => tr([f.env, f.suite, f.round, f.message])).join('\n')}</tbody></table>
</body></html>
`;
}

/** The engine cell of a sample: its log ref `env/suite/key.rN` without the round. */
function engineCellOf(logRef) {
    return logRef.replace(/\.r\d+$/, '');
}
/**
 * The suggestive, undecided tests of a first look, as engine cells to extend, most promising
 * first. `current` holds the first-look rounds only (its `run.adaptive` is ignored).
 */
function selectExtraRounds(current, options, policy) {
    const { adaptive: _ignored, ...run } = current.run;
    const a = analyze({ ...current, run }, { ...options, bootstrap: 0 });
    const alpha = a.options.alpha;
    const hostEnv = a.options.hostEnv;
    // Metric cell (env × metric key) → its engine cells, and env × suite → its engine cells,
    // from the samples' log refs.
    const engineCells = new Map();
    const bySuite = new Map();
    const add = (map, key, cell) => {
        let set = map.get(key);
        if (!set)
            map.set(key, (set = new Set()));
        set.add(cell);
    };
    for (const s of current.samples) {
        const cell = engineCellOf(s.log);
        add(engineCells, cellKey(s.env, metricKeyOf(s.metric, s.params)), cell);
        add(bySuite, `${s.env}\u0000${s.suite}`, cell);
    }
    const out = new Map();
    const choose = (cells, p, why) => {
        for (const cell of cells) {
            const prev = out.get(cell);
            if (!prev || p < prev.priority)
                out.set(cell, { cell, priority: p, why });
        }
    };
    const suggestive = (t) => t.change !== null &&
        t.change > 0 &&
        t.p !== null &&
        t.pAdjusted !== null &&
        t.verdict !== 'erratic' &&
        t.p < policy.suggestiveP &&
        !(t.pAdjusted / policy.alphaFirstLook < alpha);
    const cellsOf = (env, metricKey) => engineCells.get(cellKey(env, metricKey)) ?? new Set();
    for (const t of a.comparisons) {
        if (suggestive(t))
            choose(cellsOf(t.env, t.metricKey), t.p, `${t.env} ${t.label}`);
    }
    for (const t of a.overheadComparisons) {
        if (!suggestive(t))
            continue;
        choose([...cellsOf(t.env, t.metricKey), ...cellsOf(t.hostEnv, t.metricKey)], t.p, `${t.env} ${t.label} overhead`);
    }
    for (const t of a.aggregates) {
        if (!suggestive(t))
            continue;
        const cells = [
            ...(bySuite.get(`${t.env}\u0000${t.suite}`) ?? []),
            ...(hostEnv !== null ? (bySuite.get(`${hostEnv}\u0000${t.suite}`) ?? []) : []),
        ];
        choose(cells, t.p, `${t.label} overhead (suite)`);
    }
    return [...out.values()].sort((x, y) => x.priority - y.priority || (x.cell < y.cell ? -1 : 1));
}
/**
 * The most extra rounds the budget gives the chosen cells: the largest prefix of the candidates
 * (most promising first) that still gets `minExtraRounds`, each of them `rounds` more rounds.
 * `cost(cell)` is the measured seconds of one run of the cell; `firstLook` its rounds so far.
 */
function planExtraRounds(candidates, cost, firstLook, budgetSeconds, policy) {
    const cap = policy.maxRuns - firstLook;
    const none = { cells: [], rounds: 0, leftOut: candidates.length };
    if (cap < 1 || candidates.length === 0 || !(budgetSeconds > 0))
        return none;
    const need = Math.min(policy.minExtraRounds, cap);
    let best = none;
    let sum = 0;
    for (let m = 1; m <= candidates.length; m++) {
        sum += Math.max(0, cost(candidates[m - 1].cell));
        const rounds = sum > 0 ? Math.min(cap, Math.floor(budgetSeconds / sum)) : cap;
        if (rounds < need)
            break;
        best = { cells: candidates.slice(0, m).map((c) => c.cell), rounds, leftOut: candidates.length - m };
    }
    return best;
}

/**
 * Adaptive rounds in the engine: a boot group's schedule (rounds interleaved across its
 * environments), then — with a baseline and a round policy — extra rounds for the cells whose
 * comparison is suggestive but not decided. Which cells and how many rounds is decided once,
 * after the group's first rounds, by the pure half in src/analysis/adaptive.ts; the extra
 * rounds are interleaved like every round. The statistics of the design are in
 * src/analysis/sequential.ts and docs/analysis.md ("Adaptive rounds").
 */
/** The design recorded in results.json before the first cell: every run with a look at its data says so. */
function adaptiveRecord(policy, enabled, runsFor) {
    return {
        firstLook: Object.fromEntries(enabled.map((s) => [s, runsFor(s)])),
        maxRuns: policy.maxRuns,
        alphaFirstLook: policy.alphaFirstLook,
        extended: [],
        extraRounds: 0,
    };
}
/**
 * The group's rounds, then its extra rounds. A generator: the loop that runs the cells pulls
 * the next item only after the previous one ran, so the first look happens when the group's
 * first rounds are done, with their results in `ctx.results`.
 */
function* withExtraRounds(planned, ctx) {
    yield* schedule(planned);
    if (!ctx || planned.length === 0)
        return;
    // The time the group's first rounds took, from the measured duration of each cell.
    const firstLookSeconds = planned.reduce((s, p) => s + ctx.cost(cellId(p.env, p.cell)) * p.runs, 0);
    const design = ctx.results.run.adaptive;
    if (!design)
        return;
    const ids = new Map(planned.map((p) => [cellId(p.env, p.cell), p]));
    // Cells of other boot groups (the host's, for a Xen guest's overhead) cannot be run here.
    const candidates = selectExtraRounds(ctx.results, { ...ctx.analysis, baseline: ctx.baseline }, ctx.policy).filter((c) => ids.has(c.cell));
    if (candidates.length === 0) {
        ctx.info('adaptive rounds: no suggestive, undecided comparison in this boot group');
        return;
    }
    const first = Math.min(...planned.map((p) => p.runs));
    const budget = ctx.policy.extraTime * firstLookSeconds;
    const plan = planExtraRounds(candidates, (id) => ctx.cost(id), first, budget, ctx.policy);
    if (plan.rounds === 0) {
        ctx.info(`adaptive rounds: ${candidates.length} suggestive cell(s), but the budget (${Math.round(budget)} s) does not fit ${ctx.policy.minExtraRounds} extra rounds of the most suggestive one`);
        design.stopped = 'budget';
        return;
    }
    const chosen = plan.cells.map((id) => ids.get(id));
    const items = [];
    for (let k = 0; k < plan.rounds; k++) {
        for (const p of chosen) {
            const total = Math.min(ctx.policy.maxRuns, p.runs + plan.rounds);
            if (p.runs + k < total)
                items.push({ ...p, runs: total, round: p.runs + k });
        }
    }
    // Interleaved as every round: round by round, environments in their order.
    const envOrder = [...new Set(planned.map((p) => p.env))];
    items.sort((a, b) => a.round - b.round || envOrder.indexOf(a.env) - envOrder.indexOf(b.env));
    design.extended.push(...plan.cells);
    design.extraRounds = Math.max(design.extraRounds ?? 0, plan.rounds);
    ctx.info(`adaptive rounds: ${plan.rounds} extra round(s) of ${plan.cells.length} cell(s) (${plan.cells.join(', ')})` +
        (plan.leftOut > 0 ? `; ${plan.leftOut} less suggestive cell(s) left out by the time budget` : '') +
        `; first chosen for ${candidates[0].why}`);
    ctx.onPlan(items);
    yield* items;
}

/**
 * The board's built byte-UnixBench tree, made sure of once per run before any environment
 * is prepared (the Docker image copies it; host and Dom0 run it in place):
 *  1. a built tree at `suites.unixbench.path` (default: defaultTreePath) → used as it is;
 *  2. else, when a source is at hand on the controller (`source`: a tarball or directory;
 *     else a git clone of `commit` from `gitUrl`/AVB_UNIXBENCH_GIT/GITHUB_SERVER_URL), it is
 *     copied to the board and built there with the board's own make and compiler, then
 *     moved into place — never over an existing folder;
 *  3. else nothing: the session then tries `sourcePath` or says what is missing.
 * A missing compiler, make or Perl on the board is a message that names the package.
 */
const SHORT_MS = 30_000;
const BUILD_LOG_REF = 'board/unixbench/build';
/**
 * Args: SRC DEST. Moves a source tree that the build has finished in SRC to DEST (made
 * once, never over an existing folder).
 */
const INSTALL_SCRIPT = `src=$1; dest=$2
if [ -e "$dest" ]; then echo "arm-virt-bench: $dest exists already" >&2; exit 3; fi
mkdir -p "$(dirname "$dest")" && mv "$src" "$dest"`;
/** Args: TOOL... Prints `missing:TOOL` for each program not on PATH. */
const MISSING_SCRIPT = 'for t in "$@"; do command -v "$t" >/dev/null 2>&1 || echo "missing:$t"; done';
async function allOk(board, probes, signal) {
    for (const p of probes) {
        const r = await board.exec(p.argv, { timeoutMs: SHORT_MS, signal });
        if (r.exitCode !== 0)
            return false;
    }
    return true;
}
/** The folder holding `Run`, `Makefile` and `src/` inside an unpacked source (itself, `UnixBench/`, or one level down). */
async function findSourceTree(root) {
    const isTree = (d) => existsSync(join(d, 'Run')) && existsSync(join(d, 'Makefile')) && existsSync(join(d, 'src'));
    const candidates = [root, join(root, 'UnixBench')];
    for (const e of await readdir(root, { withFileTypes: true }).catch(() => [])) {
        if (e.isDirectory())
            candidates.push(join(root, e.name), join(root, e.name, 'UnixBench'));
    }
    return candidates.find(isTree);
}
async function local(argv, timeoutMs, signal) {
    return runProcess(argv, { timeoutMs, env: minimalEnv(), signal });
}
/**
 * The source tree on the controller: `source` (unpacked when it is a tarball) or a git
 * checkout of `commit` in the cache. Returns the tree folder, or throws with the reason.
 */
async function stageSource(u, work, options) {
    if (u.source) {
        if (!existsSync(u.source))
            throw new Error(`suites.unixbench.source: ${u.source} does not exist`);
        let root = u.source;
        if (!statSync(u.source).isDirectory()) {
            root = join(work, 'unpacked');
            await mkdir(root, { recursive: true });
            const t = await local(['tar', '-C', root, '-xf', u.source], 120_000, options.signal);
            if (t.exitCode !== 0)
                throw new Error(`suites.unixbench.source: cannot unpack ${u.source}: ${t.output.trim().slice(0, 300)}`);
        }
        const tree = await findSourceTree(root);
        if (!tree)
            throw new Error(`suites.unixbench.source: no byte-UnixBench tree (Run, Makefile, src/) in ${u.source} or its UnixBench/ folder`);
        return tree;
    }
    const env = options.env ?? process.env;
    const url = unixbenchGitUrl(u.gitUrl, env);
    if (!url)
        throw new Error('no source');
    const commit = u.commit ?? UNIXBENCH_COMMIT;
    const cache = options.cacheDir ?? env.AVB_CACHE ?? DEFAULT_CACHE;
    const dir = join(cache, 'unixbench', `git-${shortCommit(commit)}`);
    const head = await local(['git', '-C', dir, 'rev-parse', 'HEAD'], SHORT_MS, options.signal).catch(() => undefined);
    if (head?.exitCode !== 0 || head.output.trim() !== commit) {
        options.info(`unixbench: fetching ${commit.slice(0, 12)} from ${url}`);
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        const git = (args, ms = 300_000) => local(['git', '-C', dir, ...args], ms, options.signal);
        const steps = [
            ['init', '-q'],
            ['fetch', '-q', '--depth', '1', url, commit],
        ];
        for (const s of steps) {
            const r = await git(s);
            if (r.exitCode !== 0) {
                // Servers that refuse a commit id in a fetch: fetch everything, then check out the commit.
                if (s[0] === 'fetch' && (await git(['fetch', '-q', url])).exitCode === 0)
                    break;
                throw new Error(`git ${s[0]} of ${url} failed: ${r.output.trim().split('\n').slice(-2).join(' ')}`);
            }
        }
        const co = await git(['checkout', '-q', '--detach', commit]);
        if (co.exitCode !== 0)
            throw new Error(`git checkout ${commit} failed: ${co.output.trim().slice(0, 300)}`);
    }
    const tree = await findSourceTree(dir);
    if (!tree)
        throw new Error(`the checkout of ${url} at ${commit} holds no UnixBench/ tree`);
    return tree;
}
async function ensureBoardUnixbench(board, u, options) {
    const signal = options.signal;
    const path = unixbenchTreePath(u);
    if (await allOk(board, builtTreeProbes(path), signal))
        return { path };
    const env = options.env ?? process.env;
    if (!u.source && !unixbenchGitUrl(u.gitUrl, env))
        return {};
    const fail = (kind, message) => ({
        unavailable: { kind, message: `unixbench: ${message}` },
    });
    const exists = await board.exec(['test', '-e', path], { timeoutMs: SHORT_MS, signal });
    if (exists.exitCode === 0) {
        return fail('setup', `${path} exists on ${board.description} but holds no built tree (Run, pgms/dhry2reg, tmp/): remove it, or point suites.unixbench.path at a built tree`);
    }
    const tools = await board.exec(['sh', '-c', MISSING_SCRIPT, 'sh', 'make', 'cc', 'perl', 'tar'], {
        timeoutMs: SHORT_MS,
        signal,
    });
    const missing = [...tools.output.matchAll(/^missing:(.+)$/gm)].map((m) => m[1].trim());
    if (missing.length > 0) {
        return fail('missing-tool', `cannot build byte-UnixBench on ${board.description}: ${missingBuildTools(missing)} not found (install them on the board, e.g. apt-get install make gcc libc6-dev perl)`);
    }
    const work = await mkdtemp(join(tmpdir(), 'avb-unixbench-'));
    const remote = `/tmp/avb-unixbench-${randomBytes(4).toString('hex')}`;
    const logPath = options.logFile(BUILD_LOG_REF);
    try {
        let tree;
        try {
            tree = await stageSource(u, work, options);
        }
        catch (err) {
            return fail('setup', `cannot obtain byte-UnixBench: ${err.message}`);
        }
        options.info(`unixbench: building byte-UnixBench on ${board.description} into ${path}`);
        await board.copyTo(tree, `${remote}/UnixBench`, { timeoutMs: 300_000 });
        const make = await board.exec(['make', '-C', `${remote}/UnixBench`], {
            timeoutMs: u.timeoutSeconds * 1000,
            logPath,
            signal,
        });
        await options.registerLog(BUILD_LOG_REF);
        if (make.exitCode !== 0) {
            return fail('setup', `building byte-UnixBench on ${board.description} failed (${make.timedOut ? 'timed out' : `exit ${make.exitCode}`}): ${make.output.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}; see log ${BUILD_LOG_REF}`);
        }
        const mv = await board.exec(['sh', '-c', INSTALL_SCRIPT, 'avb-install', `${remote}/UnixBench`, path], {
            timeoutMs: SHORT_MS,
            signal,
        });
        if (mv.exitCode !== 0 || !(await allOk(board, builtTreeProbes(path), signal))) {
            return fail('setup', `cannot install the built tree at ${path}: ${mv.output.trim().slice(0, 300)}`);
        }
        return { path };
    }
    finally {
        await rm(work, { recursive: true, force: true });
        await board.exec(['rm', '-rf', remote], { timeoutMs: SHORT_MS }).catch(() => undefined);
    }
}

/**
 * The public engine API: `runBench(config, options) → Results`.
 *
 * config → environments (registry) → plan (boot groups, interleaved rounds) → for each
 * boot group: switch boot mode if needed, prepare + fingerprint each environment, open
 * the suites, run the cells round by round, close the suites, tear down (always) →
 * results.json (rewritten atomically after every cell) → reports.
 */
/**
 * Resolves preset, suites and environments, and refuses (PlanError) a run that would measure
 * nothing or that is too large to plan — before anything runs. Shared by `run` and `probe`.
 */
function resolveRun(config, options) {
    const presetName = options.preset ?? config.preset;
    const preset = PRESETS[presetName];
    const suites = resolveSuites(preset, config.suites);
    const runsFor = (suite) => suites[suite].runs ?? config.runs ?? preset.runs;
    const enabled = SUITES.filter((s) => suites[s].enabled);
    const resources = resolveResources(config.resources);
    let configured;
    if (options.environments)
        configured = [...options.environments];
    else {
        configured = config.environments.map((e) => ({
            env: factoryFor(e.kind).create(e.id, e.settings, { ...boardDeps(config.board), resources }),
            vars: e.env,
        }));
    }
    if (options.envs) {
        const known = new Set(configured.map((c) => c.env.id));
        const unknown = options.envs.filter((id) => !known.has(id));
        if (unknown.length > 0) {
            throw new PlanError(`--env: no environment named ${unknown.join(', ')} (configured: ${[...known].join(', ')})`);
        }
        configured = configured.filter((c) => options.envs.includes(c.env.id));
    }
    const cellRuns = checkPlan(configured.map((c) => c.env.id), enabled.map((suite) => ({ suite, cells: plannedCells(suite, suites).length, runs: runsFor(suite) })), {
        noEnvironments: options.envs
            ? `--env selected no environment (configured: ${config.environments.map((e) => e.id).join(', ') || 'none'})`
            : 'no environment is configured',
        noSuites: `every suite is disabled in preset ${presetName} with this config (${SUITES.map((x) => `suites.${x}.enabled: ${String(suites[x].enabled)}`).join(', ')})`,
    });
    return { presetName, suites, enabled, runsFor, configured, cellRuns };
}
async function runBench(config, options) {
    const reporter = options.reporter ?? silentReporter;
    // Before anything runs: a run that would measure nothing, or one too large to plan, is refused.
    const { presetName, suites, enabled, runsFor, configured } = resolveRun(config, options);
    let ownBoard;
    const boardOf = () => typeof options.board === 'function' ? options.board() : (options.board ?? ownBoard);
    const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;
    const results = {
        schema: RESULTS_SCHEMA_ID,
        run: {
            id: runId,
            toolVersion: TOOL_VERSION,
            started: new Date().toISOString(),
            preset: presetName,
            configDigest: configDigest({ config, preset: presetName, envs: configured.map((c) => c.env.id) }),
            ...(options.gitSha ? { gitSha: options.gitSha } : {}),
            status: 'in-progress',
            resources: resolveResources(config.resources),
        },
        board: { name: config.board.name, fingerprints: {} },
        environments: configured.map((c) => ({
            id: c.env.id,
            kind: c.env.kind,
            bootMode: c.env.bootMode,
            fingerprint: {},
        })),
        samples: [],
        failures: [],
        logs: [],
        ioCounters: [],
    };
    // The comparison with the baseline: the config's analysis settings plus the caller's.
    const analysisOptions = {
        ...options.analysis,
        expectChanges: [...config.analysis.expectChange, ...(options.analysis?.expectChanges ?? [])],
        expectSame: [...config.analysis.expectSame, ...(options.analysis?.expectSame ?? [])],
    };
    // Adaptive rounds need a baseline to look at; the design goes into results.json up front.
    const policy = options.baseline
        ? roundPolicyFor(PRESETS[presetName], config.adaptive, Math.max(...enabled.map(runsFor)))
        : undefined;
    if (policy)
        results.run.adaptive = adaptiveRecord(policy, enabled, runsFor);
    await mkdir(options.outDir, { recursive: true });
    // Opened only once the selection is valid, and closed in the finally below.
    if (options.board === undefined) {
        try {
            ownBoard = await createBoardTransport(config.board);
        }
        catch (err) {
            throw new BoardConfigError(`board ${config.board.name}: ${err.message}`);
        }
    }
    const store = new ResultsStore(options.outDir, results);
    const signal = options.signal;
    const cancelled = () => signal?.aborted === true;
    // netperf's peer: one kind for the run; where its netservers run (the controller is this machine).
    const peer = peerSpec(suites.netperf.peer, config.board.connection.type);
    const controllerTransport = new LocalTransport();
    let controller;
    const controllerOf = () => {
        const c = config.board.connection;
        if (c.type !== 'ssh' || peer.kind !== 'controller')
            return undefined;
        controller ??= controllerView(boardOf(), c, signal);
        return controller;
    };
    let external;
    const netserverHost = (site) => {
        if (site === 'board')
            return { id: 'board', name: 'board', transport: boardOf() };
        if (site === 'controller')
            return { id: 'controller', name: 'controller', transport: controllerTransport };
        if (peer.kind !== 'external' || !peer.ssh)
            throw new Error('no SSH target for the external netserver');
        external ??= new SshTransport(sshHostFromConfig(peer.ssh));
        return { id: `external:${peer.address}`, name: 'external', transport: external };
    };
    const started = performance.now();
    const activity = (what) => reporter.activity?.(what);
    // Cells of every environment, for the progress total and the ETA (refined as we go).
    const allPlanned = configured.flatMap((c) => enabled.flatMap((suite) => plannedCells(suite, suites).map((cell) => ({ env: c.env.id, cell, runs: runsFor(suite) }))));
    const eta = new EtaEstimator(config.board.expectedSwitchSeconds * 1000, new Map(allPlanned.map((p) => [
        cellId(p.env, p.cell),
        { ms: nominalCellSeconds(p.cell, suites) * 1000, group: `${p.env}/${p.cell.suite}` },
    ])));
    let remaining = schedule(allPlanned).map((s) => cellId(s.env, s.cell));
    let total = remaining.length;
    let index = 0;
    const dropRemaining = (envId) => {
        remaining = remaining.filter((id) => !id.startsWith(`${envId}/`));
    };
    // Boot switches still to come (for the ETA): one per boot group not in the board's current
    // mode, plus the way back to the default mode at the end.
    let switchesLeft = 0;
    const countSwitches = (from, groups) => {
        if (!options.switchBootMode)
            return 0;
        let n = 0;
        let at = from;
        for (const g of groups) {
            if (g !== at || options.deployment?.needsBoot(g))
                n += 1;
            at = g;
        }
        return n + (at !== config.board.defaultBootMode ? 1 : 0);
    };
    const markSkipped = (id, reason) => {
        const e = results.environments.find((x) => x.id === id);
        e.skipped = reason;
        dropRemaining(id);
        reporter.info(`skipped ${id}: ${reason}`);
    };
    // Every process this run starts carries its id (AVB_RUN), every container its label.
    setRunLabel(runId);
    const ledger = new RunLedger({
        runId,
        environments: config.environments
            .filter((e) => configured.some((c) => c.env.id === e.id))
            .map((e) => recordOf(e)),
        places: [
            { name: `board ${config.board.name}`, transport: boardOf },
            ...(config.board.connection.type === 'ssh'
                ? [{ name: 'the controller', transport: () => controllerTransport }]
                : []),
        ],
        staleSeconds: config.board.lock.staleSeconds,
        log: (line) => reporter.info(line),
        warn: (line) => reporter.warn(line),
    });
    /** The board's built UnixBench tree (made sure of once, before any environment). */
    let unixbench;
    const boardUnixbench = async () => {
        if (!enabled.includes('unixbench') || cancelled())
            return undefined;
        activity(`UnixBench: looking for a built tree on the board (${boardOf().description})`);
        try {
            return await ensureBoardUnixbench(boardOf(), suites.unixbench, {
                logFile: (ref) => store.logFile(ref),
                registerLog: async (ref) => {
                    await store.registerLog(ref);
                },
                info: (line) => reporter.info(line),
                signal,
            });
        }
        catch (err) {
            return { unavailable: { kind: 'setup', message: `unixbench: ${err.message}` } };
        }
    };
    try {
        await store.flush();
        // Which mode is the board in now? The board's own fingerprint says.
        let current = 'linux';
        activity(`fingerprinting the board (${boardOf().description})`);
        try {
            const fp = await collectFingerprint(boardOf(), { signal });
            current = bootModeOf(fp);
            results.board.fingerprints[current] = fp;
        }
        catch (err) {
            // A refused host key or ssh key ends the run here: nothing else could reach the board.
            if (isConfigFailure(err)) {
                const refused = refusal(config.board.name, err);
                const message = refused.message;
                results.failures.push({
                    env: config.board.name,
                    suite: 'board',
                    params: {},
                    round: 0,
                    message,
                    kind: err.failure,
                });
                throw refused;
            }
            reporter.warn(`board fingerprint failed: ${err.message}`);
        }
        await store.flush();
        // Before anything of this run starts: what dead runs left on the board (and on the
        // controller) goes, and this run's record marks what it starts as its own.
        activity('removing what crashed runs left on the board');
        await ledger.open(signal);
        unixbench = await boardUnixbench();
        const deployment = options.deployment;
        const registerDeployLogs = async () => {
            for (const ref of deployment?.takeLogs() ?? [])
                await store.registerLog(ref).catch(() => undefined);
        };
        if (deployment && !cancelled()) {
            results.deploy = deployment.record;
            reporter.groupStart('deploy the code under test');
            activity('deploying the code under test');
            try {
                await deployment.deploy(signal);
            }
            catch (err) {
                const f = failureOf(err);
                const message = err.message;
                results.failures.push({
                    env: config.board.name,
                    suite: 'board',
                    params: {},
                    round: 0,
                    message,
                    kind: f.kind,
                    ...(f.log ? { log: f.log } : {}),
                });
                // Measuring the known-good and calling it the change would be a wrong result.
                for (const e of results.environments)
                    markSkipped(e.id, `not measured: ${message}`);
            }
            finally {
                await registerDeployLogs();
                reporter.groupEnd();
            }
            await store.flush();
        }
        const groups = groupByBootMode(configured.map((c) => ({ ...c, id: c.env.id, bootMode: c.env.bootMode })));
        switchesLeft = countSwitches(current, groups.map((g) => g.bootMode));
        for (const group of groups) {
            if (cancelled())
                break;
            // Environments already marked unmeasured (a failed deployment) need no boot.
            if (group.envs.every((e) => results.environments.find((x) => x.id === e.id)?.skipped))
                continue;
            if (group.bootMode !== current || deployment?.needsBoot(group.bootMode)) {
                if (!options.switchBootMode) {
                    const why = config.board.connection.type === 'local'
                        ? `needs the board in ${group.bootMode} mode, but it is in ${current} mode and connection: local cannot reboot it (run it from a controller over ssh, or use the two-job pattern)`
                        : `needs the board in ${group.bootMode} mode, but it is in ${current} mode and no boot switch strategy is configured`;
                    for (const e of group.envs)
                        markSkipped(e.id, why);
                    await store.flush();
                    continue;
                }
                reporter.groupStart(`boot switch: ${current} → ${group.bootMode}`);
                activity(`boot switch ${current} → ${group.bootMode}`);
                const t0 = performance.now();
                try {
                    await options.switchBootMode(group.bootMode);
                    eta.recordSwitch(performance.now() - t0);
                    switchesLeft = Math.max(0, switchesLeft - 1);
                    const fp = await collectFingerprint(boardOf(), { signal });
                    results.board.fingerprints[bootModeOf(fp)] = {
                        ...fp,
                        ...deployment?.facts({ mode: bootModeOf(fp) }),
                    };
                    if (bootModeOf(fp) !== group.bootMode) {
                        throw new Error(`the board came back in ${bootModeOf(fp)} mode, not ${group.bootMode}`);
                    }
                    current = group.bootMode;
                    await registerDeployLogs();
                }
                catch (err) {
                    const f = failureOf(err);
                    // A deployment's failure says it all ("the change did not boot: ..."); a switch's gets the context.
                    const why = f.kind === 'deploy'
                        ? err.message
                        : `boot switch to ${group.bootMode} failed: ${err.message}`;
                    results.failures.push({
                        env: config.board.name,
                        suite: 'board',
                        params: { bootMode: group.bootMode },
                        round: 0,
                        message: why,
                        kind: f.kind,
                        ...(f.log ? { log: f.log } : {}),
                    });
                    for (const e of group.envs)
                        markSkipped(e.id, f.kind === 'deploy' ? `not measured: ${why}` : why);
                    await registerDeployLogs();
                    reporter.groupEnd();
                    await store.flush();
                    continue;
                }
                finally {
                    reporter.groupEnd();
                }
            }
            await runGroup(group.envs);
        }
        // Also after a cancel: the board is left in its default mode.
        if (options.switchBootMode && options.restoreBootMode !== false) {
            const home = config.board.defaultBootMode;
            if (current !== home) {
                reporter.groupStart(`boot switch back: ${current} → ${home}`);
                activity(`boot switch back ${current} → ${home}`);
                try {
                    await options.switchBootMode(home);
                }
                catch (err) {
                    results.failures.push({
                        env: config.board.name,
                        suite: 'board',
                        params: { bootMode: home },
                        round: 0,
                        message: `switch back to ${home} failed: ${err.message}`,
                        kind: 'boot-switch',
                    });
                }
                reporter.groupEnd();
            }
        }
    }
    finally {
        results.run.finished = new Date().toISOString();
        results.run.status = cancelled()
            ? 'cancelled'
            : results.failures.length > 0 || results.environments.some((e) => e.skipped)
                ? 'partial'
                : 'complete';
        await store.flush();
        // Teardown has run: nothing of this run is left to find (a cancel included).
        await ledger.close();
        setRunLabel(undefined);
        if (ownBoard)
            await ownBoard.close().catch(() => undefined);
        if (external)
            await external.close().catch(() => undefined);
    }
    if (options.reports !== false) {
        try {
            await writeRunReports(results, options.outDir, {
                analysis: analysisOptions,
                ...(options.baseline ? { baseline: options.baseline } : {}),
                warn: (l) => reporter.warn(l),
            });
        }
        catch (err) {
            reporter.warn(`report: ${err.message}`);
        }
    }
    reporter.info(`results: ${store.file} (${results.samples.length} samples, ${results.failures.length} failures, status ${results.run.status})`);
    return results;
    async function runGroup(group) {
        const states = group.map((c) => ({
            id: c.id,
            env: c.env,
            vars: c.vars ?? {},
            prepared: false,
            sessions: [],
        }));
        const netservers = new NetserverPool({
            logFile: (ref) => store.logFile(ref),
            registerLog: async (ref) => {
                await store.registerLog(ref);
            },
            signal,
            info: (line) => reporter.info(line),
        });
        // Which counters prove each cell's path (from its suite's session).
        const countersOf = new Map();
        try {
            for (const st of states) {
                if (cancelled())
                    return;
                reporter.groupStart(`prepare ${st.id} (${st.env.kind})`);
                activity(`preparing ${st.id} (${st.env.kind})`);
                try {
                    await prepareEnv(st);
                }
                catch (err) {
                    const message = `${st.id}: prepare failed: ${err.message}`;
                    store.addFailure({
                        env: st.id,
                        suite: 'environment',
                        params: {},
                        round: 0,
                        message,
                        kind: 'setup',
                    });
                    markSkipped(st.id, message);
                }
                reporter.groupEnd();
                await store.flush();
            }
            const planned = [];
            const unavailable = new Map();
            for (const st of states.filter((s) => s.prepared)) {
                for (const session of st.sessions) {
                    for (const cell of session.cells) {
                        planned.push({ env: st.id, cell, runs: runsFor(session.suite) });
                        if (session.unavailable)
                            unavailable.set(cellId(st.id, cell), session.unavailable);
                        else if (session.counters)
                            countersOf.set(cellId(st.id, cell), session.counters);
                    }
                }
            }
            const byEnv = new Map(states.map((s) => [s.id, s]));
            let round = -1;
            const extra = policy && options.baseline
                ? {
                    policy,
                    baseline: options.baseline,
                    analysis: analysisOptions,
                    results,
                    cost: (id) => (eta.estimate([id]) ?? 0) / 1000,
                    info: (line) => reporter.info(line),
                    onPlan: (items) => {
                        remaining.push(...items.map((i) => cellId(i.env, i.cell)));
                        total += items.length;
                    },
                }
                : undefined;
            for (const item of withExtraRounds(planned, extra)) {
                if (cancelled())
                    break;
                if (item.round !== round) {
                    round = item.round;
                    reporter.groupStart(`round ${round + 1}: ${states
                        .filter((s) => s.prepared)
                        .map((s) => s.id)
                        .join(', ')}`);
                }
                const id = cellId(item.env, item.cell);
                const at = remaining.indexOf(id);
                if (at >= 0)
                    remaining.splice(at, 1);
                index += 1;
                const why = unavailable.get(id);
                const st = byEnv.get(item.env);
                const t0 = performance.now();
                activity(`${item.env} ${item.cell.suite} ${item.cell.key} run ${item.round + 1}/${item.runs}`);
                let status;
                let message;
                let samples = 0;
                if (why) {
                    // A suite that cannot run here: one failure per cell and round, nothing executed.
                    store.addFailure({
                        env: item.env,
                        suite: item.cell.suite,
                        params: item.cell.params,
                        round: item.round,
                        message: why.message,
                        kind: why.kind,
                    });
                    status = 'failed';
                    message = why.message;
                }
                else {
                    const plan = countersOf.get(id);
                    const before = plan ? await readCounters(plan, st.transport, boardOf(), signal) : undefined;
                    const r = await runCell({
                        store,
                        envId: item.env,
                        transport: st.transport,
                        cell: item.cell,
                        round: item.round,
                        timeoutMs: suites[item.cell.suite].timeoutSeconds * 1000,
                        signal,
                    });
                    if (plan && before && r.status === 'ok') {
                        const after = await readCounters(plan, st.transport, boardOf(), signal);
                        results.ioCounters.push({
                            env: item.env,
                            suite: item.cell.suite,
                            params: item.cell.params,
                            round: item.round,
                            ...counterDelta(plan, before, after),
                        });
                    }
                    status = r.status;
                    message = r.message;
                    samples = r.samples;
                    eta.record(id, r.durationMs);
                    await ledger.heartbeat();
                }
                await store.flush();
                reporter.cell({
                    index,
                    total,
                    env: item.env,
                    suite: item.cell.suite,
                    key: item.cell.key,
                    round: item.round,
                    runs: item.runs,
                    status,
                    message,
                    samples,
                    durationMs: performance.now() - t0,
                    elapsedMs: performance.now() - started,
                    etaMs: eta.estimate(remaining, switchesLeft),
                });
            }
            if (round >= 0)
                reporter.groupEnd();
        }
        finally {
            reporter.groupStart(`teardown ${states.map((s) => s.id).join(', ')}`);
            activity(`tearing down ${states.map((s) => s.id).join(', ')}`);
            for (const st of states) {
                for (const session of st.sessions) {
                    await session
                        .close()
                        .catch((err) => reporter.warn(`${st.id} ${session.suite}: cleanup failed: ${err.message}`));
                }
            }
            await netservers.stop();
            // Teardown always runs, also after a failed prepare or a cancel.
            for (const st of states) {
                try {
                    await st.env.teardown();
                }
                catch (err) {
                    reporter.warn(`${st.id}: teardown failed: ${err.message}`);
                }
            }
            reporter.groupEnd();
            await store.flush();
        }
        async function prepareEnv(st) {
            const logDir = join(options.outDir, 'logs', st.id, 'environment');
            await mkdir(logDir, { recursive: true });
            await st.env.prepare({
                board: boardOf(),
                logDir,
                signal,
                log: (line) => reporter.info(`${st.id}: ${line}`),
                runId,
                track: (item) => ledger.track(item),
                ...(unixbench?.path ? { unixbenchTree: unixbench.path } : {}),
            });
            const fp = await st.env.fingerprint();
            const entry = results.environments.find((e) => e.id === st.id);
            // What the run deployed for this environment (provenance), beside what it read inside.
            entry.fingerprint = { ...fp, ...options.deployment?.facts({ mode: st.env.bootMode, envId: st.id }) };
            // Refuse to measure in the wrong mode: Dom0 must prove Xen, the host must not be under Xen's Dom0.
            const proven = bootModeOf(fp);
            if ((st.env.kind === 'xen-dom0' || st.env.kind === 'host') && proven !== st.env.bootMode) {
                throw new Error(`fingerprint shows the board in ${proven} mode, but ${st.env.kind} needs ${st.env.bootMode}`);
            }
            st.transport = withEnv(st.env.transport(), st.vars);
            st.prepared = true;
            const io = st.env.io?.() ?? boardIo(undefined, false);
            for (const suite of enabled) {
                if (cancelled())
                    break;
                try {
                    const session = await openSuite(suite, suites, {
                        envId: st.id,
                        runId,
                        transport: st.transport,
                        logFile: (ref) => store.logFile(ref),
                        registerLog: async (ref) => {
                            await store.registerLog(ref);
                        },
                        io,
                        board: boardOf(),
                        peer: async () => peerTarget(peer, io.net, config.board.connection.type, await controllerOf()),
                        netservers,
                        netserverHost,
                        signal,
                        info: (line) => reporter.info(line),
                        ...(unixbench ? { unixbench } : {}),
                    });
                    st.sessions.push(session);
                    // What the session read from inside belongs to the environment's fingerprint.
                    Object.assign(entry.fingerprint, session.facts ?? {});
                }
                catch (err) {
                    st.sessions.push({
                        suite,
                        cells: plannedCells(suite, suites),
                        unavailable: {
                            kind: 'setup',
                            message: `${suite}: setup in '${st.id}' failed: ${err.message}`,
                        },
                        close: async () => undefined,
                    });
                }
            }
        }
    }
}
/** What a run record says about an environment: enough to remove what it may leave. */
function recordOf(e) {
    const s = e.settings;
    return {
        id: e.id,
        kind: e.kind,
        ...(e.kind === 'xen-domu' && typeof s.name === 'string' ? { domain: s.name } : {}),
        ...(e.kind === 'docker' && Array.isArray(s.docker) ? { docker: s.docker.map(String) } : {}),
        ...(e.kind === 'docker' && typeof s.dockerHost === 'string' ? { dockerHost: s.dockerHost } : {}),
    };
}

/** `PR #42@abc1234`, `abc1234`, or `unknown commit`. */
function changeOf(d) {
    const c = d.commit ? d.commit.slice(0, 7) : undefined;
    if (d.label && c)
        return `${d.label}@${c}`;
    return d.label ?? c ?? 'unknown commit';
}
const ENV_ROLE = {
    kernel: 'guest.kernel',
    initrd: 'guest.initrd',
    disk: 'guest.disk',
    'domain-config': 'guest.domainConfig',
    image: 'image',
    context: 'image.context',
};
/** The `deployed` fingerprint facts for the board in `mode`, or for environment `envId` (of that mode). */
function deployFacts(d, target) {
    const out = {};
    const sha = (h) => `sha256:${h.slice(0, 12)}`;
    const bootUnderTest = d.modes.includes(target.mode);
    if (bootUnderTest) {
        for (const f of d.files)
            if (f.scope === target.mode)
                out[`boot.${f.role}`] = sha(f.sha256);
        for (const [k, v] of Object.entries(d.args)) {
            const [scope, name] = k.split('.', 2);
            if (scope === target.mode)
                out[`boot.${name}`] = v;
        }
        for (const f of d.files)
            if (f.scope === 'modules')
                out['boot.modules'] = sha(f.sha256);
    }
    if (target.envId !== undefined) {
        const scope = `env:${target.envId}`;
        for (const f of d.files)
            if (f.scope === scope)
                out[ENV_ROLE[f.role] ?? f.role] = sha(f.sha256);
        for (const [k, v] of Object.entries(d.args)) {
            if (k.startsWith(`${scope}.`))
                out[`guest.${k.slice(scope.length + 1)}`] = v;
        }
    }
    // Files and commands may change anything on the board.
    for (const f of d.files)
        if (f.scope === 'files')
            out[`files.${f.target.split('/').pop() ?? f.role}`] = sha(f.sha256);
    if (d.commands.length > 0)
        out.commands = d.commands.map((c) => c.argv.join(' ')).join(' && ');
    if (Object.keys(out).length === 0)
        return {};
    return {
        deployed: {
            change: changeOf(d),
            ...(d.commit ? { commit: d.commit } : {}),
            slot: bootUnderTest ? `under-test ${d.id}` : 'known-good',
            ...out,
        },
    };
}
function notMeasured(r) {
    return r.environments.filter((e) => e.skipped).map((e) => e.id);
}
/** The stage names of DeployBoot.stage, as a sentence says them. */
function stageName(stage) {
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
function deployHeadline(current, baseline) {
    const d = current.deploy;
    if (!d)
        return undefined;
    const who = changeOf(d);
    const board = current.board.name;
    const skipped = notMeasured(current);
    const unmeasured = skipped.length ? ` Not measured: ${skipped.join(', ')}.` : '';
    if (d.status === 'did-not-boot') {
        const b = d.boots.find((x) => x.outcome !== 'booted');
        const why = b?.message?.replace(/^the change did not boot: /, '') ??
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
        ...new Set([...d.files.map((f) => f.role), ...Object.keys(d.args).map((k) => k.split('.').pop())]),
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
function headlineMarkdown(h, escape) {
    return h.lead ? `**${h.lead}**: ${escape(h.text)}` : escape(h.text);
}

export { sha256File as A, BoardConfigError as B, DeployError as C, DeployInputError as D, logFileFor as E, deployFacts as F, changeOf as G, HYP_UNAVAILABLE as H, DidNotBootError as I, createBoardTransport as J, LocalTransport as L, NetperfTest as N, PlanError as P, ResultsFileError as R, TOOL_VERSION as T, analyze as a, renderMarkdown as b, renderCsv as c, renderHtml as d, ParseError as e, resolveRun as f, refusal as g, groupByBootMode as h, plannedCells as i, formatDuration as j, BoardCancelledError as k, lineReporter as l, escapeMarkdown as m, nominalCellSeconds as n, runBench as o, parsers as p, deployHeadline as q, readResultsFile as r, stageName as s, headlineMarkdown as t, groupedReporter as u, kvmInitializedMode as v, writeReports as w, BoardError as x, BootSwitchError as y, BoardUnreachableError as z };

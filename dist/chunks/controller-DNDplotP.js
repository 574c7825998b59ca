import { open, readFile, rm, appendFile, stat, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { i as isConfigFailure } from './types-wg0IM0kg.js';
import { b as kvmInitializedMode, H as HYP_UNAVAILABLE, c as BoardError, B as BoardConfigError, r as refusal, d as BootSwitchError, a as BoardCancelledError, e as BoardUnreachableError } from './kvm-log-C4l-EQrw.js';

/**
 * Two jobs must never drive one board. Two locks:
 *  - on the board itself: a directory made with an atomic `mkdir` (owner, pid, time
 *    inside), kept across reboots (it lives on the rootfs), refreshed after each boot, and
 *    taken over only when older than `staleSeconds`;
 *  - on the controller: an exclusive-create lockfile holding our pid, taken over when
 *    that pid is gone.
 * The scripts are fixed text; path, owner and limits arrive as positional arguments.
 */
/**
 * $1 lock dir, $2 owner, $3 stale seconds, $4 (optional) an owner known to be dead: its lock is
 * taken over at once. Prints ACQUIRED / TAKEN-OVER <old> / HELD <owner>.
 */
const BOARD_LOCK_ACQUIRE = [
    'd=$1; owner=$2; stale=$3; dead=${4:-}; now=$(date +%s)',
    'mkdir -p "$(dirname "$d")" || exit 4',
    'write() { printf "%s\\n" "$owner" >"$d/owner" && printf "%s\\n" "$now" >"$d/time" && sync; }',
    'if mkdir "$d" 2>/dev/null; then write; echo ACQUIRED; exit 0; fi',
    'held=$(cat "$d/owner" 2>/dev/null); t=$(cat "$d/time" 2>/dev/null); case "$t" in ""|*[!0-9]*) t=0;; esac',
    'if [ "$held" = "$owner" ]; then write; echo ACQUIRED; exit 0; fi',
    'if [ $((now - t)) -gt "$stale" ] || { [ -n "$dead" ] && [ "$held" = "$dead" ]; }; then',
    // Rename is atomic: of two jobs taking over at once, only one renames the old dir away.
    '  if mv "$d" "$d.stale.$$" 2>/dev/null && mkdir "$d" 2>/dev/null; then rm -rf "$d.stale.$$"; write; echo "TAKEN-OVER $held (idle $((now - t)) s)"; exit 0; fi',
    'fi',
    'echo "HELD $held since $t (now $now)"; exit 3',
].join('\n');
/** $1 lock dir, $2 owner: refresh the time if we own it. Prints OK / LOST <owner>. */
const BOARD_LOCK_REFRESH = [
    'd=$1; owner=$2',
    'held=$(cat "$d/owner" 2>/dev/null)',
    'if [ "$held" = "$owner" ]; then date +%s >"$d/time"; sync; echo OK; exit 0; fi',
    'echo "LOST $held"; exit 3',
].join('\n');
/** $1 lock dir, $2 owner: remove it only if it is ours. */
const BOARD_LOCK_RELEASE = [
    'd=$1; owner=$2',
    'held=$(cat "$d/owner" 2>/dev/null)',
    'if [ "$held" = "$owner" ]; then rm -rf "$d"; sync; echo RELEASED; exit 0; fi',
    'echo "NOT-OURS $held"; exit 0',
].join('\n');
class BoardLockedError extends Error {
    name = 'BoardLockedError';
}
/** Parses the acquire script's answer (pure). */
function parseLockAnswer(output, exitCode) {
    const line = output.trim().split('\n').pop() ?? '';
    if (exitCode === 0 && line === 'ACQUIRED')
        return { acquired: true };
    if (exitCode === 0 && line.startsWith('TAKEN-OVER '))
        return { acquired: true, tookOverFrom: line.slice('TAKEN-OVER '.length) };
    if (line.startsWith('HELD '))
        return { acquired: false, heldBy: line.slice('HELD '.length) };
    return {
        acquired: false,
        heldBy: `(lock script failed, exit ${String(exitCode)}: ${output.trim().slice(0, 200)})`,
    };
}
/**
 * The owner of a board lock (`host:pid:time`) when it is a process of this machine that is gone:
 * its run was killed, and its lock need not wait out staleSeconds.
 */
function deadLocalOwner(heldBy, alive = pidAlive) {
    const owner = heldBy.replace(/ since \S+ \(now \S+\)$/, '');
    const m = /^([^:]+):(\d+):/.exec(owner);
    if (!m || m[1] !== hostname())
        return undefined;
    return alive(Number(m[2])) ? undefined : owner;
}
async function acquireBoardLock(board, o) {
    const attempt = async (dead) => {
        const r = await board.exec([
            'sh',
            '-c',
            BOARD_LOCK_ACQUIRE,
            'avb-lock',
            o.path,
            o.owner,
            String(o.staleSeconds),
            ...(dead ? [dead] : []),
        ], { timeoutMs: o.timeoutMs, logPath: o.logPath });
        return parseLockAnswer(r.output, r.exitCode);
    };
    let a = await attempt();
    if (!a.acquired) {
        // A holder on this controller whose process is gone (a killed run) is no holder.
        const dead = deadLocalOwner(a.heldBy);
        if (dead)
            a = await attempt(dead);
    }
    if (!a.acquired)
        throw new BoardLockedError(`board lock ${o.path} is held by ${a.heldBy}: another job drives this board`);
    return a;
}
async function refreshBoardLock(board, o) {
    const r = await board.exec(['sh', '-c', BOARD_LOCK_REFRESH, 'avb-lock', o.path, o.owner], {
        timeoutMs: o.timeoutMs,
        logPath: o.logPath,
    });
    if (r.exitCode !== 0)
        throw new BoardLockedError(`board lock ${o.path} was lost: ${r.output.trim()}`);
}
async function releaseBoardLock(board, o) {
    await board.exec(['sh', '-c', BOARD_LOCK_RELEASE, 'avb-lock', o.path, o.owner], {
        timeoutMs: o.timeoutMs,
        logPath: o.logPath,
    });
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/** The controller-side lock. Returns a release function. */
async function acquireLocalLock(path, board) {
    const content = {
        pid: process.pid,
        host: hostname(),
        time: new Date().toISOString(),
        board,
    };
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const fh = await open(path, 'wx', 0o644);
            await fh.writeFile(JSON.stringify(content) + '\n');
            await fh.close();
            return async () => {
                try {
                    const now = JSON.parse(await readFile(path, 'utf8'));
                    if (now.pid === process.pid)
                        await rm(path, { force: true });
                }
                catch {
                    // Already gone.
                }
            };
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            let held = {};
            try {
                held = JSON.parse(await readFile(path, 'utf8'));
            }
            catch {
                // Unreadable or half-written: treated as stale below only when no pid can be read.
            }
            const stale = typeof held.pid !== 'number' ||
                (held.host === hostname() && held.pid !== process.pid && !pidAlive(held.pid));
            if (!stale || attempt > 0) {
                throw new BoardLockedError(`controller lock ${path} is held by pid ${String(held.pid)} on ${String(held.host)} since ${String(held.time)} (board ${board})`);
            }
            await rm(path, { force: true });
        }
    }
    throw new BoardLockedError(`controller lock ${path}: could not be taken`);
}

/**
 * Sections start with `@@name`. The script is fixed text: nothing from config or from
 * the board's output is ever spliced into it.
 */
const PROBE_SCRIPT = [
    'export LC_ALL=C',
    'echo @@boot_id; cat /proc/sys/kernel/random/boot_id 2>/dev/null',
    'echo @@kernel; uname -r',
    'echo @@arch; uname -m',
    'echo @@cmdline; cat /proc/cmdline 2>/dev/null',
    'echo @@hypervisor_type; cat /sys/hypervisor/type 2>/dev/null',
    // "file:" tells an empty capabilities file (a DomU) from no file (not Xen, or no xenfs).
    'echo @@xen_capabilities; if [ -r /proc/xen/capabilities ]; then echo file:; cat /proc/xen/capabilities; fi',
    'echo @@dev_kvm; if [ -c /dev/kvm ]; then echo present; else echo absent; fi',
    "echo @@dmesg; dmesg 2>/dev/null | grep -iE 'kvm|hyp mode|el2|xen' | head -n 40",
    'echo @@xl_info; if [ -e /proc/xen/capabilities ] && grep -q control_d /proc/xen/capabilities 2>/dev/null && command -v xl >/dev/null 2>&1; then timeout 20 xl info 2>/dev/null | head -n 40; fi',
    'echo @@end',
].join('\n');
class ProbeParseError extends Error {
    name = 'ProbeParseError';
}
/** Parses the probe script's output. Throws when the output is not a complete probe. */
function parseProbe(output) {
    const sections = new Map();
    let current;
    for (const raw of output.split(/\r?\n/)) {
        const m = /^@@([a-z_]+)$/.exec(raw.trim());
        if (m?.[1]) {
            current = [];
            sections.set(m[1], current);
        }
        else
            current?.push(raw.replace(/\s+$/, ''));
    }
    if (!sections.has('end'))
        throw new ProbeParseError('probe output is incomplete (no @@end marker): the command was cut short');
    const text = (name) => {
        const lines = sections.get(name);
        if (!lines)
            return undefined;
        const t = lines.join('\n').trim();
        return t;
    };
    const need = (name) => {
        const t = text(name);
        if (!t)
            throw new ProbeParseError(`probe output has no ${name}`);
        return t;
    };
    const hv = text('hypervisor_type');
    const caps = sections.get('xen_capabilities');
    const xlInfo = {};
    for (const line of sections.get('xl_info') ?? []) {
        const m = /^([a-z_]+)\s*:\s*(.*)$/.exec(line.trim());
        if (m?.[1] && m[2] !== undefined)
            xlInfo[m[1]] = m[2];
    }
    return {
        bootId: need('boot_id'),
        kernel: need('kernel'),
        arch: need('arch'),
        cmdline: text('cmdline') ?? '',
        hypervisorType: hv ? hv : undefined,
        xenCapabilities: caps?.[0]?.trim() === 'file:' ? caps.slice(1).join('\n').trim() : undefined,
        devKvm: text('dev_kvm') === 'present',
        dmesg: (sections.get('dmesg') ?? []).map((l) => l.trim()).filter((l) => l !== ''),
        xlInfo,
    };
}
/** Parses `5.10.0-23-armmp-lpae` → [5, 10]. */
function kernelVersion(release) {
    const m = /^(\d+)\.(\d+)/.exec(release);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
}
/** True for 32-bit ARM userlands/kernels as `uname -m` names them. */
function isArm32(arch) {
    return /^(armv[4-8][a-z]*|arm|armhf|armel)$/i.test(arch.trim());
}
/** Whether this boot can host KVM guests, and if not, the plain reason. */
function kvmStatus(p) {
    if (p.devKvm)
        return { available: true };
    const v = kernelVersion(p.kernel);
    if (isArm32(p.arch) && v && (v[0] > 5 || (v[0] === 5 && v[1] >= 7))) {
        return {
            available: false,
            reason: `32-bit ARM kernel ${p.kernel} (${p.arch}): KVM host support for 32-bit ARM was removed in Linux 5.7; use a kernel older than 5.7 or an arm64 kernel`,
        };
    }
    if (p.hypervisorType === 'xen') {
        return {
            available: false,
            reason: 'running under Xen: EL2 belongs to the hypervisor, no /dev/kvm in this boot',
        };
    }
    const notAvail = p.dmesg.find((l) => HYP_UNAVAILABLE.test(l));
    if (notAvail) {
        return {
            available: false,
            reason: `the kernel was not started in HYP/EL2 mode (the boot firmware must enter it at EL2): "${notAvail}"`,
        };
    }
    return {
        available: false,
        reason: 'no /dev/kvm: the kvm module is not loaded or the kernel has no KVM support',
    };
}
/** Decides the boot mode from the probe. Pure. */
function detectBootMode(p) {
    const evidence = [`kernel ${p.kernel} (${p.arch})`];
    const kvm = kvmStatus(p);
    const xenDmesg = p.dmesg.some((l) => /Xen version|Booting kernel on Xen|xen:|Xen .*support/i.test(l));
    if (p.hypervisorType === 'xen' || p.xenCapabilities !== undefined) {
        evidence.push(`/sys/hypervisor/type = ${p.hypervisorType ?? '(absent)'}`);
        const caps = p.xenCapabilities;
        evidence.push(`/proc/xen/capabilities = ${caps === undefined ? '(absent)' : caps === '' ? '(empty)' : caps}`);
        const xenRole = caps === undefined ? 'unknown' : caps.split(/\s+/).includes('control_d') ? 'dom0' : 'domU';
        if (p.xlInfo.xen_version)
            evidence.push(`xl info: xen_version ${p.xlInfo.xen_version}`);
        evidence.push(p.devKvm ? '/dev/kvm present (unexpected under Xen)' : '/dev/kvm absent');
        return { mode: 'xen', xenRole, evidence, kvm };
    }
    if (xenDmesg)
        evidence.push('dmesg mentions Xen but /sys/hypervisor/type is not xen: treated as linux');
    evidence.push('/sys/hypervisor/type absent');
    evidence.push(p.devKvm ? '/dev/kvm present' : `/dev/kvm absent: ${kvm.reason ?? ''}`);
    const hyp = p.dmesg.find((l) => kvmInitializedMode(l) !== undefined);
    if (hyp)
        evidence.push(`dmesg: ${hyp}`);
    return { mode: 'linux', evidence, kvm };
}
/** The board's fingerprint for one boot mode (merged into results.json `board`). */
function probeFingerprint(p, d) {
    const fp = {
        kernel: p.kernel,
        arch: p.arch,
        cmdline: p.cmdline,
        bootMode: d.mode,
        kvm: d.kvm.available ? 'available (/dev/kvm)' : `unavailable: ${d.kvm.reason ?? ''}`,
        dmesgVirtualization: p.dmesg,
        bootId: p.bootId,
    };
    if (d.mode === 'xen') {
        fp.hypervisor = 'xen';
        if (p.xenCapabilities !== undefined)
            fp.xenCapabilities = p.xenCapabilities;
        fp.xenRole = d.xenRole;
        const xv = p.xlInfo;
        if (xv.xen_major && xv.xen_minor)
            fp.hypervisorVersion = `${xv.xen_major}.${xv.xen_minor}${xv.xen_extra ?? ''}`;
        if (Object.keys(xv).length > 0)
            fp.xlInfo = xv;
    }
    return fp;
}
class WrongBootModeError extends Error {
    expected;
    detection;
    name = 'WrongBootModeError';
    constructor(expected, detection) {
        super(`refusing to measure: the board is in the ${detection.mode}${detection.xenRole ? ` (${detection.xenRole})` : ''} boot, expected ${expected}${detection.xenRole === 'unknown' ? ' as Dom0 (mount xenfs on /proc/xen so the control domain can be recognised)' : ''} — ${detection.evidence.join('; ')}`);
        this.expected = expected;
        this.detection = detection;
    }
}
/** Throws unless the detection matches the mode we are about to measure in. */
function assertBootMode(expected, d) {
    if (d.mode !== expected || (d.mode === 'xen' && d.xenRole !== 'dom0'))
        throw new WrongBootModeError(expected, d);
}

/**
 * Rewrites the DEFAULT line of an extlinux.conf to $AVB_LABEL (checked to exist as a
 * LABEL first), atomically (temp file + rename). Fixed text; path and label come in as
 * environment variables.
 */
const EXTLINUX_SET_DEFAULT = [
    'set -eu',
    'f=$AVB_PATH; label=$AVB_LABEL',
    '[ -f "$f" ] || { echo "extlinux: no such file: $f" >&2; exit 2; }',
    'awk \'BEGIN{l=ENVIRON["AVB_LABEL"]} toupper($1)=="LABEL"{n=$0; sub(/^[ \\t]*[Ll][Aa][Bb][Ee][Ll][ \\t]+/,"",n); if(n==l) found=1} END{exit found?0:1}\' "$f" || { echo "extlinux: no LABEL $label in $f" >&2; exit 3; }',
    'tmp="$f.avb-tmp"',
    'awk \'BEGIN{l=ENVIRON["AVB_LABEL"]; done=0} toupper($1)=="DEFAULT"{print "DEFAULT " l; done=1; next} {print} END{if(!done) print "DEFAULT " l}\' "$f" >"$tmp"',
    'sync "$tmp" 2>/dev/null || true',
    'mv "$tmp" "$f"',
    'sync',
].join('\n');
/** Prints the DEFAULT label of $AVB_PATH. */
const EXTLINUX_GET_DEFAULT = 'awk \'toupper($1)=="DEFAULT"{sub(/^[ \\t]*[Dd][Ee][Ff][Aa][Uu][Ll][Tt][ \\t]+/,""); print; exit}\' "$AVB_PATH"';
function planSwitch(strategy, mode, defaultMode) {
    switch (strategy.type) {
        case 'uboot-env': {
            const value = strategy.values[mode];
            const set = (name, v, what) => ({
                on: 'board',
                argv: [...strategy.setenvCommand, name, v],
                what,
            });
            const steps = [set(strategy.variable, value, `select ${mode} (${strategy.variable}=${value})`)];
            const checks = [
                {
                    argv: [...strategy.printenvCommand, '-n', strategy.variable],
                    expect: value,
                    what: `${strategy.variable} reads back ${value}`,
                },
            ];
            const confirm = [];
            const trial = strategy.oneShot && mode !== defaultMode;
            if (strategy.oneShot) {
                if (trial) {
                    steps.push(set('bootlimit', String(strategy.oneShot.bootlimit), 'trial boot: bootlimit'), set('altbootcmd', strategy.oneShot.altbootcmd, 'trial boot: altbootcmd (fallback)'), set('bootcount', '0', 'trial boot: bootcount=0'), set('upgrade_available', '1', 'trial boot: upgrade_available=1'));
                    checks.push({
                        argv: [...strategy.printenvCommand, '-n', 'upgrade_available'],
                        expect: '1',
                        what: 'trial boot armed',
                    });
                    confirm.push(set('upgrade_available', '0', 'confirm the verified boot: upgrade_available=0'), set('bootcount', '0', 'confirm the verified boot: bootcount=0'));
                }
                else {
                    // Back to the default: no trial, clear any left-over trial state.
                    steps.push(set('upgrade_available', '0', 'no trial boot'), set('bootcount', '0', 'bootcount=0'));
                }
            }
            return { steps, checks, confirm };
        }
        case 'extlinux': {
            const env = { AVB_PATH: strategy.path, AVB_LABEL: strategy.labels[mode] };
            return {
                steps: [
                    {
                        on: 'board',
                        argv: ['sh', '-c', EXTLINUX_SET_DEFAULT],
                        env,
                        what: `extlinux DEFAULT ${strategy.labels[mode]}`,
                    },
                ],
                checks: [
                    {
                        argv: ['sh', '-c', EXTLINUX_GET_DEFAULT],
                        // The script reads the path from here: without it the read-back read nothing and
                        // could never confirm the new default.
                        env: { AVB_PATH: strategy.path },
                        expect: strategy.labels[mode],
                        what: `extlinux DEFAULT in ${strategy.path} reads back ${strategy.labels[mode]}`,
                    },
                ],
                confirm: [],
            };
        }
        case 'grub-reboot': {
            const entry = strategy.entries[mode];
            // The default mode is made the saved default; another mode only for the next boot,
            // so any later reset (power-cycle included) returns to the default by itself.
            const argv = mode === defaultMode ? [...strategy.setDefaultCommand, entry] : [...strategy.rebootCommand, entry];
            return { steps: [{ on: 'board', argv, what: `${argv[0] ?? ''} ${entry}` }], checks: [], confirm: [] };
        }
        case 'command':
            return {
                steps: [
                    { on: strategy.on, argv: [...strategy.commands[mode]], what: `user switch command for ${mode}` },
                ],
                checks: [],
                confirm: [],
            };
    }
}

/**
 * Drives one board from the controller: lock it, learn its boot mode, switch modes
 * (strategy steps → reboot → wait for SSH to go down and come back with a new boot id →
 * detect and verify the mode), recover a board that does not come back (power-cycle,
 * wait again, then a clear failure) and leave it in its default mode.
 *
 * `switchBootMode` is the engine's hook; `withBoard` guarantees `restoreDefault` and the
 * lock release at the end of a run, also after a failure or a cancel.
 */
class BoardController {
    o;
    board;
    releaseLocal;
    lockOpts;
    consoleAbort;
    consoleDone;
    seq = 0;
    /** The last wait ended on a console failure pattern (not on its timeout). */
    consoleFailed = false;
    signal;
    owner;
    cfg;
    /** consoleFailurePatterns, compiled once (the config schema checked that they compile). */
    failurePatterns;
    /** The last verified state per mode. */
    fingerprints = {};
    /** The latest probe, whatever the mode. */
    current;
    /** How many power-cycles this controller performed (for logs and tests). */
    powerCycles = 0;
    /** The last reason the board did not answer (repeated in every final failure). */
    lastError;
    closed = false;
    constructor(o) {
        this.o = o;
        this.cfg = o.config;
        this.failurePatterns = this.cfg.consoleFailurePatterns.map((p) => new RegExp(p));
        this.signal = o.signal;
        this.board = o.connect();
        this.owner = o.owner ?? `${hostname()}:${process.pid}:${new Date().toISOString()}`;
    }
    /** From now on the cancel signal is ignored (used for the final restore). */
    ignoreCancel() {
        this.signal = undefined;
    }
    /** The current board transport (replaced after each reboot). */
    transport() {
        return this.board;
    }
    get logFile() {
        return join(this.o.logDir, 'board.log');
    }
    async note(line) {
        const stamped = `${new Date().toISOString()} ${line}\n`;
        await appendFile(this.logFile, stamped).catch(() => undefined);
        this.o.log?.(`board ${this.cfg.name}: ${line}`);
    }
    logPath(what) {
        this.seq += 1;
        return join(this.o.logDir, `${String(this.seq).padStart(2, '0')}-${what}.log`);
    }
    ms(seconds) {
        return Math.round(seconds * 1000);
    }
    keptLogs() {
        const l = [this.logFile];
        if (this.cfg.consoleCommand)
            l.push(this.consoleLog);
        return l;
    }
    get consoleLog() {
        return join(this.o.logDir, 'console.log');
    }
    /** Where the console capture has got to: failure patterns are looked for after this. */
    async consoleMark() {
        if (this.failurePatterns.length === 0)
            return 0;
        return stat(this.consoleLog).then((s) => s.size, () => 0);
    }
    /** The first console line since `mark` that matches a failure pattern. */
    async consoleFailure(mark) {
        if (this.failurePatterns.length === 0)
            return undefined;
        // Only what the console printed since the mark: a board's console log can grow large.
        const text = await readFileFrom(this.consoleLog, mark);
        return text.split(/\r?\n/).find((line) => this.failurePatterns.some((re) => re.test(line)));
    }
    /** Locks, starts the console capture, makes sure the board answers, and probes it. */
    async open() {
        this.closed = false;
        try {
            return await this.openInner();
        }
        catch (e) {
            // Nothing half-taken stays behind: console stopped, controller lock released.
            await this.close();
            throw e;
        }
    }
    async openInner() {
        await mkdir(this.o.logDir, { recursive: true });
        await this.note(`open (owner ${this.owner}, via ${this.board.description})`);
        if (this.cfg.lock.enabled) {
            const local = this.cfg.lock.localPath ??
                join(tmpdir(), `arm-virt-bench-${this.cfg.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.lock`);
            this.releaseLocal = await acquireLocalLock(local, this.cfg.name);
            await this.note(`controller lock ${local} taken`);
        }
        this.startConsole();
        const state = await this.probeOrRecover();
        if (this.cfg.lock.enabled) {
            this.lockOpts = {
                path: this.cfg.lock.boardPath,
                owner: this.owner,
                staleSeconds: this.cfg.lock.staleSeconds,
                timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
                logPath: join(this.o.logDir, 'lock.log'),
            };
            const got = await acquireBoardLock(this.board, this.lockOpts);
            await this.note(got.tookOverFrom
                ? `board lock ${this.lockOpts.path} taken over from stale ${got.tookOverFrom}`
                : `board lock ${this.lockOpts.path} taken`);
        }
        return state;
    }
    startConsole() {
        const argv = this.cfg.consoleCommand;
        if (!argv)
            return;
        this.consoleAbort = new AbortController();
        const logPath = join(this.o.logDir, 'console.log');
        void this.note(`console capture: ${argv.join(' ')} → ${logPath}`);
        this.consoleDone = this.o.controller
            .exec(argv, { timeoutMs: 7 * 24 * 3600 * 1000, logPath, signal: this.consoleAbort.signal })
            .catch((e) => this.note(`console capture failed: ${String(e)}`));
    }
    /** Probes the board once; throws when it does not answer. */
    async probe(label) {
        const logPath = this.logPath(`probe-${label}`);
        let r;
        try {
            r = await this.board.exec(['sh', '-c', PROBE_SCRIPT], {
                timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
                logPath,
            });
        }
        catch (e) {
            throw this.refusal(e) ?? e;
        }
        if (r.exitCode !== 0 && !r.output.includes('@@end')) {
            throw new BoardError(`probe failed (exit ${String(r.exitCode)}${r.timedOut ? ', timed out' : ''})`, [
                logPath,
            ]);
        }
        const probe = parseProbe(r.output);
        const detection = detectBootMode(probe);
        const fingerprint = probeFingerprint(probe, detection);
        this.current = { probe, detection, fingerprint };
        await this.note(`detected ${detection.mode}${detection.xenRole ? `/${detection.xenRole}` : ''} (boot ${probe.bootId}): ${detection.evidence.join('; ')}`);
        return this.current;
    }
    /** Verifies the board is in `mode` (as Dom0 for xen) before measuring; refuses otherwise. */
    async verifyMode(mode) {
        const s = await this.probe(`verify-${mode}`);
        assertBootMode(mode, s.detection);
        this.fingerprints[mode] = s.fingerprint;
        return s;
    }
    /**
     * A host-key mismatch or a refused key: a configuration error (no wait, no power-cycle can
     * fix it), with the transport's own reason last. Undefined for any other error.
     */
    refusal(e) {
        if (e instanceof BoardConfigError)
            return e;
        return isConfigFailure(e) ? refusal(this.cfg.name, e) : undefined;
    }
    errorText(e) {
        return e instanceof Error ? e.message : String(e);
    }
    /** " Last error: …" for final failures. */
    lastErrorText() {
        return this.lastError ? ` Last error: ${this.lastError}` : '';
    }
    async probeOrRecover() {
        this.o.activity?.(`connecting to board ${this.cfg.name} (${this.board.description})`);
        try {
            return await this.probe('initial');
        }
        catch (e) {
            const refused = this.refusal(e);
            if (refused) {
                await this.note(refused.message);
                throw refused;
            }
            this.lastError = this.errorText(e);
            await this.note(`board does not answer at start: ${String(e)}`);
        }
        // It may still be booting (a previous job's reboot, a board just powered on).
        const wait = this.cfg.timeouts.startSeconds;
        this.o.activity?.(`waiting up to ${wait}s for board ${this.cfg.name} to answer (timeouts.startSeconds; it may be booting)`);
        if (wait > 0 && (await this.waitFor(wait, (id) => id !== undefined))) {
            await this.note('answers now');
            return this.probe('initial-after-wait');
        }
        await this.note(`no answer within ${wait}s`);
        await this.recover(undefined);
        return this.probe('after-recovery');
    }
    /**
     * The engine's hook: make the board run `mode`, verified. A no-op (beyond the check)
     * when it already does.
     */
    async switchBootMode(mode) {
        this.signal?.throwIfAborted();
        const now = this.current ?? (await this.probeOrRecover());
        if (now.detection.mode === mode)
            return this.verifyMode(mode);
        const strategy = this.cfg.switch;
        if (!strategy) {
            throw new BootSwitchError(`the board is in the ${now.detection.mode} boot and ${mode} was asked for, but board.switch is not configured`, this.keptLogs());
        }
        await this.note(`switch ${now.detection.mode} → ${mode} (${strategy.type})`);
        const plan = planSwitch(strategy, mode, this.cfg.defaultBootMode);
        for (const step of plan.steps)
            await this.runStep(step);
        for (const check of plan.checks) {
            const logPath = this.logPath('check');
            const r = await this.board.exec(check.argv, {
                timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
                logPath,
                ...(check.env ? { env: check.env } : {}),
            });
            const got = r.output.trim();
            if (r.exitCode !== 0 || got !== check.expect) {
                throw new BootSwitchError(`${check.what}: expected ${JSON.stringify(check.expect)}, got ${JSON.stringify(got)} (exit ${String(r.exitCode)})`, [...this.keptLogs(), logPath]);
            }
        }
        await this.reboot();
        const after = await this.probe(`after-switch-${mode}`);
        if (after.detection.mode !== mode) {
            throw new BootSwitchError(`asked for the ${mode} boot but the board came back in ${after.detection.mode}${fallbackHint(strategy, mode)}`, this.keptLogs());
        }
        for (const step of plan.confirm)
            await this.runStep(step);
        if (this.lockOpts)
            await refreshBoardLock(this.board, this.lockOpts);
        return this.verifyMode(mode);
    }
    /** Puts the board back in its default mode (called at the end of every run). */
    async restoreDefault() {
        const mode = this.cfg.defaultBootMode;
        await this.note(`restore default mode ${mode}`);
        let state;
        try {
            state = await this.probe('before-restore');
        }
        catch (e) {
            await this.note(`board does not answer before restore: ${String(e)}`);
            await this.recover(undefined);
            state = await this.probe('before-restore-recovered');
        }
        // A recovered board may have fallen back to the default already; otherwise switch.
        if (state.detection.mode === mode) {
            // Clear left-over trial-boot state so the next reset stays in the default mode.
            if (this.cfg.switch?.type === 'uboot-env' && this.cfg.switch.oneShot) {
                const plan = planSwitch(this.cfg.switch, mode, mode);
                for (const step of plan.steps)
                    await this.runStep(step);
            }
            return this.verifyMode(mode);
        }
        return this.switchBootMode(mode);
    }
    async runStep(step) {
        const logPath = this.logPath(step.on === 'board' ? 'switch-step' : 'switch-step-controller');
        await this.note(`step (${step.on}): ${step.what}: ${step.argv.map((a) => (a.includes('\n') ? '<script>' : a)).join(' ')}`);
        const t = step.on === 'board' ? this.board : this.o.controller;
        const r = await t.exec(step.argv, {
            timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
            logPath,
            env: step.env,
            signal: this.signal,
        });
        if (r.exitCode !== 0) {
            throw new BootSwitchError(`${step.what} failed (exit ${String(r.exitCode)}${r.timedOut ? ', timed out' : ''}): ${r.output.trim().slice(-300)}`, [...this.keptLogs(), logPath]);
        }
    }
    /** One SSH poll: the boot id when the board answers, undefined when it does not. */
    async poll() {
        try {
            const r = await this.board.exec(['cat', '/proc/sys/kernel/random/boot_id'], {
                timeoutMs: this.ms(this.cfg.timeouts.pollSeconds),
                signal: this.signal,
            });
            const id = r.output.trim();
            if (r.exitCode === 0 && /^[0-9a-f-]{36}$/.test(id))
                return id;
            if (!r.cancelled)
                this.lastError = r.timedOut
                    ? `no answer within ${this.cfg.timeouts.pollSeconds}s (timeouts.pollSeconds)`
                    : `boot id probe exit ${String(r.exitCode)}: ${r.output.trim().slice(-200)}`;
            return undefined;
        }
        catch (e) {
            // A refusal ends every wait at once: the board is up, and waiting will not change its key.
            const refused = this.refusal(e);
            if (refused)
                throw refused;
            this.lastError = this.errorText(e);
            return undefined;
        }
    }
    async reconnect() {
        await this.board.close().catch(() => undefined);
        this.board = this.o.connect();
    }
    /**
     * Polls until `done(bootId)` or the deadline; returns whether it got there. With a console
     * mark, a console line matching a failure pattern (after the mark) ends the wait early.
     */
    async waitFor(seconds, done, consoleMark) {
        try {
            return await this.waitLoop(seconds, done, consoleMark);
        }
        catch (e) {
            if (this.signal?.aborted && !(e instanceof BoardError)) {
                throw new BoardCancelledError(`cancelled while waiting for board ${this.cfg.name} to answer (${((Date.now() - (this.waitStarted ?? Date.now())) / 1000).toFixed(0)}s of up to ${seconds}s)`, this.keptLogs());
            }
            throw e;
        }
    }
    waitStarted;
    async waitLoop(seconds, done, consoleMark) {
        const deadline = Date.now() + this.ms(seconds);
        const t0 = Date.now();
        this.waitStarted = t0;
        this.consoleFailed = false;
        for (;;) {
            this.signal?.throwIfAborted();
            const id = await this.poll();
            if (done(id))
                return true;
            if (id === undefined)
                await this.reconnect();
            if (consoleMark !== undefined) {
                const line = await this.consoleFailure(consoleMark);
                if (line !== undefined) {
                    await this.note(`console shows a failed boot after ${((Date.now() - t0) / 1000).toFixed(1)}s: ${line.trim().slice(0, 200)}`);
                    this.consoleFailed = true;
                    return false;
                }
            }
            if (Date.now() >= deadline)
                return false;
            await setTimeout(Math.min(this.ms(this.cfg.timeouts.pollIntervalSeconds), Math.max(0, deadline - Date.now())), undefined, {
                signal: this.signal,
            });
        }
    }
    /** Reboots the board and waits for it to come back with a new boot id (or recovers it). */
    async reboot() {
        const before = this.current?.probe.bootId ?? (await this.poll());
        const logPath = this.logPath('reboot');
        const mark = await this.consoleMark();
        await this.note(`reboot: ${this.cfg.rebootCommand.join(' ')} (boot ${before ?? 'unknown'})`);
        this.o.activity?.(`rebooting board ${this.cfg.name}`);
        const t0 = Date.now();
        try {
            const r = await this.board.exec(this.cfg.rebootCommand, {
                timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
                logPath,
            });
            if (r.exitCode !== 0 && r.exitCode !== null)
                await this.note(`reboot command exit ${r.exitCode} (the connection may drop while it runs)`);
        }
        catch (e) {
            // The connection dropping under a reboot is the expected outcome.
            await this.note(`reboot command: ${e instanceof Error ? e.message : String(e)}`);
        }
        const down = await this.waitFor(this.cfg.timeouts.shutdownSeconds, (id) => id === undefined || id !== before);
        if (!down) {
            await this.note(`still up with boot ${before ?? '?'} after ${this.cfg.timeouts.shutdownSeconds}s: the reboot did not happen`);
            await this.recover(before);
            return;
        }
        await this.note(`down after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
        await this.reconnect();
        const up = await this.waitFor(this.cfg.timeouts.bootSeconds, (id) => id !== undefined && id !== before, mark);
        if (!up) {
            if (!this.consoleFailed)
                await this.note(`not back within ${this.cfg.timeouts.bootSeconds}s`);
            await this.recover(before);
            return;
        }
        await this.note(`back after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }
    /** Power-cycle → wait; repeated `powerCycleAttempts` times; then a clear failure. */
    async recover(oldBootId) {
        const argv = this.cfg.powerCycleCommand;
        if (!argv || this.cfg.powerCycleAttempts === 0) {
            throw new BoardUnreachableError(`board ${this.cfg.name} is not reachable and no powerCycleCommand is configured: it needs a hand.${this.lastErrorText()}`, this.keptLogs());
        }
        const logs = this.keptLogs();
        for (let attempt = 1; attempt <= this.cfg.powerCycleAttempts; attempt++) {
            const logPath = this.logPath(`power-cycle-${attempt}`);
            logs.push(logPath);
            const mark = await this.consoleMark();
            await this.note(`power-cycle ${attempt}/${this.cfg.powerCycleAttempts}: ${argv.join(' ')}`);
            this.o.activity?.(`power-cycling board ${this.cfg.name} (${attempt}/${this.cfg.powerCycleAttempts})`);
            this.powerCycles += 1;
            const r = await this.o.controller.exec(argv, {
                timeoutMs: this.ms(this.cfg.timeouts.powerCycleSeconds),
                logPath,
                signal: this.signal,
            });
            if (r.exitCode !== 0) {
                this.lastError = `power-cycle command failed (exit ${String(r.exitCode)}${r.timedOut ? ', timed out' : ''}): ${r.output.trim().slice(-200)}`;
                await this.note(this.lastError);
                continue;
            }
            await this.reconnect();
            const t0 = Date.now();
            const up = await this.waitFor(this.cfg.timeouts.bootSeconds, (id) => id !== undefined && id !== oldBootId, mark);
            if (up) {
                await this.note(`back ${((Date.now() - t0) / 1000).toFixed(1)}s after power-cycle ${attempt}`);
                return;
            }
            if (!this.consoleFailed)
                await this.note(`not back ${this.cfg.timeouts.bootSeconds}s after power-cycle ${attempt}`);
        }
        throw new BoardUnreachableError((this.consoleFailed
            ? `board ${this.cfg.name} did not come back: the console showed a failed boot after ${this.cfg.powerCycleAttempts} power-cycle(s).`
            : `board ${this.cfg.name} did not come back: no SSH within ${this.cfg.timeouts.bootSeconds}s after ${this.cfg.powerCycleAttempts} power-cycle(s).`) +
            this.lastErrorText(), logs);
    }
    /** Releases the locks and stops the console capture. Never throws; a second call does nothing. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.lockOpts) {
            await releaseBoardLock(this.board, this.lockOpts).catch((e) => this.note(`board lock release failed: ${String(e)}`));
            await this.note('board lock released');
            this.lockOpts = undefined;
        }
        // A fresh (lazy) transport: the controller can be opened again.
        await this.reconnect();
        if (this.consoleAbort) {
            this.consoleAbort.abort();
            await this.consoleDone;
            this.consoleAbort = undefined;
        }
        if (this.releaseLocal) {
            await this.releaseLocal();
            this.releaseLocal = undefined;
        }
        await this.note('closed');
    }
}
function fallbackHint(strategy, mode) {
    if (strategy.type === 'uboot-env' && strategy.oneShot) {
        return ` — the trial boot of ${mode} failed and U-Boot fell back via altbootcmd (bootcount > bootlimit ${strategy.oneShot.bootlimit}); see the console log`;
    }
    return '';
}
/**
 * Runs `fn` with an open controller and always puts the board back in its default mode
 * and releases it afterwards — after success, failure or cancel. An error from `fn` wins
 * over one from the restore (which is logged). A board that could not be opened (e.g.
 * locked by another job) is not touched.
 */
async function withBoard(opts, fn) {
    const c = new BoardController(opts);
    try {
        await c.open();
    }
    catch (e) {
        await c.close();
        throw e;
    }
    let outcome;
    try {
        outcome = { ok: true, value: await fn(c) };
    }
    catch (e) {
        outcome = { ok: false, error: e };
    }
    let restoreError;
    try {
        // A cancelled run still leaves the board in its default mode.
        c.ignoreCancel();
        await c.restoreDefault();
    }
    catch (e) {
        restoreError = e;
        await appendFile(c.logFile, `${new Date().toISOString()} restoreDefault failed: ${String(e)}\n`).catch(() => undefined);
    }
    await c.close();
    if (!outcome.ok)
        throw outcome.error;
    if (restoreError !== undefined)
        throw restoreError;
    return outcome.value;
}
/** The text of `path` from byte `offset` on ('' when the file is missing or shorter). */
async function readFileFrom(path, offset) {
    const fh = await open(path, 'r').catch(() => undefined);
    if (!fh)
        return '';
    try {
        const size = (await fh.stat()).size;
        if (size <= offset)
            return '';
        const buf = Buffer.alloc(size - offset);
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        return buf.subarray(0, bytesRead).toString('utf8');
    }
    finally {
        await fh.close();
    }
}

export { BoardController, withBoard };

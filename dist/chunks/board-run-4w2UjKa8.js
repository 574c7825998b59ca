import { join, relative, sep, isAbsolute, dirname } from 'node:path';
import { open, readFile, rm, appendFile, stat, mkdir, writeFile, readdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { i as isConfigFailure, g as environmentRegistry, a as SshTransport, s as sshHostFromConfig } from './source-BOQ60Nqm.js';
import { v as kvmInitializedMode, H as HYP_UNAVAILABLE, x as BoardError, B as BoardConfigError, g as refusal, y as BootSwitchError, k as BoardCancelledError, z as BoardUnreachableError, A as sha256File, D as DeployInputError, C as DeployError, E as logFileFor, F as deployFacts, G as changeOf, I as DidNotBootError, J as createBoardTransport, o as runBench, L as LocalTransport } from './provenance-D3PcUZW_.js';
import { createHash } from 'node:crypto';
import 'process';
import 'buffer';
import 'node:fs';
import 'node:net';
import 'node:child_process';
import 'node:string_decoder';
import 'node:dgram';

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
    /** One line in board.log (and the progress log). */
    async note(line) {
        const stamped = `${new Date().toISOString()} ${line}\n`;
        await appendFile(this.logFile, stamped).catch(() => undefined);
        this.o.log?.(`board ${this.cfg.name}: ${line}`);
    }
    /** A new numbered log file in the board log folder. */
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
    /** Whether a serial console is captured (board.consoleCommand). */
    get hasConsole() {
        return this.cfg.consoleCommand !== undefined;
    }
    /** The console log's current size (a mark to read from later); undefined without a console. */
    async consoleOffset() {
        if (!this.hasConsole)
            return undefined;
        return stat(this.consoleLog).then((s) => s.size, () => 0);
    }
    /** What the console printed since `offset`. */
    async consoleSince(offset) {
        return readFileFrom(this.consoleLog, offset);
    }
    /** Refreshes the board lock after a boot (the lock directory survives reboots). */
    async refreshLock() {
        if (this.lockOpts)
            await refreshBoardLock(this.board, this.lockOpts);
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
    /** Runs one strategy step (on the board or the controller); a failure is a BootSwitchError. */
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
async function withBoard(opts, fn, 
/** How the board is put back at the end (default: restoreDefault); e.g. back on the known-good slot after a deploy. */
restore = (c) => c.restoreDefault()) {
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
        await restore(c);
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

/**
 * Where a boot stopped, read off its serial console (pure): the boot loader, Xen, the kernel,
 * the init system or userspace — and the line that says why (e.g. U-Boot's "Bad Linux ARM64
 * Image magic!", "Kernel panic - not syncing: ..."). The console text of a trial boot is split
 * into boot attempts at each boot-loader banner; the first attempt is the trial itself (later
 * ones are the fallback).
 */
/** A boot loader starting: U-Boot's banner (also SPL), GRUB, or the lab's power-on line. */
const BANNER = /^(?:U-Boot(?: SPL)? \d{4}\.\d{2}|GNU GRUB\s+version|=== avb-lab: power on)/;
const STAGES = [
    [
        'userspace',
        /systemd\[1\]: (?:Started|Reached target)|Welcome to |\blogin:|avb-guest: |OpenBSD Secure Shell server/,
    ],
    ['init', /Run \/\S*init as init process|Freeing unused kernel memory|Loading, please wait|Begin: /],
    ['kernel', /Booting Linux on physical CPU|Linux version \d|^\[\s*\d+\.\d+\] /],
    ['xen', /^\(XEN\)|Xen version \d|Xen \d+\.\d+/],
    ['boot loader', /U-Boot|GRUB|Starting kernel|^## |^Loading |bytes read in|avb-lab: /],
];
/** Lines that say why a boot stopped, most telling first. */
const REASONS = [
    /Kernel panic - not syncing.*/,
    /Bad Linux ARM\d* Image magic!?/,
    /Wrong Image Format.*|Bad (?:Data|Header) CRC.*|Unrecognized zImage/,
    /Panic on CPU \d+:?.*|\(XEN\) .*(?:Panic|panic|Could not|Unable to|Failed).*/,
    /Unable to mount root fs.*|VFS: Cannot open root device.*|Gave up waiting for root.*/,
    /Unable to handle kernel .*|Internal error: .*|Oops.*/,
    /\*\* (?:File not found|Unable to read file).*|Failed to load .*|FDT_ERR_\w+/,
    /avb-lab: BOOT FAILED.*/,
    /(?:ERROR|Error|error): .*/,
];
function clean(line) {
    // Console captures carry ANSI colours and carriage returns.
    return (line
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
        .replace(/\r/g, '')
        .trimEnd());
}
/** Splits console text into boot attempts (text before the first banner is the old boot's shutdown). */
function bootAttempts(text) {
    const attempts = [];
    let current;
    for (const raw of text.split('\n')) {
        const line = clean(raw);
        if (BANNER.test(line.trim())) {
            // The lab's power-on line is followed by U-Boot's banner: one attempt, not two.
            if (current && current.every((l) => l.trim() === '' || /^=== avb-lab: power on/.test(l.trim()))) {
                current.push(line);
                continue;
            }
            current = [line];
            attempts.push(current);
        }
        else
            current?.push(line);
    }
    return attempts;
}
function whereConsoleStopped(text) {
    const attempts = bootAttempts(text);
    const first = attempts[0];
    if (!first)
        return { attempts: 0, text: '' };
    const lines = first.filter((l) => l.trim() !== '');
    let stage;
    for (const [name, re] of STAGES) {
        if (lines.some((l) => re.test(l))) {
            stage = name;
            break;
        }
    }
    let line;
    for (const re of REASONS) {
        for (let i = lines.length - 1; i >= 0 && line === undefined; i--) {
            const m = re.exec(lines[i]);
            // Xen prefixes its lines with "(XEN) ": the reason reads better without it.
            if (m)
                line = m[0].replace(/^\(XEN\)\s*/, '').trim();
        }
        if (line !== undefined)
            break;
    }
    line ??= lines.at(-1)?.trim();
    return {
        stage,
        ...(line ? { line: line.slice(0, 300) } : {}),
        attempts: attempts.length,
        text: first.join('\n'),
    };
}
/** "the boot loader (U-Boot): Bad Linux ARM64 Image magic!" — for messages. */
function describeStop(stop, consoleConfigured) {
    if (!consoleConfigured)
        return 'unknown stage (no board.consoleCommand configured to read the console)';
    if (stop.attempts === 0 || stop.stage === undefined)
        return 'nothing on the console';
    const loader = /GRUB/.test(stop.text) ? 'GRUB' : /U-Boot/.test(stop.text) ? 'U-Boot' : undefined;
    const where = stop.stage === 'boot loader' && loader
        ? `the boot loader (${loader})`
        : stop.stage === 'boot loader'
            ? 'the boot loader'
            : stop.stage === 'xen'
                ? 'Xen'
                : stop.stage === 'kernel'
                    ? 'the kernel'
                    : stop.stage === 'init'
                        ? 'the init system (initramfs)'
                        : 'userspace (SSH never answered)';
    return stop.line ? `${where}: ${stop.line}` : where;
}

function kvmSettings(s, files, d) {
    let boot = s.boot;
    if (files.disk) {
        boot = {
            disk: files.disk,
            format: d.diskFormat ?? ('disk' in s.boot ? s.boot.format : 'raw'),
            ...('firmware' in s.boot && s.boot.firmware ? { firmware: s.boot.firmware } : {}),
        };
    }
    else if (files.kernel || files.initrd || d.append !== undefined) {
        const was = 'kernel' in s.boot ? s.boot : undefined;
        const kernel = files.kernel ?? was?.kernel;
        if (!kernel)
            throw new Error('a deployed initrd or append needs a kernel: deploy one, or configure boot.kernel');
        const initrd = files.initrd ?? was?.initrd;
        const append = d.append ?? was?.append;
        boot = { kernel, ...(initrd ? { initrd } : {}), ...(append !== undefined ? { append } : {}) };
    }
    return { ...s, boot, extraArgs: [...s.extraArgs, ...(d.qemuArgs ?? [])] };
}
function domuSettings(s, files, d) {
    if (files['domain-config']) {
        const { generate: _g, ...rest } = s;
        return { ...rest, configFile: files['domain-config'] };
    }
    if (!s.generate) {
        throw new Error('this xen-domu environment uses configFile: deploy its domainConfig (which names the kernel), or configure generate');
    }
    return {
        ...s,
        generate: {
            ...s.generate,
            ...(files.kernel ? { kernel: files.kernel } : {}),
            ...(files.initrd ? { ramdisk: files.initrd } : {}),
            ...(d.append !== undefined ? { cmdline: d.append } : {}),
        },
    };
}
/** The config with every environment of deploy section `d` pointed at its under-test files. */
function applyDeployment(config, d, plan) {
    const environments = config.environments.map((e) => {
        const dep = d.environments[e.id];
        if (!dep)
            return e;
        const files = plan.environments[e.id] ?? {};
        let settings;
        try {
            if (e.kind === 'kvm')
                settings = kvmSettings(e.settings, files, dep);
            else if (e.kind === 'xen-domu')
                settings = domuSettings(e.settings, files, dep);
            else if (e.kind === 'docker' && plan.imageTags[e.id])
                settings = { ...e.settings, image: plan.imageTags[e.id] };
            else
                settings = e.settings;
            const schema = environmentRegistry[e.kind].schema;
            settings = schema.parse(settings);
        }
        catch (err) {
            throw new Error(`deploy.environments.${e.id}: ${err.message}`);
        }
        return { ...e, settings };
    });
    return { ...config, environments };
}

/**
 * Fixed POSIX sh scripts the deployment runs on the board with `sh -c SCRIPT name ARGS...`.
 * Values (paths, releases, marker names) are only ever positional parameters, never spliced
 * into the script text.
 */
/** The file that marks a folder as an under-test slot (or a module folder) this tool made. */
const SLOT_MARKER_FILE = '.arm-virt-bench-under-test';
/**
 * Args: MARKER DIR... Empties each slot folder (keeping nothing of the previous deployment)
 * and marks it. A folder that exists, is not empty and has no marker is refused: it is not
 * ours to empty (a wrong `deploy.slot` setting must never wipe a boot partition or a home).
 */
const SLOT_PREPARE_SCRIPT = `m=$1; shift
for d in "$@"; do
  if [ -e "$d" ] && [ ! -f "$d/$m" ]; then
    if [ -d "$d" ] && [ -z "$(ls -A "$d" 2>/dev/null)" ]; then :; else
      echo "avb-slot: $d exists and is not an under-test slot made by arm-virt-bench (no $m in it): refusing to empty it" >&2; exit 3
    fi
  fi
done
for d in "$@"; do
  if [ -d "$d" ]; then find "$d" -mindepth 1 -maxdepth 1 ! -name "$m" -exec rm -rf {} + || exit 4; fi
  mkdir -p "$d" && : > "$d/$m" || exit 4
done
sync
`;
/**
 * Args: MARKER. Removes every module folder an earlier deployment installed (the ones holding
 * the marker file), also when that deployment never got to write its manifest.
 */
const MODULES_REMOVE_SCRIPT = `m=$1
for d in /lib/modules/*/; do
  [ -f "$d$m" ] || continue
  rm -rf "$d" && echo "avb-modules: removed $(basename "$d")"
done
exit 0
`;
/**
 * Args: MARKER ARCHIVE TMPDIR KNOWN_GOOD_RELEASE. Unpacks a modules archive (`lib/modules/<rel>/`
 * or `<rel>/` at its top) to /lib/modules/<rel>, marks it, runs depmod. Refuses the known-good
 * kernel's own release and any module folder it did not install itself.
 */
const MODULES_INSTALL_SCRIPT = `m=$1; a=$2; t=$3; kg=$4
rm -rf "$t" && mkdir -p "$t" || exit 4
tar -xf "$a" -C "$t" || { echo "avb-modules: cannot unpack $a" >&2; exit 5; }
if [ -d "$t/lib/modules" ]; then src="$t/lib/modules"; else src="$t"; fi
n=0
for d in "$src"/*/; do
  [ -d "$d" ] || continue
  rel=$(basename "$d")
  if [ "$rel" = "$kg" ]; then
    echo "avb-modules: the archive holds modules for $rel, the known-good kernel's own release: refusing to overwrite them (give the kernel under test its own release, e.g. CONFIG_LOCALVERSION)" >&2; exit 6
  fi
  if [ -e "/lib/modules/$rel" ] && [ ! -f "/lib/modules/$rel/$m" ]; then
    echo "avb-modules: /lib/modules/$rel exists and was not installed by arm-virt-bench: refusing to overwrite it" >&2; exit 7
  fi
  n=$((n+1))
done
[ "$n" -gt 0 ] || { echo "avb-modules: no lib/modules/<release>/ folder in $a" >&2; exit 9; }
mkdir -p /lib/modules
for d in "$src"/*/; do
  [ -d "$d" ] || continue
  rel=$(basename "$d")
  rm -rf "/lib/modules/$rel"
  cp -a "$d" "/lib/modules/$rel" || exit 4
  : > "/lib/modules/$rel/$m"
  if command -v depmod >/dev/null 2>&1; then depmod -a "$rel" || exit 8
  else echo "avb-modules: depmod not found on the board: no modules.dep for $rel (install kmod)"; fi
  echo "avb-modules: installed $rel"
done
rm -rf "$t"
sync
`;
/** Args: PATH... `sha256sum` of each file (one "HASH  PATH" line each). */
const SHA256_FILES_SCRIPT = `for f in "$@"; do
  if [ ! -f "$f" ]; then echo "missing  $f"; continue; fi
  sha256sum -- "$f" 2>/dev/null || echo "unreadable  $f"
done
sync`;
/** Args: DIR. "HASH  ./relative/path" for every file under DIR, sorted by path (a folder's checksum). */
const SHA256_TREE_SCRIPT = `cd "$1" || exit 2
find . -type f | LC_ALL=C sort | while IFS= read -r f; do sha256sum -- "$f"; done`;

/**
 * Puts a deployment plan on the board, over its transport: the previous deployment's slot,
 * modules and images removed (only what this tool installed), the slot folders made, every
 * file copied (`Transport.copyTo`) and checked with sha256sum on the board, modules unpacked,
 * container images loaded or built, the after-copy commands run, and the manifest written last.
 */
/** The listing SHA256_TREE_SCRIPT prints for a folder ("HASH  ./path" lines, byte-sorted). */
async function treeListing(dir) {
    const files = [];
    const walk = async (d) => {
        for (const e of await readdir(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory())
                await walk(p);
            else if (e.isFile())
                files.push(p);
        }
    };
    await walk(dir);
    const rel = files.map((f) => `./${relative(dir, f).split(sep).join('/')}`);
    rel.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    let bytes = 0;
    const lines = [];
    for (const r of rel) {
        const h = await sha256File(join(dir, r));
        bytes += h.bytes;
        lines.push(`${h.sha256}  ${r}`);
    }
    return { listing: lines.join('\n'), bytes };
}
/** Hashes every source; a missing or unreadable one names its config key and where it was looked for. */
async function hashSources(sources) {
    const out = [];
    const problems = [];
    for (const s of sources) {
        try {
            const st = await stat(s.local);
            if (s.folder) {
                if (!st.isDirectory())
                    throw new Error('not a folder');
                const t = await treeListing(s.local);
                out.push({ ...s, sha256: createHash('sha256').update(t.listing).digest('hex'), bytes: t.bytes });
            }
            else {
                if (!st.isFile())
                    throw new Error('not a regular file');
                out.push({ ...s, ...(await sha256File(s.local)) });
            }
        }
        catch (err) {
            const code = err.code;
            const why = code === 'ENOENT' ? 'no such file' : (code ?? err.message);
            problems.push(`${s.key}: ${s.source}: ${why} (looked for ${s.local}; is it the build's output, uploaded to this job?)`);
        }
    }
    if (problems.length > 0)
        throw new DeployInputError(problems.join('\n'));
    return out;
}
async function run(ctx, argv, what, opts = {}) {
    const logPath = opts.ref ? ctx.logFile(opts.ref) : undefined;
    if (logPath)
        await mkdir(join(logPath, '..'), { recursive: true });
    const r = await ctx.board().exec(argv, {
        timeoutMs: opts.timeoutMs ?? 120_000,
        ...(logPath ? { logPath } : {}),
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
        signal: ctx.signal,
    });
    if (opts.ref)
        ctx.wrote(opts.ref);
    if (r.exitCode !== 0) {
        const tail = r.output.trim().split('\n').slice(-3).join(' ').slice(-400) || '(no output)';
        throw new DeployError(`deploy: ${what} failed (${r.timedOut ? 'timed out' : r.cancelled ? 'cancelled' : `exit ${String(r.exitCode)}`}): ${tail}`, opts.ref ? { logRef: opts.ref } : {});
    }
    return r.output;
}
async function readPrevious(ctx) {
    const r = await ctx
        .board()
        .exec(['cat', `${ctx.plan.slot.dir}/manifest.json`], { timeoutMs: 30_000, signal: ctx.signal });
    if (r.exitCode !== 0)
        return {};
    try {
        return JSON.parse(r.output);
    }
    catch {
        return {};
    }
}
/** Copies one planned file and checks it on the board. */
async function copyAndCheck(ctx, f) {
    const board = ctx.board();
    ctx.log(`copy ${f.source} → ${f.target} (${f.bytes} bytes)`);
    try {
        await board.copyTo(f.local, f.target, { timeoutMs: ctx.timeoutMs });
    }
    catch (err) {
        throw new DeployError(`deploy: copying ${f.source} to ${f.target} failed: ${err.message}`);
    }
    if (f.folder) {
        const out = await run(ctx, ['sh', '-c', SHA256_TREE_SCRIPT, 'avb-sha', f.target], `checksums of ${f.target}`, {
            timeoutMs: ctx.timeoutMs,
        });
        const got = createHash('sha256').update(out.trim()).digest('hex');
        if (got !== f.sha256) {
            throw new DeployError(`deploy: ${f.target} on the board does not match ${f.source} after the copy (checksums of its files differ)`);
        }
        return;
    }
    const out = await run(ctx, ['sh', '-c', SHA256_FILES_SCRIPT, 'avb-sha', f.target], `sha256sum ${f.target}`, {
        timeoutMs: ctx.timeoutMs,
    });
    const got = /^([0-9a-f]{64})\s/m.exec(out)?.[1];
    if (got !== f.sha256) {
        throw new DeployError(`deploy: ${f.target} on the board does not match ${f.source} after the copy: sha256 ${got ?? `unknown (${out.trim().slice(0, 100)})`}, expected ${f.sha256}`);
    }
}
/** Runs deploy commands of one kind (after-copy, or after-boot of `mode`). */
async function runDeployCommands(ctx, commands, label) {
    const out = [];
    let i = 0;
    for (const c of commands) {
        i += 1;
        const ref = `deploy/command-${label}-${i}`;
        ctx.log(`command (${label}): ${c.argv.join(' ')}`);
        const logPath = ctx.logFile(ref);
        await mkdir(join(logPath, '..'), { recursive: true });
        const r = await ctx.board().exec(c.argv, {
            timeoutMs: c.timeoutSeconds * 1000,
            logPath,
            cwd: ctx.plan.slot.dir,
            env: {
                AVB_SLOT: ctx.plan.slot.dir,
                AVB_SLOT_BOOT: ctx.plan.slot.bootDir,
                AVB_DEPLOY_ID: ctx.plan.id,
                ...(ctx.plan.commit ? { AVB_COMMIT: ctx.plan.commit } : {}),
            },
            signal: ctx.signal,
        });
        ctx.wrote(ref);
        out.push({
            argv: [...c.argv],
            when: c.when,
            ...(c.mode ? { mode: c.mode } : {}),
            exitCode: r.exitCode,
            log: ref,
        });
        if (r.exitCode !== 0) {
            throw new DeployError(`deploy: command ${c.argv.join(' ')} (${c.when}) failed (${r.timedOut ? 'timed out' : `exit ${String(r.exitCode)}`}): ${r.output.trim().split('\n').slice(-2).join(' ').slice(-300)}`, { logRef: ref });
        }
    }
    return out;
}
/** The whole installation in the current (known-good) boot. */
async function install(ctx) {
    const { plan } = ctx;
    // 1. What the previous deployment installed outside the slot folders goes first.
    const prev = await readPrevious(ctx);
    await run(ctx, ['sh', '-c', MODULES_REMOVE_SCRIPT, 'avb-modules', SLOT_MARKER_FILE], "removing earlier deployments' modules");
    for (const [envId, tag] of Object.entries(prev.imageTags ?? {})) {
        const d = prev.dockerByEnv?.[envId] ?? ctx.docker(envId);
        await ctx
            .board()
            .exec([...d.argv, 'rmi', tag], {
            timeoutMs: 120_000,
            ...(d.env ? { env: d.env } : {}),
            signal: ctx.signal,
        })
            .catch(() => undefined);
    }
    // 2. The slot folders: emptied (only if they are ours) and marked.
    ctx.log(`slot ${plan.slot.bootDir} and ${plan.slot.dir}`);
    await run(ctx, ['sh', '-c', SLOT_PREPARE_SCRIPT, 'avb-slot', SLOT_MARKER_FILE, plan.slot.bootDir, plan.slot.dir], 'preparing the under-test slot');
    // 3. Every file, checked on the board.
    for (const f of plan.copies)
        await copyAndCheck(ctx, f);
    // 4. Modules.
    const moduleReleases = [];
    if (plan.modules) {
        const out = await run(ctx, [
            'sh',
            '-c',
            MODULES_INSTALL_SCRIPT,
            'avb-modules',
            SLOT_MARKER_FILE,
            plan.modules.target,
            `${plan.slot.dir}/modules/unpacked`,
            ctx.knownGoodRelease,
        ], `installing the modules archive ${plan.modules.source}`, { ref: 'deploy/modules', timeoutMs: ctx.timeoutMs });
        for (const m of out.matchAll(/^avb-modules: installed (\S+)$/gm))
            moduleReleases.push(m[1]);
    }
    // 5. Container images, tagged for this deployment.
    const imageTags = {};
    const dockerByEnv = {};
    for (const [envId, files] of Object.entries(plan.environments)) {
        const tag = plan.imageTags[envId];
        if (!tag)
            continue;
        const d = ctx.docker(envId);
        dockerByEnv[envId] = { argv: [...d.argv], ...(d.env ? { env: d.env } : {}) };
        const opts = { timeoutMs: ctx.timeoutMs, ...(d.env ? { env: d.env } : {}) };
        if (files.image) {
            const out = await run(ctx, [...d.argv, 'load', '-i', files.image], `docker load of ${envId}'s image`, {
                ...opts,
                ref: `deploy/docker-load-${envId}`,
            });
            const ref = /Loaded image(?: ID)?: (\S+)\s*$/m.exec(out)?.[1];
            if (!ref)
                throw new DeployError(`deploy: docker load of ${envId}'s image named no image: ${out.trim().slice(-200)}`);
            await run(ctx, [...d.argv, 'tag', ref, tag], `docker tag ${ref} ${tag}`, opts);
        }
        else if (files.context) {
            await run(ctx, [...d.argv, 'build', '-t', tag, files.context], `docker build of ${envId}'s context`, {
                ...opts,
                ref: `deploy/docker-build-${envId}`,
            });
        }
        imageTags[envId] = tag;
    }
    // 6. Commands after the copy, in the known-good boot.
    const commands = await runDeployCommands(ctx, ctx.config.commands.filter((c) => c.when === 'after-copy'), 'after-copy');
    // 7. The manifest, last: a slot without one is an incomplete deployment.
    const manifest = join(ctx.logFile('deploy/manifest'), '..', 'manifest.json');
    await mkdir(join(manifest, '..'), { recursive: true });
    await writeFile(manifest, `${JSON.stringify({ id: plan.id, commit: plan.commit, label: plan.label, files: plan.files.map(({ local: _l, key: _k, ...f }) => f), args: plan.args, moduleReleases, imageTags, dockerByEnv }, null, 2)}\n`);
    await ctx.board().copyTo(manifest, `${plan.slot.dir}/manifest.json`, { timeoutMs: 60_000 });
    await run(ctx, ['sync'], 'sync');
    return { moduleReleases, imageTags, commands };
}

/**
 * The deployment plan (pure): which workspace file goes where in the under-test slot, under
 * which name the boot loader reads it, and the deployment's id — a digest of everything under
 * test (files' sha256, arguments, commands, commit), which the under-test boot carries on its
 * kernel command line as its slot marker.
 *
 * Slot layout on the board (docs/boards.md):
 *   <slot.bootDir>/<slot.name>/<mode>-<role>   kernel, dtb, initrd, xen of a boot mode (the boot
 *                                              loader reads `<slot.name>/<mode>-<role>`)
 *   <slot.dir>/env/<id>/<role>                 guest kernels, disks, domain configs, images
 *   <slot.dir>/modules/archive                 the modules archive (unpacked to /lib/modules)
 *   <slot.dir>/files/<name>                    other files for the commands
 *   <slot.dir>/manifest.json                   this plan, written last
 */
const BOOT_ROLES = ['kernel', 'dtb', 'initrd', 'xen'];
/** The sources the config names, resolved against the workspace (pure). */
function deploySources(d, workspace) {
    const base = d.workspace
        ? isAbsolute(d.workspace)
            ? d.workspace
            : join(workspace, d.workspace)
        : workspace;
    const at = (p) => (isAbsolute(p) ? p : join(base, p));
    const out = [];
    for (const mode of ['linux', 'xen']) {
        const b = d[mode];
        if (!b)
            continue;
        for (const role of BOOT_ROLES) {
            const p = b[role];
            if (p)
                out.push({ role, scope: mode, source: p, local: at(p), key: `deploy.${mode}.${role}` });
        }
    }
    if (d.modules)
        out.push({
            role: 'modules',
            scope: 'modules',
            source: d.modules,
            local: at(d.modules),
            key: 'deploy.modules',
        });
    for (const [id, e] of Object.entries(d.environments)) {
        const add = (role, p, key, folder = false) => {
            if (p)
                out.push({
                    role,
                    scope: `env:${id}`,
                    source: p,
                    local: at(p),
                    key: `deploy.environments.${id}.${key}`,
                    ...(folder ? { folder } : {}),
                });
        };
        add('kernel', e.kernel, 'kernel');
        add('initrd', e.initrd, 'initrd');
        add('disk', e.disk, 'disk');
        add('domain-config', e.domainConfig, 'domainConfig');
        add('image', e.image, 'image');
        add('context', e.context, 'context', true);
    }
    d.files.forEach((f, i) => out.push({
        role: 'file',
        scope: 'files',
        source: f.from,
        local: at(f.from),
        key: `deploy.files.${i}.from`,
        name: f.name,
    }));
    return out;
}
/** The deployment's id: a digest of everything under test. */
function deploymentId(parts) {
    const canonical = JSON.stringify({
        files: [...parts.files].map((f) => [f.scope, f.role, f.sha256, f.target]).sort(),
        args: Object.entries(parts.args).sort(),
        commands: parts.commands.map((c) => [c.when, c.mode ?? '', ...c.argv]),
        // qemuArgs / append / formats change what is measured too.
        environments: Object.entries(parts.environments)
            .map(([id, e]) => [id, e.append ?? '', e.diskFormat ?? '', ...(e.qemuArgs ?? [])])
            .sort(),
        commit: parts.commit ?? '',
    });
    return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}
const trim = (p) => p.replace(/\/+$/, '');
function planDeployment(d, sources, info = {}) {
    const bootDir = `${trim(d.slot.bootDir)}/${d.slot.name}`;
    const dir = trim(d.slot.dir);
    const files = [];
    const copies = [];
    const byHash = new Map();
    const boots = {};
    const environments = {};
    let modules;
    for (const s of sources) {
        const base = {
            role: s.role,
            scope: s.scope,
            source: s.source,
            sha256: s.sha256,
            bytes: s.bytes,
            local: s.local,
            key: s.key,
            ...(s.folder ? { folder: true } : {}),
        };
        if (s.scope === 'linux' || s.scope === 'xen') {
            const name = `${s.scope}-${s.role}`;
            // The same bytes for two roles (Linux's kernel is Dom0's): one copy on the boot partition.
            const same = byHash.get(s.sha256);
            const f = same
                ? { ...base, target: same.target, bootName: same.bootName }
                : { ...base, target: `${bootDir}/${name}`, bootName: `${d.slot.name}/${name}` };
            if (!same) {
                byHash.set(s.sha256, f);
                copies.push(f);
            }
            files.push(f);
            const b = (boots[s.scope] ??= { files: {} });
            b.files[s.role] = f.bootName;
            continue;
        }
        let target;
        if (s.scope === 'modules')
            target = `${dir}/modules/archive`;
        else if (s.scope === 'files')
            target = `${dir}/files/${s.name ?? s.role}`;
        else
            target = `${dir}/env/${s.scope.slice('env:'.length)}/${s.role}`;
        const f = { ...base, target };
        files.push(f);
        copies.push(f);
        if (s.scope === 'modules')
            modules = f;
        if (s.scope.startsWith('env:'))
            (environments[s.scope.slice(4)] ??= {})[s.role] = target;
    }
    const args = {};
    for (const mode of ['linux', 'xen']) {
        const b = d[mode];
        if (!b)
            continue;
        if (b.kernelArgs) {
            args[`${mode}.kernelArgs`] = b.kernelArgs;
            (boots[mode] ??= { files: {} }).kernelArgs = b.kernelArgs;
        }
        if (mode === 'xen' && d.xen?.xenArgs) {
            args['xen.xenArgs'] = d.xen.xenArgs;
            (boots.xen ??= { files: {} }).xenArgs = d.xen.xenArgs;
        }
    }
    for (const [id, e] of Object.entries(d.environments)) {
        if (e.append)
            args[`env:${id}.append`] = e.append;
        if (e.qemuArgs)
            args[`env:${id}.qemuArgs`] = e.qemuArgs.join(' ');
    }
    const id = deploymentId({
        files,
        args,
        commands: d.commands,
        environments: d.environments,
        commit: info.commit,
    });
    const imageTags = {};
    for (const [envId, roles] of Object.entries(environments)) {
        if (roles.image || roles.context)
            imageTags[envId] = underTestImageTag(envId, id);
    }
    return {
        id,
        ...(info.commit ? { commit: info.commit } : {}),
        ...(info.label ? { label: info.label } : {}),
        slot: { bootDir, bootName: d.slot.name, dir },
        files,
        copies,
        boots,
        ...(modules ? { modules } : {}),
        environments,
        imageTags,
        args,
    };
}
/** The docker image tag a deployed image or build context gets on the board. */
function underTestImageTag(envId, id) {
    return `arm-virt-bench/under-test-${envId}:${id}`;
}

/** The kernel command-line token that marks a boot of the under-test slot. */
const SLOT_MARKER = 'avb.slot';
/** The deployment id in a kernel command line's `avb.slot=` token, if any. */
function slotMarkerOf(cmdline) {
    if (!cmdline)
        return undefined;
    const m = new RegExp(`(?:^|\\s)${SLOT_MARKER.replace('.', '\\.')}=([0-9a-f]{6,64})(?=\\s|$)`).exec(cmdline);
    return m?.[1];
}
/** The known-good values of every slot variable (undefined = unset). */
function knownGoodVars(board, slot) {
    const sw = board.switch;
    if (sw?.type !== 'uboot-env')
        return [];
    const v = slot.uboot.variables;
    const kg = slot.uboot.knownGood;
    return [
        [v.kernel, kg.kernel],
        [v.initrd, kg.initrd],
        [v.dtb, kg.dtb],
        [v.xen, kg.xen],
        [v.kernelArgs, undefined],
        [v.xenArgs, undefined],
        [v.marker, undefined],
        [sw.variable, sw.values[board.defaultBootMode]],
    ];
}
/** U-Boot commands that restore the known-good (the generated altbootcmd). */
function ubootRestoreScript(board, slot) {
    const sw = board.switch;
    const user = sw?.type === 'uboot-env' && sw.oneShot ? sw.oneShot.altbootcmd.trim().replace(/;+$/, '') : '';
    const sets = knownGoodVars(board, slot).map(([n, val]) => val === undefined ? `setenv ${n}` : `setenv ${n} ${val}`);
    return [...(user ? [user] : []), ...sets].join('; ');
}
function planSlotBoot(board, slot, mode, boot, id) {
    const sw = board.switch;
    if (!sw)
        throw new Error('booting the under-test slot needs board.switch');
    switch (sw.type) {
        case 'uboot-env': {
            if (!sw.oneShot)
                throw new Error('booting the under-test slot needs board.switch.oneShot (a trial boot)');
            const set = (name, value, what) => ({
                on: 'board',
                argv: value === undefined ? [...sw.setenvCommand, name] : [...sw.setenvCommand, name, value],
                what,
            });
            const v = slot.uboot.variables;
            const kg = slot.uboot.knownGood;
            const steps = [
                set('altbootcmd', ubootRestoreScript(board, slot), 'trial boot: altbootcmd restores the known-good'),
                set('bootlimit', String(sw.oneShot.bootlimit), 'trial boot: bootlimit'),
                set('bootcount', '0', 'trial boot: bootcount=0'),
                set('upgrade_available', '1', 'trial boot: upgrade_available=1 (armed)'),
            ];
            const checks = [
                { argv: [...sw.printenvCommand, '-n', 'upgrade_available'], expect: '1', what: 'trial boot armed' },
            ];
            const fileVar = { kernel: v.kernel, initrd: v.initrd, dtb: v.dtb, xen: v.xen };
            for (const role of BOOT_ROLES) {
                const ut = boot.files[role];
                const value = ut ?? kg[role];
                steps.push(set(fileVar[role], value, ut ? `under-test ${role}: ${ut}` : `known-good ${role}`));
                if (value !== undefined)
                    checks.push({
                        argv: [...sw.printenvCommand, '-n', fileVar[role]],
                        expect: value,
                        what: `${fileVar[role]} reads back ${value}`,
                    });
            }
            steps.push(set(v.kernelArgs, boot.kernelArgs, boot.kernelArgs ? 'under-test kernel arguments' : 'no extra kernel arguments'), set(v.xenArgs, mode === 'xen' ? boot.xenArgs : undefined, 'under-test Xen arguments'), set(v.marker, id, `slot marker ${SLOT_MARKER}=${id}`), set(sw.variable, sw.values[mode], `select ${mode} (${sw.variable}=${sw.values[mode]})`));
            checks.push({ argv: [...sw.printenvCommand, '-n', v.marker], expect: id, what: `${v.marker} reads back ${id}` }, {
                argv: [...sw.printenvCommand, '-n', sw.variable],
                expect: sw.values[mode],
                what: `${sw.variable} reads back ${sw.values[mode]}`,
            });
            const disarm = [
                ...knownGoodVars(board, slot).map(([n, val]) => set(n, val, `known-good again: ${n}`)),
                set('upgrade_available', '0', 'trial over: upgrade_available=0'),
                set('bootcount', '0', 'trial over: bootcount=0'),
                set('altbootcmd', sw.oneShot.altbootcmd, 'altbootcmd back to the configured one'),
            ];
            return { steps, checks, disarm };
        }
        case 'grub-reboot': {
            const entry = slot.grubEntries?.[mode];
            if (!entry)
                throw new Error(`deploy.slot.grubEntries.${mode} is needed to boot the under-test slot`);
            const env = (slotId, k, x) => ({
                on: 'board',
                argv: [...slot.grubEnvCommand, `avb_slot=${slotId}`, `avb_kernel_args=${k}`, `avb_xen_args=${x}`],
                what: slotId ? `grubenv: slot ${slotId}` : 'grubenv: slot cleared',
            });
            return {
                steps: [
                    env(id, boot.kernelArgs ?? '', mode === 'xen' ? (boot.xenArgs ?? '') : ''),
                    {
                        on: 'board',
                        argv: [...sw.rebootCommand, entry],
                        what: `${sw.rebootCommand[0] ?? ''} ${entry} (next boot only)`,
                    },
                ],
                checks: [],
                disarm: [env('', '', '')],
            };
        }
        case 'command': {
            const argv = slot.commands?.[mode];
            if (!argv)
                throw new Error(`deploy.slot.commands.${mode} is needed to boot the under-test slot`);
            const env = {
                AVB_SLOT_ID: id,
                AVB_SLOT_BOOT: slot.name,
                AVB_MODE: mode,
                AVB_KERNEL_ARGS: boot.kernelArgs ?? '',
                AVB_XEN_ARGS: mode === 'xen' ? (boot.xenArgs ?? '') : '',
            };
            for (const role of BOOT_ROLES) {
                const f = boot.files[role];
                if (f)
                    env[`AVB_${role.toUpperCase()}`] = f;
            }
            return {
                steps: [{ on: sw.on, argv: [...argv], env, what: `your under-test boot command for ${mode}` }],
                checks: [],
                disarm: [
                    {
                        on: sw.on,
                        argv: [...sw.commands[board.defaultBootMode]],
                        what: `your ${board.defaultBootMode} command (known-good default)`,
                    },
                ],
            };
        }
        case 'extlinux':
            throw new Error('extlinux has no one-shot boot: an under-test slot needs uboot-env or grub-reboot');
    }
}
/** Steps that make the default boot the known-good (idempotent; used before a known-good boot and at the end). */
function knownGoodSteps(board, slot) {
    const sw = board.switch;
    if (sw?.type === 'uboot-env') {
        return knownGoodVars(board, slot)
            .filter(([n]) => n !== sw.variable)
            .map(([n, val]) => ({
            on: 'board',
            argv: val === undefined ? [...sw.setenvCommand, n] : [...sw.setenvCommand, n, val],
            what: `known-good: ${n}`,
        }));
    }
    if (sw?.type === 'grub-reboot') {
        return [
            {
                on: 'board',
                argv: [...slot.grubEnvCommand, 'avb_slot=', 'avb_kernel_args=', 'avb_xen_args='],
                what: 'grubenv: slot cleared',
            },
        ];
    }
    return [];
}

/**
 * A deployment of the code under test, from the controller's workspace to the board, for one
 * run (the engine's EngineDeployment):
 *   prepare (hash the workspace files, plan the slot) → deploy (in a known-good boot: copy,
 *   check, install, after-copy commands) → per boot mode, `enter`: a trial boot of the
 *   under-test slot (or the known-good when nothing of that mode is under test), recognised by
 *   its slot marker; a boot that falls back is a `deploy` failure naming where the console
 *   stopped → at the end, `restore`: the board back on the known-good in its default mode.
 * The under-test slot stays on the board until the next deployment (for inspection).
 */
/** Hashes the workspace files and plans the slot; throws DeployInputError before touching the board. */
async function prepareDeployment(o) {
    const d = o.config.deploy;
    const sources = await hashSources(deploySources(d, o.workspace));
    const commit = d.commit ?? o.commit;
    const label = d.label ?? o.label;
    const plan = planDeployment(d, sources, { ...(commit ? { commit } : {}), ...(label ? { label } : {}) });
    return new Deployment(o, plan);
}
class Deployment {
    o;
    plan;
    record;
    pending = [];
    d;
    control;
    constructor(o, plan) {
        this.o = o;
        this.plan = plan;
        this.d = o.config.deploy;
        this.record = {
            id: plan.id,
            ...(plan.commit ? { commit: plan.commit } : {}),
            ...(plan.label ? { label: plan.label } : {}),
            slot: { boot: plan.slot.bootDir, dir: plan.slot.dir },
            files: plan.files.map((f) => ({
                role: f.role,
                scope: f.scope,
                source: f.source,
                target: f.target,
                sha256: f.sha256,
                bytes: f.bytes,
            })),
            args: plan.args,
            commands: [],
            modes: [],
            boots: [],
            status: 'in-progress',
        };
    }
    /** Board control: the deployment boots the under-test slot through it. */
    attach(controller) {
        this.control = controller;
        return this;
    }
    /** The board's transport now (under board control it is replaced after each reboot). */
    board = () => {
        if (this.control)
            return this.control.transport();
        if (this.o.board)
            return this.o.board();
        throw new Error('deploy: no board transport');
    };
    /** The config with the environments pointed at their deployed files. */
    applyTo(config) {
        return applyDeployment(config, this.d, this.plan);
    }
    log(line) {
        this.o.log?.(`deploy: ${line}`);
    }
    logFile = (ref) => logFileFor(this.o.outDir, ref);
    takeLogs() {
        const l = this.pending;
        this.pending = [];
        return [...new Set(l)];
    }
    needsBoot(mode) {
        return this.plan.boots[mode] !== undefined;
    }
    facts(target) {
        return deployFacts(this.record, target);
    }
    async deploy(signal) {
        const c = this.control;
        try {
            // Copy only in a known-good boot (a crashed run may have left the board in an under-test one).
            if (c?.current && slotMarkerOf(c.current.probe.cmdline) !== undefined) {
                this.log('the board runs an under-test boot of an earlier run: back to the known-good first');
                await this.bootKnownGood(c.current.detection.mode);
            }
            const uname = await this.board().exec(['uname', '-r'], { timeoutMs: 30_000, signal });
            const installed = await install({
                board: this.board,
                plan: this.plan,
                config: this.d,
                knownGoodRelease: uname.output.trim(),
                docker: (envId) => {
                    const e = this.o.config.environments.find((x) => x.id === envId);
                    const s = e?.settings;
                    return {
                        argv: s?.docker ?? ['docker'],
                        ...(s?.dockerHost ? { env: { DOCKER_HOST: s.dockerHost } } : {}),
                    };
                },
                logFile: this.logFile,
                wrote: (ref) => this.pending.push(ref),
                log: (l) => this.log(l),
                signal,
                timeoutMs: this.d.copyTimeoutSeconds * 1000,
            });
            this.record.commands.push(...installed.commands);
            this.pending.push('deploy/manifest');
            if (Object.keys(this.plan.boots).length === 0)
                this.record.status = 'deployed';
            this.log(`${changeOf(this.record)} is on the board (deployment ${this.plan.id}, ${this.plan.copies.length} file(s))`);
        }
        catch (err) {
            this.record.status = 'failed';
            this.record.message = err.message;
            throw err instanceof DeployError ? err : new DeployError(`deploy: ${err.message}`);
        }
    }
    /** The engine's boot hook: the under-test slot of `mode` when something of it is under test, else the known-good. */
    async enter(mode) {
        if (this.plan.boots[mode])
            await this.trialBoot(mode);
        else
            await this.bootKnownGood(mode);
    }
    controller() {
        const c = this.control;
        if (!c)
            throw new DeployError('deploy: booting the under-test slot needs board control (connection: ssh and board.switch)');
        return c;
    }
    async checks(c, checks) {
        for (const check of checks) {
            const r = await c.transport().exec(check.argv, { timeoutMs: 60_000 });
            const got = r.output.trim();
            if (r.exitCode !== 0 || got !== check.expect) {
                throw new DeployError(`deploy: arming the trial boot: ${check.what}: expected ${JSON.stringify(check.expect)}, got ${JSON.stringify(got)} (exit ${String(r.exitCode)})`);
            }
        }
    }
    /** A trial boot of the under-test slot in `mode`; throws DidNotBootError when it falls back. */
    async trialBoot(mode) {
        const c = this.controller();
        const boot = this.plan.boots[mode];
        const id = this.plan.id;
        const now = c.current ?? (await c.probe('before-trial'));
        if (now.detection.mode === mode && slotMarkerOf(now.probe.cmdline) === id) {
            await c.verifyMode(mode);
            return;
        }
        const board = this.o.config.board;
        const plan = planSlotBoot(board, this.d.slot, mode, boot, id);
        const who = changeOf(this.record);
        await c.note(`trial boot of the under-test ${mode} slot: ${who}, deployment ${id} (${board.switch?.type ?? 'no switch'})`);
        this.log(`trial boot of the under-test ${mode} slot (${who})`);
        for (const step of plan.steps)
            await c.runStep(step);
        await this.checks(c, plan.checks);
        const mark = await c.consoleOffset();
        const cyclesBefore = c.powerCycles;
        let unreachable;
        try {
            await c.reboot();
        }
        catch (err) {
            unreachable = err;
        }
        let after;
        if (unreachable === undefined) {
            after = await c.probe(`after-trial-${mode}`).catch((err) => {
                unreachable = err;
                return undefined;
            });
        }
        // Whatever that boot did, the board's default boot is the known-good again.
        if (after)
            for (const step of plan.disarm)
                await c.runStep(step);
        const booted = after !== undefined && after.detection.mode === mode && slotMarkerOf(after.probe.cmdline) === id;
        const entry = {
            mode,
            outcome: booted ? 'booted' : after ? 'fell-back' : 'unreachable',
            ...(after ? { bootId: after.probe.bootId, kernel: after.probe.kernel } : {}),
        };
        this.record.boots.push(entry);
        if (booted) {
            await c.note(`under-test ${mode} boot is up (kernel ${after.probe.kernel}, ${SLOT_MARKER}=${id}); default boot back on the known-good`);
            await c.refreshLock();
            await c.verifyMode(mode);
            this.record.modes.push(mode);
            const cmds = this.d.commands.filter((x) => x.when === 'after-boot' && (x.mode === undefined || x.mode === mode));
            if (cmds.length > 0) {
                try {
                    this.record.commands.push(...(await runDeployCommands({
                        board: this.board,
                        plan: this.plan,
                        logFile: this.logFile,
                        wrote: (r) => this.pending.push(r),
                        log: (l) => this.log(l),
                    }, cmds, `after-boot-${mode}`)));
                }
                catch (err) {
                    this.record.status = 'failed';
                    this.record.message = err.message;
                    throw err;
                }
            }
            if (this.record.status === 'in-progress' &&
                Object.keys(this.plan.boots).every((m) => this.record.modes.includes(m))) {
                this.record.status = 'deployed';
            }
            return;
        }
        // It did not come up: where did the console stop?
        const text = mark !== undefined ? await c.consoleSince(mark) : '';
        const stop = whereConsoleStopped(text);
        const where = describeStop(stop, c.hasConsole);
        const ref = `deploy/console-${mode}`;
        const path = this.logFile(ref);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text || '(no console output captured: configure board.consoleCommand)\n');
        this.pending.push(ref);
        const cycles = c.powerCycles - cyclesBefore;
        const how = cycles > 0 ? `after ${cycles} power-cycle(s)` : 'by itself';
        const back = after
            ? `the board fell back to its known-good ${how} (${after.detection.mode}, kernel ${after.probe.kernel})`
            : `and the board did not come back on its known-good either: it needs a hand (${unreachable.message.split('\n')[0]})`;
        const message = `the change did not boot: the under-test ${mode} boot of ${who} stopped in ${where}; ${back}. Console: logs/${ref}.log`;
        entry.stage = stop.stage ?? 'unknown';
        entry.message = message;
        entry.log = ref;
        this.record.status = 'did-not-boot';
        await c.note(message);
        throw new DidNotBootError(message, stop.stage, after !== undefined, { logRef: ref });
    }
    /** The known-good boot of `mode` (a reboot when the board runs the under-test slot of that mode). */
    async bootKnownGood(mode) {
        const c = this.controller();
        const now = c.current ?? (await c.probe('before-known-good'));
        const underTest = slotMarkerOf(now.probe.cmdline) !== undefined;
        if (!underTest && now.detection.mode === mode) {
            await c.verifyMode(mode);
            return;
        }
        for (const step of knownGoodSteps(this.o.config.board, this.d.slot))
            await c.runStep(step);
        if (now.detection.mode !== mode) {
            await c.switchBootMode(mode);
            return;
        }
        await c.note(`back to the known-good ${mode} boot`);
        await c.reboot();
        const after = await c.probe(`after-known-good-${mode}`);
        if (after.detection.mode !== mode || slotMarkerOf(after.probe.cmdline) !== undefined) {
            throw new BootSwitchError(`asked for the known-good ${mode} boot but the board came back in ${after.detection.mode}${slotMarkerOf(after.probe.cmdline) ? ' from the under-test slot' : ''}`);
        }
        await c.refreshLock();
        await c.verifyMode(mode);
    }
    /** withBoard's restore: the known-good, in the default mode, trial state cleared. */
    async restore(c) {
        const home = this.o.config.board.defaultBootMode;
        let state;
        try {
            state = await c.probe('before-restore');
        }
        catch (err) {
            await c.note(`board does not answer before restore: ${String(err)}`);
            await c.recover(undefined);
            state = await c.probe('before-restore-recovered');
        }
        if (slotMarkerOf(state.probe.cmdline) !== undefined || state.detection.mode !== home) {
            await c.note(`restore: back to the known-good ${home} boot`);
            await this.bootKnownGood(home);
        }
        else {
            for (const step of knownGoodSteps(this.o.config.board, this.d.slot))
                await c.runStep(step);
        }
        await c.restoreDefault();
    }
}

/**
 * One run on a board, as the CLI and the action start it: board control when the board is
 * reached over SSH and either switches boot modes or gets code under test (lock, console,
 * boot switches, recovery, and the board put back at the end — after a failure or a cancel
 * too), the deployment of the code under test, then the engine.
 */
async function runOnBoard(config, options) {
    const connection = config.board.connection;
    const reporter = options.reporter;
    const deploying = (c) => c.deploy !== undefined;
    const prepare = (board) => deploying(config)
        ? prepareDeployment({
            config,
            workspace: options.workspace ?? process.cwd(),
            ...(options.gitSha ? { commit: options.gitSha } : {}),
            ...(options.changeLabel ? { label: options.changeLabel } : {}),
            outDir: options.outDir,
            ...(board ? { board } : {}),
            log: (l) => reporter?.info(l),
        })
        : undefined;
    if (connection.type === 'ssh' && (config.board.switch || config.deploy)) {
        // Hashing the workspace comes first: a missing build output is an error before the board is touched.
        const deployment = await prepare();
        return withBoard({
            config: config.board,
            connect: () => new SshTransport(sshHostFromConfig(connection)),
            controller: new LocalTransport(),
            logDir: join(options.outDir, 'logs', 'board'),
            ...(reporter ? { log: (line) => reporter.info(line) } : {}),
            ...(options.boardActivity ? { activity: options.boardActivity } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        }, async (board) => {
            deployment?.attach(board);
            return runBench(deployment ? deployment.applyTo(config) : config, {
                ...options,
                board: () => board.transport(),
                switchBootMode: async (mode) => {
                    if (deployment)
                        await deployment.enter(mode);
                    else
                        await board.switchBootMode(mode);
                },
                restoreBootMode: false,
                ...(deployment ? { deployment } : {}),
            });
        }, (board) => (deployment ? deployment.restore(board) : board.restoreDefault()));
    }
    // No board control: the engine opens the board itself; a deployment (environments only, the
    // schema makes sure) goes over a transport of its own.
    let transport;
    try {
        let deployment;
        if (config.deploy) {
            transport = await createBoardTransport(config.board);
            const t = transport;
            deployment = await prepare(() => t);
        }
        return await runBench(deployment ? deployment.applyTo(config) : config, {
            ...options,
            ...(transport ? { board: transport } : {}),
            ...(deployment ? { deployment } : {}),
        });
    }
    finally {
        await transport?.close().catch(() => undefined);
    }
}

export { runOnBoard };

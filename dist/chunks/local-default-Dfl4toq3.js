import { access } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { o as object, d as string, r as runProcess, m as minimalEnv, e as array, T as TEN_SECOND_UNIXBENCH_TESTS, g as environmentRegistry, p as parseConfig, h as defaultTreePath, D as DEFAULT_CACHE, U as UNIXBENCH_COMMIT } from './source-BOQ60Nqm.js';
import 'node:crypto';
import 'process';
import 'buffer';
import 'node:net';
import 'node:os';
import 'node:child_process';
import 'node:string_decoder';

/**
 * Builds (or finds in the cache) the project's test guest with guest/build.sh, on the
 * controller. The script caches by content hash under ${AVB_CACHE}/guest/<hash>/.
 */
const GuestManifest = object({
    key: string(),
    arch: string(),
    kernelPackage: string(),
    kernelPackageVersion: string(),
    kernelRelease: string(),
    clientKey: string(),
    modules: array(string()),
    tools: array(string()),
    /** The built byte-UnixBench tree in the guest (same path as on the build host), or "". */
    unixbench: string().optional(),
});
/** guest/build.sh, found upwards from this module (src/... or dist/...). */
function guestBuildScript() {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = join(dir, 'guest', 'build.sh');
        if (existsSync(candidate))
            return candidate;
        dir = dirname(dir);
    }
    throw new Error('guest/build.sh not found next to the arm-virt-bench installation');
}
async function buildGuestImage(options = {}) {
    const argv = ['bash', guestBuildScript()];
    if (options.flavour)
        argv.push('--flavour', options.flavour);
    if (options.authorizedKey)
        argv.push('--authorized-key', options.authorizedKey);
    for (const t of options.tools ?? [])
        argv.push('--tool', t);
    if (options.unixbench)
        argv.push('--unixbench', options.unixbench);
    if (options.cache)
        argv.push('--cache', options.cache);
    const env = {};
    if (process.env.AVB_CACHE)
        env.AVB_CACHE = process.env.AVB_CACHE;
    const r = await runProcess(argv, {
        timeoutMs: options.timeoutMs ?? 600_000,
        env: minimalEnv(env),
        logPath: options.logPath,
        signal: options.signal,
    });
    const lines = r.output.trim().split('\n');
    // The script's last stdout line is the image folder (stderr lines are interleaved).
    const dir = [...lines]
        .reverse()
        .find((l) => l.startsWith('/'))
        ?.trim() ?? '';
    if (r.exitCode !== 0 || dir === '') {
        throw new Error(`guest build failed (exit ${r.exitCode}${r.timedOut ? ', timed out' : ''}): ${lines.slice(-5).join(' | ')}`);
    }
    const manifest = GuestManifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    return {
        dir,
        kernel: join(dir, 'vmlinuz'),
        initrd: join(dir, 'initrd.cpio.gz'),
        hostKey: readFileSync(join(dir, 'host_key.pub'), 'utf8').trim(),
        ...(manifest.clientKey ? { identityFile: join(dir, manifest.clientKey) } : {}),
        manifest,
    };
}

/**
 * The embedded default config for the local machine (`run` without `--config`): the
 * host always, plus the environments the machine can offer — decided by probes in
 * src/engine/local-default.ts, which hand their findings in here.
 */
function defaultLocalConfig(offer) {
    return {
        board: { name: 'local', connection: { type: 'local' } },
        preset: 'quick',
        environments: [{ kind: 'host' }, ...offer.environments],
        // `quick`, trimmed so that a run with an emulated (TCG) guest stays within a few
        // minutes: under TCG one hackbench group of 500 loops alone takes minutes.
        runs: 2,
        suites: {
            hackbench: { modes: ['process'], ipc: ['socket', 'pipe'], groups: [1], loops: 100 },
            iozone: { fileSizesKb: [256], tests: ['write-rewrite', 'read-reread'] },
            netperf: { messageBytes: [1024], tests: ['TCP_STREAM', 'TCP_RR'], lengthSeconds: 1 },
            // All of UnixBench's 10-second tests (quick picks three of them for PRs).
            unixbench: offer.unixbenchPath
                ? { path: offer.unixbenchPath, tests: [...TEN_SECOND_UNIXBENCH_TESTS] }
                : { enabled: false },
        },
    };
}

/**
 * What this machine can offer when `run` has no --config: the host always; docker when
 * an engine answers; a TCG guest when QEMU and a guest image are there. Each environment
 * left out comes with a one-line reason for the person running it.
 */
/**
 * Known places of a built byte-UnixBench tree: where scripts/setup.sh builds the pinned
 * commit (under $AVB_CACHE), then where people often keep one.
 */
function unixbenchCandidates(env = process.env) {
    return [
        defaultTreePath(UNIXBENCH_COMMIT, env.AVB_CACHE ?? DEFAULT_CACHE),
        '/opt/byte-unixbench/UnixBench',
        '/usr/local/lib/UnixBench',
    ];
}
async function builtTreeAt(p) {
    const ok = (f) => access(f).then(() => true, () => false);
    return (await ok(`${p}/pgms/dhry2reg`)) && (await ok(`${p}/Run`)) && (await ok(`${p}/tmp`));
}
async function answers(t, argv, timeoutMs = 15_000) {
    try {
        const r = await t.exec(argv, { timeoutMs });
        return { ok: r.exitCode === 0, output: r.output.trim() };
    }
    catch (err) {
        return { ok: false, output: err.message };
    }
}
async function localDefaultConfig(local, options = {}) {
    const skipped = [];
    const notes = [];
    const environments = [];
    const wanted = (id) => !options.only || options.only.includes(id);
    // docker: the engine must answer, and this build must have the docker environment.
    const docker = !wanted('docker')
        ? undefined
        : await answers(local, ['docker', 'version', '--format', '{{.Server.Version}}']);
    if (!docker) ;
    else if (!docker.ok) {
        skipped.push({
            env: 'docker',
            reason: `no Docker engine answers (docker version: ${docker.output.split('\n').pop() || 'failed'})`,
        });
    }
    else if (!environmentRegistry.docker) {
        skipped.push({ env: 'docker', reason: 'the docker environment is not available in this build' });
    }
    else {
        environments.push({ kind: 'docker', id: 'docker' });
    }
    let unixbenchPath;
    const candidates = unixbenchCandidates();
    for (const p of candidates) {
        if (await builtTreeAt(p)) {
            unixbenchPath = p;
            break;
        }
    }
    if (!unixbenchPath) {
        notes.push(`unixbench: off (no built byte-UnixBench tree in ${candidates.join(' or ')}: run scripts/setup.sh with AVB_UNIXBENCH_SOURCE or AVB_UNIXBENCH_GIT set, or set suites.unixbench.path in a config)`);
    }
    // kvm: a TCG guest (no usable KVM assumed) needs QEMU for this machine's arch and the guest image.
    const arch = process.arch === 'arm64' ? 'aarch64' : process.arch === 'x64' ? 'x86_64' : undefined;
    const qemu = arch
        ? await answers(local, ['sh', '-c', 'command -v "$1"', 'sh', `qemu-system-${arch}`])
        : { ok: false };
    if (!wanted('kvm')) ;
    else if (!arch)
        skipped.push({ env: 'kvm', reason: `no guest image for ${process.arch} machines` });
    else if (!qemu.ok)
        skipped.push({ env: 'kvm', reason: `QEMU is not installed (no qemu-system-${arch})` });
    else if (!environmentRegistry.kvm)
        skipped.push({ env: 'kvm', reason: 'the kvm environment is not available in this build' });
    else {
        try {
            const build = (ub) => buildGuestImage({ timeoutMs: 300_000, ...(ub ? { unixbench: ub } : {}) });
            const image = await (options.guestImage ?? build)(unixbenchPath);
            if (unixbenchPath && image.manifest.unixbench !== unixbenchPath) {
                notes.push(`kvm: the guest image has no UnixBench tree at ${unixbenchPath}: UnixBench fails there`);
            }
            if (!image.identityFile)
                throw new Error('the guest image has no client key');
            environments.push({
                kind: 'kvm',
                id: 'kvm',
                arch,
                accel: 'tcg',
                boot: { kernel: image.kernel, initrd: image.initrd },
                // network and dataDisk: the defaults, the paper's paths — a TAP on a bridge made for
                // the run (avbbr0, removed afterwards) and a virtio-blk scratch disk formatted in the guest.
                ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
            });
            notes.push(`kvm: a TCG guest (emulated, slow: only overhead ratios against this machine mean anything) from ${image.dir}, on a bridge + TAP with a virtio-blk scratch disk`);
        }
        catch (err) {
            skipped.push({ env: 'kvm', reason: `the guest image is not available: ${err.message}` });
        }
    }
    const config = parseConfig(defaultLocalConfig({ environments, unixbenchPath }), '(embedded default config)');
    return { config, skipped, notes };
}

export { localDefaultConfig, unixbenchCandidates };

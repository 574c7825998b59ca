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

export { BoardConfigError as B, HYP_UNAVAILABLE as H, BoardCancelledError as a, kvmInitializedMode as b, BoardError as c, BootSwitchError as d, BoardUnreachableError as e, kvmModeOf as k, refusal as r };

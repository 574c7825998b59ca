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

export { HYP_UNAVAILABLE as H, kvmInitializedMode as a, kvmModeOf as k };

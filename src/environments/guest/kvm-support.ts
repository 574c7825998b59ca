/**
 * Can this board host KVM guests? Pure decision from facts read on the board. Named
 * condition: 32-bit ARM KVM host support was removed in Linux 5.7, so a 32-bit ARM kernel
 * from 5.7 on has no /dev/kvm, whatever the CPU can do.
 */
export interface KvmHostFacts {
  /** `uname -m` */
  machine: string;
  /** `uname -r` */
  kernelRelease: string;
  devKvm: boolean;
}

export type KvmHostVerdict = { ok: true } | { ok: false; reason: string };

export const ARM32_KVM_REMOVED = '32-bit ARM KVM host support was removed in Linux 5.7';

/** `armv7l`, `armv6l`, `arm`, `armv8l` (a 32-bit kernel on a 64-bit CPU) — not aarch64/arm64. */
export function isArm32(machine: string): boolean {
  return /^arm(v\d+[a-z]*)?$/i.test(machine.trim());
}

/** `5.10.0-23-armmp-lpae` → [5, 10]; undefined when it does not start with a version. */
export function kernelVersion(release: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function kvmHostSupport(facts: KvmHostFacts): KvmHostVerdict {
  if (facts.devKvm) return { ok: true };
  const v = kernelVersion(facts.kernelRelease);
  if (isArm32(facts.machine) && v && (v[0] > 5 || (v[0] === 5 && v[1] >= 7))) {
    return {
      ok: false,
      reason: `${ARM32_KVM_REMOVED}: the board runs ${facts.kernelRelease} on ${facts.machine} and has no /dev/kvm (boot a kernel older than 5.7, or measure with accel: tcg)`,
    };
  }
  return {
    ok: false,
    reason: `no /dev/kvm on the board (${facts.kernelRelease} on ${facts.machine}): KVM is not enabled in this kernel, the kvm module is not loaded, or the CPU was not started in HYP mode`,
  };
}

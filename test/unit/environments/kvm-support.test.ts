import { describe, expect, it } from 'vitest';
import {
  ARM32_KVM_REMOVED,
  isArm32,
  kernelVersion,
  kvmHostSupport,
} from '../../../src/environments/guest/kvm-support.js';

describe('kvmHostSupport', () => {
  it('names the 32-bit ARM removal for an armv7l kernel >= 5.7 without /dev/kvm', () => {
    const v = kvmHostSupport({ machine: 'armv7l', kernelRelease: '6.1.0-28-armmp-lpae', devKvm: false });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toContain('32-bit ARM KVM host support was removed in Linux 5.7');
    expect(!v.ok && v.reason).toContain('6.1.0-28-armmp-lpae on armv7l');
  });

  it('applies from exactly 5.7 on', () => {
    const at = kvmHostSupport({ machine: 'armv7l', kernelRelease: '5.7.0', devKvm: false });
    const before = kvmHostSupport({ machine: 'armv7l', kernelRelease: '5.6.19', devKvm: false });
    expect(!at.ok && at.reason.startsWith(ARM32_KVM_REMOVED)).toBe(true);
    expect(!before.ok && before.reason).not.toContain(ARM32_KVM_REMOVED);
    expect(!before.ok && before.reason).toContain('no /dev/kvm');
  });

  it('is fine whenever /dev/kvm exists (e.g. a 4.19 armv7l kernel, or arm64)', () => {
    expect(
      kvmHostSupport({ machine: 'armv7l', kernelRelease: '4.19.0-21-armmp-lpae', devKvm: true }).ok,
    ).toBe(true);
    expect(kvmHostSupport({ machine: 'aarch64', kernelRelease: '6.1.0-28-arm64', devKvm: true }).ok).toBe(
      true,
    );
  });

  it('gives a generic reason on arm64 without /dev/kvm', () => {
    const v = kvmHostSupport({ machine: 'aarch64', kernelRelease: '6.1.0-28-arm64', devKvm: false });
    expect(!v.ok && v.reason).toMatch(/^no \/dev\/kvm on the board \(6\.1\.0-28-arm64 on aarch64\)/);
    expect(!v.ok && v.reason).not.toContain('32-bit');
  });

  it('tells 32-bit ARM machine names from 64-bit ones', () => {
    for (const m of ['armv7l', 'armv6l', 'arm', 'armv8l']) expect(isArm32(m)).toBe(true);
    for (const m of ['aarch64', 'arm64', 'x86_64']) expect(isArm32(m)).toBe(false);
    expect(kernelVersion('5.10.0-23-armmp-lpae')).toEqual([5, 10]);
    expect(kernelVersion('garbage')).toBeUndefined();
  });
});

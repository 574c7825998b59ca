import { describe, expect, it } from 'vitest';
import { kvmInitializedMode, kvmModeOf } from '../../../src/board/kvm-log.js';

// The kernel's own lines (arch/arm64/kvm/arm.c across 5.x–6.x; arch/arm/kvm before 5.7).
describe('kvm-log', () => {
  it('names the mode each kernel announces', () => {
    const cases: [string, string | undefined][] = [
      ['[    0.512345] kvm [1]: Hyp mode initialized successfully', 'KVM hyp (nVHE) mode'],
      ['kvm [1]: Hyp mode (nVHE) initialized successfully', 'KVM hyp (nVHE) mode'],
      ['kvm [1]: Hyp mode (hVHE) initialized successfully', 'KVM hVHE mode'],
      ['kvm [1]: VHE mode initialized successfully', 'KVM VHE mode'],
      // Not its "VHE mode" tail.
      ['kvm [1]: Protected nVHE mode initialized successfully', 'KVM protected nVHE (pKVM) mode'],
      ['kvm [1]: IPA Size Limit: 44 bits', undefined],
    ];
    for (const [line, mode] of cases) expect(kvmInitializedMode(line), line).toBe(mode);
  });

  it('a kernel not started at HYP/EL2 says so, whatever else the log holds', () => {
    expect(kvmModeOf('kvm [1]: HYP mode not available')).toBe('HYP mode not available');
    expect(kvmModeOf('/dev/kvm absent; CPU: CPUs started in inconsistent modes; EL2 not available')).toBe(
      'HYP mode not available',
    );
    expect(kvmModeOf('/dev/kvm present; kvm-guest: APIC: eoi() replaced')).toBeUndefined();
  });
});

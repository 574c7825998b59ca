import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assertBootMode,
  detectBootMode,
  kernelVersion,
  kvmStatus,
  parseProbe,
  probeFingerprint,
  ProbeParseError,
  WrongBootModeError,
  type BootProbe,
} from '../../../src/board/probe.js';

const probeText = (o: {
  kernel?: string;
  arch?: string;
  hv?: string;
  caps?: string | null;
  kvm?: boolean;
  dmesg?: string[];
  xl?: string[];
}): string =>
  [
    '@@boot_id',
    '3f0c0d7e-9b1e-4a55-a1d0-5a1f7d6e2c11',
    '@@kernel',
    o.kernel ?? '6.1.0-37-arm64',
    '@@arch',
    o.arch ?? 'aarch64',
    '@@cmdline',
    'root=/dev/vda2 rw rootwait console=ttyAMA0',
    '@@hypervisor_type',
    ...(o.hv ? [o.hv] : []),
    '@@xen_capabilities',
    ...(o.caps === null || o.caps === undefined ? [] : ['file:', o.caps]),
    '@@dev_kvm',
    o.kvm ? 'present' : 'absent',
    '@@dmesg',
    ...(o.dmesg ?? []),
    '@@xl_info',
    ...(o.xl ?? []),
    '@@end',
    '',
  ].join('\n');

describe('parseProbe', () => {
  it('reads every section', () => {
    const p = parseProbe(
      probeText({ kvm: true, dmesg: ['[    0.512345] kvm [1]: Hyp mode initialized successfully'] }),
    );
    expect(p).toEqual<BootProbe>({
      bootId: '3f0c0d7e-9b1e-4a55-a1d0-5a1f7d6e2c11',
      kernel: '6.1.0-37-arm64',
      arch: 'aarch64',
      cmdline: 'root=/dev/vda2 rw rootwait console=ttyAMA0',
      hypervisorType: undefined,
      xenCapabilities: undefined,
      devKvm: true,
      dmesg: ['[    0.512345] kvm [1]: Hyp mode initialized successfully'],
      xlInfo: {},
    });
  });

  it('tells an empty /proc/xen/capabilities (DomU) from a missing one', () => {
    expect(parseProbe(probeText({ hv: 'xen', caps: '' })).xenCapabilities).toBe('');
    expect(parseProbe(probeText({ hv: 'xen', caps: null })).xenCapabilities).toBeUndefined();
    expect(parseProbe(probeText({ hv: 'xen', caps: 'control_d' })).xenCapabilities).toBe('control_d');
  });

  it('reads xl info as key/value pairs', () => {
    const p = parseProbe(
      probeText({
        hv: 'xen',
        caps: 'control_d',
        xl: ['xen_major            : 4', 'xen_minor            : 17', 'xen_extra            : .5'],
      }),
    );
    expect(p.xlInfo).toEqual({ xen_major: '4', xen_minor: '17', xen_extra: '.5' });
  });

  it('rejects a cut-short output', () => {
    const cut = probeText({}).split('@@dev_kvm')[0] ?? '';
    expect(() => parseProbe(cut)).toThrow(ProbeParseError);
    expect(() => parseProbe(cut)).toThrow(/no @@end marker/);
  });

  it('rejects an output without a kernel release', () => {
    expect(() => parseProbe(probeText({ kernel: '' }))).toThrow(/has no kernel/);
  });
});

describe('detectBootMode', () => {
  it('linux with KVM (arm64, Hyp mode initialized)', () => {
    const d = detectBootMode(
      parseProbe(
        probeText({ kvm: true, dmesg: ['[    0.480000] kvm [1]: Hyp mode initialized successfully'] }),
      ),
    );
    expect(d.mode).toBe('linux');
    expect(d.xenRole).toBeUndefined();
    expect(d.kvm).toEqual({ available: true });
    expect(d.evidence).toContain('dmesg: [    0.480000] kvm [1]: Hyp mode initialized successfully');
  });

  it('xen Dom0: hypervisor type xen, control_d, no /dev/kvm', () => {
    const d = detectBootMode(
      parseProbe(probeText({ hv: 'xen', caps: 'control_d', dmesg: ['kvm [1]: HYP mode not available'] })),
    );
    expect(d.mode).toBe('xen');
    expect(d.xenRole).toBe('dom0');
    expect(d.kvm.available).toBe(false);
    expect(d.kvm.reason).toMatch(/running under Xen/);
  });

  it('a Xen guest is xen but not Dom0, and is refused for measuring in the xen boot', () => {
    const d = detectBootMode(parseProbe(probeText({ hv: 'xen', caps: '' })));
    expect(d).toMatchObject({ mode: 'xen', xenRole: 'domU' });
    expect(() => assertBootMode('xen', d)).toThrow(WrongBootModeError);
  });

  it('xen without xenfs mounted: role unknown, refused with the fix named', () => {
    const d = detectBootMode(parseProbe(probeText({ hv: 'xen', caps: null })));
    expect(d.xenRole).toBe('unknown');
    expect(() => assertBootMode('xen', d)).toThrow(/mount xenfs on \/proc\/xen/);
  });

  it('refuses to measure linux environments in the xen boot and vice versa', () => {
    const xen = detectBootMode(parseProbe(probeText({ hv: 'xen', caps: 'control_d' })));
    const linux = detectBootMode(parseProbe(probeText({ kvm: true })));
    expect(() => assertBootMode('linux', xen)).toThrow(
      /refusing to measure: the board is in the xen \(dom0\) boot, expected linux/,
    );
    expect(() => assertBootMode('xen', linux)).toThrow(/in the linux boot, expected xen/);
    expect(() => assertBootMode('xen', xen)).not.toThrow();
    expect(() => assertBootMode('linux', linux)).not.toThrow();
  });
});

describe('kvmStatus', () => {
  const base = parseProbe(probeText({}));
  it('names the 32-bit ARM ≥ 5.7 kernel as the reason', () => {
    const s = kvmStatus({ ...base, arch: 'armv7l', kernel: '6.1.0-37-armmp-lpae' });
    expect(s.available).toBe(false);
    expect(s.reason).toBe(
      '32-bit ARM kernel 6.1.0-37-armmp-lpae (armv7l): KVM host support for 32-bit ARM was removed in Linux 5.7; use a kernel older than 5.7 or an arm64 kernel',
    );
  });
  it('5.7.0 exactly is already without it; 5.6 is not blamed on the version', () => {
    expect(kvmStatus({ ...base, arch: 'armv7l', kernel: '5.7.0' }).reason).toMatch(/removed in Linux 5.7/);
    expect(kvmStatus({ ...base, arch: 'armv7l', kernel: '5.6.19' }).reason).not.toMatch(
      /removed in Linux 5.7/,
    );
  });
  it('an arm64 kernel without /dev/kvm is not blamed on 5.7', () => {
    expect(kvmStatus({ ...base, kernel: '6.1.0-37-arm64' }).reason).toMatch(/kvm module is not loaded/);
  });
  it('points at the firmware when the CPU was not started in HYP mode', () => {
    const s = kvmStatus({ ...base, dmesg: ['[    0.1] kvm [1]: HYP mode not available'] });
    expect(s.reason).toMatch(/not started in HYP\/EL2 mode/);
  });
  it('kernelVersion', () => {
    expect(kernelVersion('5.10.0-23-armmp-lpae')).toEqual([5, 10]);
    expect(kernelVersion('garbage')).toBeUndefined();
  });
});

describe('probeFingerprint', () => {
  it('carries the facts that decide comparability', () => {
    const p = parseProbe(
      probeText({
        hv: 'xen',
        caps: 'control_d',
        xl: ['xen_major              : 4', 'xen_minor              : 17', 'xen_extra              : .5'],
      }),
    );
    const fp = probeFingerprint(p, detectBootMode(p));
    expect(fp).toMatchObject({
      kernel: '6.1.0-37-arm64',
      arch: 'aarch64',
      hypervisor: 'xen',
      hypervisorVersion: '4.17.5',
      xenCapabilities: 'control_d',
      xenRole: 'dom0',
      bootMode: 'xen',
    });
    expect(fp.kvm).toMatch(/^unavailable: running under Xen/);
  });
});

describe('real probes captured on the virtual board (lab/, test/fixtures/board)', () => {
  const fixture = (name: string): string =>
    readFileSync(new URL(`../../fixtures/board/${name}`, import.meta.url), 'utf8');

  it('Linux boot: KVM host (Hyp mode initialized), no hypervisor underneath', () => {
    const p = parseProbe(fixture('probe-lab-linux.txt'));
    expect(p.bootId).toBe('ced96f8a-bbbe-44ef-b7d1-ae0029c9e954');
    expect(p.kernel).toBe('6.1.0-56-arm64');
    expect(p.cmdline).toBe('root=/dev/vda2 rw rootwait console=ttyAMA0');
    expect(p.hypervisorType).toBeUndefined();
    expect(p.xenCapabilities).toBeUndefined();
    expect(p.devKvm).toBe(true);
    expect(p.dmesg).toHaveLength(8);
    expect(p.dmesg[0]).toBe('[    0.429065] CPU: All CPU(s) started at EL2');
    const d = detectBootMode(p);
    expect(d.mode).toBe('linux');
    expect(d.kvm).toEqual({ available: true });
    expect(d.evidence).toContain('dmesg: [    3.359604] kvm [1]: Hyp mode initialized successfully');
  });

  it('Xen boot: Dom0 (control_d), Xen 4.17.7, KVM unavailable because Xen holds EL2', () => {
    const p = parseProbe(fixture('probe-lab-xen-dom0.txt'));
    expect(p.hypervisorType).toBe('xen');
    expect(p.xenCapabilities).toBe('control_d');
    expect(p.devKvm).toBe(false);
    expect(p.cmdline).toBe('root=/dev/vda2 rw rootwait console=hvc0 earlycon=xenboot');
    expect(p.xlInfo.xen_version).toBe('4.17.7');
    expect(p.xlInfo.xen_commandline).toBe('dom0_mem=768M,max:768M dom0_max_vcpus=1 console=dtuart');
    expect(p.xlInfo.total_memory).toBe('2048');
    const d = detectBootMode(p);
    expect(d).toMatchObject({ mode: 'xen', xenRole: 'dom0' });
    expect(d.kvm.reason).toBe('running under Xen: EL2 belongs to the hypervisor, no /dev/kvm in this boot');
    const fp = probeFingerprint(p, d);
    expect(fp.hypervisorVersion).toBe('4.17.7');
    expect(() => assertBootMode('xen', d)).not.toThrow();
    expect(() => assertBootMode('linux', d)).toThrow(WrongBootModeError);
  });
});

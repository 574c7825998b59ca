/** Fingerprint parsers on real captures (test/fixtures/meta/, values read from the files by eye). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bootModeOf,
  parseCgroupV1Cpu,
  parseCgroupV2Cpu,
  parseCpuinfo,
  parseDockerVersionJson,
  parseFingerprint,
  parseLscpu,
  parseMeminfo,
  parseMemoryLimit,
  parseQemuVersion,
  parseToolVersions,
  splitSections,
} from '../../../src/environments/fingerprint.js';

const meta = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures/meta', `${name}.txt`), 'utf8');

describe('fingerprint parsers on real captures', () => {
  it('lscpu: model and CPU count', () => {
    expect(parseLscpu(meta('lscpu'))).toEqual({ cpuModel: 'AMD EPYC', cpus: 2 });
  });

  it('/proc/cpuinfo (x86): model name, MHz, processors', () => {
    expect(parseCpuinfo(meta('proc_cpuinfo_head40'))).toEqual({
      cpuModel: 'AMD EPYC',
      cpuMHz: 2596.156,
      cpus: 2,
    });
  });

  it('/proc/cpuinfo (ARM, no model name): implementer and part', () => {
    const arm =
      'processor\t: 0\nmodel name\t: ARMv7 Processor rev 4 (v7l)\nCPU implementer\t: 0x41\nCPU part\t: 0xc0f\n';
    expect(parseCpuinfo(arm).cpuModel).toBe('ARMv7 Processor rev 4 (v7l)');
    expect(parseCpuinfo('processor\t: 0\nCPU implementer\t: 0x41\nCPU part\t: 0xc0f\n').cpuModel).toBe(
      'implementer 0x41 part 0xc0f',
    );
  });

  it('meminfo MemTotal in bytes (equals free -b total)', () => {
    expect(parseMeminfo(meta('proc_meminfo_head'))).toBe(24684084 * 1024);
    expect(meta('free_b')).toContain('25276502016');
    expect(24684084 * 1024).toBe(25276502016);
  });

  it('QEMU and Docker versions', () => {
    expect(parseQemuVersion(meta('qemu_version'))).toBe('7.2.22');
    expect(parseDockerVersionJson(meta('docker_version_json'))).toBe('20.10.24+dfsg1');
    expect(parseDockerVersionJson('Cannot connect to the Docker daemon')).toBeUndefined();
  });

  it('cgroup limits: v1 unlimited quota and memory, v2 forms', () => {
    expect(parseCgroupV1Cpu(meta('cgroup_v1_cpu_quota_period'))).toBe('max');
    expect(parseCgroupV1Cpu('100000\n100000\n')).toBe('100000/100000');
    expect(parseMemoryLimit(meta('cgroup_v1_memory_limit'))).toBe('max');
    expect(parseMemoryLimit('1073741824\n')).toBe('1073741824');
    expect(parseCgroupV2Cpu('max 100000')).toBe('max');
    expect(parseCgroupV2Cpu('100000 100000')).toBe('100000/100000');
    expect(parseMemoryLimit('max')).toBe('max');
  });

  it('tool versions', () => {
    expect(
      parseToolVersions({
        hackbench: meta('hackbench_help'),
        netperf: meta('netperf_V'),
        iozone: meta('iozone_v'),
      }),
    ).toEqual({ hackbench: '2.40', netperf: '2.7.0', iozone: '3.489' });
  });
});

describe('the fingerprint script output', () => {
  const sections = (s: Record<string, string>): string =>
    Object.entries(s)
      .map(([k, v]) => `\n@@avb:${k}\n${v}`)
      .join('') + '\n@@avb:end\n';

  it('is split by section and assembled into one fingerprint', () => {
    const text = sections({
      kernel: '6.18.44-fc-v669',
      arch: 'x86_64',
      cmdline: 'console=ttyS0 quiet',
      hypervisor_type: '',
      dmesg: '[    0.000000] Hypervisor detected: KVM\n[    0.1] kvm-clock: Using msrs',
      dev_kvm: 'present',
      qemu: meta('qemu_version').split('\n')[0]!,
      docker: meta('docker_version_json'),
      lscpu: meta('lscpu'),
      cpuinfo: meta('proc_cpuinfo_head40'),
      nproc: '2',
      meminfo: meta('proc_meminfo_head'),
      cgroup_v1_cpu: meta('cgroup_v1_cpu_quota_period'),
      cgroup_v1_memory: meta('cgroup_v1_memory_limit'),
      hackbench: 'hackbench V 2.40',
      netperf: 'Netperf version 2.7.0',
      iozone: '        Version $Revision: 3.489 $',
    });
    const s = splitSections(text);
    expect(s.kernel).toBe('6.18.44-fc-v669');
    expect(s.end).toBe('');
    const fp = parseFingerprint(s);
    expect(fp).toEqual({
      kernel: '6.18.44-fc-v669',
      cmdline: 'console=ttyS0 quiet',
      arch: 'x86_64',
      kvm: '/dev/kvm present; Hypervisor detected: KVM; kvm-clock: Using msrs',
      qemuVersion: '7.2.22',
      dockerVersion: '20.10.24+dfsg1',
      cpuModel: 'AMD EPYC',
      cpus: 2,
      cpuMHz: 2596.156,
      memoryBytes: 25276502016,
      cgroupCpuLimit: 'max',
      cgroupMemoryLimit: 'max',
      toolVersions: { hackbench: '2.40', netperf: '2.7.0', iozone: '3.489' },
    });
    expect(bootModeOf(fp)).toBe('linux');
  });

  it('proves Xen Dom0 only with control_d; a DomU is not the xen boot mode of the board', () => {
    const dom0 = parseFingerprint(
      splitSections(
        sections({ hypervisor_type: 'xen', xen_capabilities: 'control_d', hypervisor_version: '4\n17\n.5' }),
      ),
    );
    expect(dom0.hypervisor).toBe('xen');
    expect(dom0.hypervisorVersion).toBe('4.17.5');
    expect(bootModeOf(dom0)).toBe('xen');
    const domU = parseFingerprint(splitSections(sections({ hypervisor_type: 'xen', xen_capabilities: '' })));
    expect(bootModeOf(domU)).toBe('linux');
  });
});

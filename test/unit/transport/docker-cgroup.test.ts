/**
 * The cgroup view parser. The v1 inputs are real captures (test/fixtures/docker, copied
 * from the fixture corpus): their values are put under the file names their .cmd read,
 * in the `path=value` form CGROUP_VIEW_SCRIPT prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCgroupView } from '../../../src/environments/docker-cgroup.js';

const fixture = (name: string): string[] =>
  readFileSync(join(import.meta.dirname, '../../fixtures/docker', name), 'utf8').split('\n');

describe('parseCgroupView', () => {
  it('reads a v1 container limited to 1 CPU and 256 MiB', () => {
    // docker_cgroup_view_cpus1_mem256m.txt: after the first "---": quota, period, memory, cpuset.
    const lines = fixture('docker_cgroup_view_cpus1_mem256m.txt');
    const at = lines.indexOf('---') + 1;
    const text = [
      `/sys/fs/cgroup/cpu/cpu.cfs_quota_us=${lines[at]}`,
      `/sys/fs/cgroup/cpu/cpu.cfs_period_us=${lines[at + 1]}`,
      `/sys/fs/cgroup/memory/memory.limit_in_bytes=${lines[at + 2]}`,
      `/sys/fs/cgroup/cpuset/cpuset.cpus=${lines[at + 3]}`,
    ].join('\n');
    expect(parseCgroupView(text)).toEqual({
      version: 'v1',
      cpuMax: '100000 100000',
      cpuLimit: 1,
      memoryMax: '268435456',
      cpuset: '0-1',
    });
  });

  it('reads an unlimited v1 host: quota -1 and the huge memory limit are "max"', () => {
    const cpu = fixture('cgroup_v1_cpu_quota_period.txt');
    const mem = fixture('cgroup_v1_memory_limit.txt');
    const text = [
      `/sys/fs/cgroup/cpu/cpu.cfs_quota_us=${cpu[0]}`,
      `/sys/fs/cgroup/cpu/cpu.cfs_period_us=${cpu[1]}`,
      `/sys/fs/cgroup/memory/memory.limit_in_bytes=${mem[0]}`,
    ].join('\n');
    expect(parseCgroupView(text)).toEqual({
      version: 'v1',
      cpuMax: 'max 100000',
      memoryMax: 'max',
      cpuset: undefined,
    });
  });

  it('reads cgroup v2 (cpu.max, memory.max)', () => {
    const text = [
      '/sys/fs/cgroup/cgroup.controllers=cpuset cpu io memory pids',
      '/sys/fs/cgroup/cpu.max=150000 100000',
      '/sys/fs/cgroup/memory.max=1073741824',
      '/sys/fs/cgroup/cpuset.cpus.effective=0-3',
    ].join('\n');
    expect(parseCgroupView(text)).toEqual({
      version: 'v2',
      cpuMax: '150000 100000',
      cpuLimit: 1.5,
      memoryMax: '1073741824',
      cpuset: '0-3',
    });
    expect(
      parseCgroupView('/sys/fs/cgroup/cgroup.controllers=cpu\n/sys/fs/cgroup/cpu.max=max 100000\n'),
    ).toEqual({
      version: 'v2',
      cpuMax: 'max 100000',
      memoryMax: undefined,
      cpuset: undefined,
    });
  });

  it('on a hybrid host without cpu.max (missing file, exit 1) stays v1', () => {
    // cgroup_v2_cpu_max_missing: the file does not exist there, so the view script prints nothing for it.
    expect(fixture('cgroup_v2_cpu_max_missing.txt')[0]).toMatch(/No such file/);
    expect(parseCgroupView('').version).toBe('v1');
  });
});

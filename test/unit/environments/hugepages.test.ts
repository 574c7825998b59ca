import { describe, expect, it } from 'vitest';
import { hugepagesShortfall } from '../../../src/environments/guest/hugepages.js';

const meminfo = (free: number, size = 2048): string =>
  [
    'MemTotal:        4030000 kB',
    `HugePages_Total:     600`,
    `HugePages_Free:      ${free}`,
    `Hugepagesize:       ${size} kB`,
  ].join('\n');

describe('hugepagesShortfall', () => {
  it('accepts 512 free 2 MB pages for a 1024 MiB guest', () => {
    expect(hugepagesShortfall(meminfo(512), 1024)).toBeUndefined();
  });
  it('refuses 511 with the numbers and the fix', () => {
    expect(hugepagesShortfall(meminfo(511), 1024)).toBe(
      'hugepages: the guest needs 512 free 2048 kB pages for 1024 MiB but /proc/meminfo shows HugePages_Free: 511 (reserve them, e.g. sysctl vm.nr_hugepages=512)',
    );
  });
  it('counts 1 GiB pages', () => {
    expect(hugepagesShortfall(meminfo(1, 1048576), 1024)).toBeUndefined();
  });
  it('refuses a kernel without huge page support', () => {
    expect(hugepagesShortfall('MemTotal: 1000 kB\n', 1024)).toMatch(/reports no huge pages/);
  });
});

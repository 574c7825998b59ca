/**
 * Huge page check before a guest is started with `hugepages` (pure): enough free pages in
 * /proc/meminfo for all of the guest's RAM, or a clear reason.
 */
export function hugepagesShortfall(meminfo: string, memoryMiB: number): string | undefined {
  const num = (key: string): number | undefined => {
    const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(meminfo);
    return m ? Number(m[1]) : undefined;
  };
  const free = num('HugePages_Free');
  const sizeKb = num('Hugepagesize');
  if (free === undefined || sizeKb === undefined || sizeKb === 0) {
    return 'hugepages: the board kernel reports no huge pages (no HugePages_Free/Hugepagesize in /proc/meminfo)';
  }
  const needed = Math.ceil((memoryMiB * 1024) / sizeKb);
  if (free < needed) {
    return `hugepages: the guest needs ${needed} free ${sizeKb} kB pages for ${memoryMiB} MiB but /proc/meminfo shows HugePages_Free: ${free} (reserve them, e.g. sysctl vm.nr_hugepages=${needed})`;
  }
  return undefined;
}

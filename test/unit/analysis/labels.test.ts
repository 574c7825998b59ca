import { describe, expect, it } from 'vitest';
import { metricLabel } from '../../../src/analysis/labels.js';

describe('metricLabel', () => {
  it("names each suite's cells as the paper does", () => {
    expect(metricLabel('hackbench.time', { tasks: 40, mode: 'process', ipc: 'socket' })).toBe(
      'hackbench 40 tasks (process, socket)',
    );
    expect(metricLabel('netperf.tcp_rr.rate', { request_bytes: 1, response_bytes: 1 })).toBe('TCP_RR 1/1 B');
    expect(metricLabel('iozone.read', { file_kb: 1024, reclen_kb: 4 })).toBe('IOzone read 1 MB/4 KB rec');
    expect(metricLabel('unixbench.dhry2reg', { copies: 1 })).toBe('UnixBench dhry2reg');
    expect(metricLabel('unixbench.shell8', { copies: 4 })).toBe('UnixBench shell8 ×4');
  });

  it('a partial UnixBench index says which tests it covers (one cell per test: the rows differed only by it)', () => {
    expect(metricLabel('unixbench.index', { copies: 1, partial: 1, tests: 'dhry2reg' })).toBe(
      'UnixBench index (dhry2reg)',
    );
    expect(metricLabel('unixbench.index', { copies: 1, partial: 1, tests: 'dhry2reg,syscall' })).toBe(
      'UnixBench index (dhry2reg, syscall)',
    );
    expect(metricLabel('unixbench.index', { copies: 1 })).toBe('UnixBench index');
    expect(metricLabel('unixbench.index.dhry2reg', { copies: 1 })).toBe('UnixBench index dhry2reg');
  });
});

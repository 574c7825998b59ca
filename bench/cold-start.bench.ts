import { bench, describe } from 'vitest';
import { bundlePath, bundleSize, timeToFirstLine } from './cold-start.js';

describe(`action cold start (${bundlePath()})`, () => {
  const { bytes, gzipBytes } = bundleSize();
  console.log(`bundle: ${bytes} bytes, ${gzipBytes} gzip`);
  bench(
    'spawn node24 → first log line',
    async () => {
      await timeToFirstLine();
    },
    { iterations: 15, warmupIterations: 1 },
  );
});

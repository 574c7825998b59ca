import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, fast: parsers, analysis, report, schemas) and
// `integration` (real tools, dockerd, QEMU, sshd, the bundled action against a local
// GitHub stand-in). `npm test` runs both; Node 24 runs `unit` too in .ci/run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
          // Projects run in parallel unless ordered: the unit files finish first, so none of
          // them shares the CPU with an integration file that measures real runs.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          // Integration tests share dockerd, ports and CPU: one file at a time keeps them honest.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

/* global process */
// One build, two entries sharing chunks: dist/index.js (the action, run by the runner's
// node24) and dist/cli.js (the CLI). Heavy libraries that only some paths need
// (@actions/artifact with the Azure storage client) are dynamic imports, so they land in
// dist/chunks/ and are loaded on first use: the action's cold start stays short.
// dist/ is committed; test/unit/dist.test.ts fails when it is stale.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';

const onwarn = (warning, warn) => {
  // Circular imports inside third-party packages (e.g. @azure/*) are harmless and noisy.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return;
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id ?? '')) return;
  warn(warning);
};

const outDir = process.env.AVB_DIST_DIR ?? 'dist';

export default {
  input: { index: 'src/index.ts', cli: 'src/cli.ts' },
  output: {
    dir: outDir,
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json', outDir: undefined, outputToFilesystem: false }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
  ],
  onwarn,
};

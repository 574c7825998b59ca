/* global process */
// Two bundles from one engine: dist/index.js (the action, run by the runner's node24)
// and dist/cli.js (the CLI). Both are committed; test/dist.test.ts fails when stale.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';

const plugins = () => [
  typescript({ tsconfig: './tsconfig.build.json', outDir: undefined, outputToFilesystem: false }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json(),
];

const onwarn = (warning, warn) => {
  // Circular imports inside third-party packages (e.g. @azure/*) are harmless and noisy.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? '')) return;
  if (warning.code === 'THIS_IS_UNDEFINED' || (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id ?? ''))) return;
  warn(warning);
};

const outDir = process.env.AVB_DIST_DIR ?? 'dist';

export default [
  {
    input: 'src/index.ts',
    output: { file: `${outDir}/index.js`, format: 'es', sourcemap: false, inlineDynamicImports: true },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/cli.ts',
    output: {
      file: `${outDir}/cli.js`,
      format: 'es',
      sourcemap: false,
      banner: '#!/usr/bin/env node',
      inlineDynamicImports: true,
    },
    plugins: plugins(),
    onwarn,
  },
];

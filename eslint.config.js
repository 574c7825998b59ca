import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'lab/cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Parsers and analysis must stay pure: nothing that runs processes or talks to GitHub.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/suites/**/parse*.ts', 'src/analysis/**', 'src/report/**', 'src/results/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:child_process', 'child_process', '@actions/*', '**/github/**', '**/transport/**', '**/engine/**'] },
      ],
    },
  },
);

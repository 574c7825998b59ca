/** The inputs/outputs tables of the README (action reference), generated from action.yml. */
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function renderActionTables(actionYml: string): string {
  const a = parse(actionYml) as ActionYml;
  const lines = [
    '<!-- action-tables:start (generated from action.yml; test/unit/github/docs.test.ts) -->',
    '',
    '### Inputs',
    '',
    '| input | default | description |',
    '|---|---|---|',
  ];
  for (const [name, i] of Object.entries(a.inputs)) {
    lines.push(
      `| \`${name}\` | ${i.default === '' || i.default === undefined ? '_(empty)_' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
    );
  }
  lines.push('', '### Outputs', '', '| output | description |', '|---|---|');
  for (const [name, o] of Object.entries(a.outputs)) lines.push(`| \`${name}\` | ${cell(o.description)} |`);
  lines.push('', '<!-- action-tables:end -->');
  return lines.join('\n');
}

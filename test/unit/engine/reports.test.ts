import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMinimalReports } from '../../../src/engine/reports.js';
import { RESULTS_SCHEMA_ID, type Results } from '../../../src/results/schema.js';

describe('minimal fallback report', () => {
  it('escapes untrusted text from results in Markdown and HTML', async () => {
    const results: Results = {
      schema: RESULTS_SCHEMA_ID,
      run: {
        id: 'r1',
        toolVersion: '0.1.0',
        started: 'x',
        preset: 'quick',
        configDigest: 'd',
        status: 'partial',
      },
      board: { name: 'b', fingerprints: {} },
      environments: [{ id: 'host', kind: 'host', bootMode: 'linux', fingerprint: {} }],
      samples: [
        {
          env: 'host',
          suite: 'hackbench',
          metric: 'hackbench.time',
          params: { groups: 1 },
          value: 1,
          unit: 's',
          better: 'lower',
          round: 0,
          log: 'a',
        },
        {
          env: 'host',
          suite: 'hackbench',
          metric: 'hackbench.time',
          params: { groups: 1 },
          value: 3,
          unit: 's',
          better: 'lower',
          round: 1,
          log: 'b',
        },
      ],
      failures: [
        {
          env: 'host',
          suite: 'iozone',
          params: {},
          round: 0,
          message: 'bad | <script>x</script>\nnext',
          kind: 'exit',
        },
      ],
      logs: [],
    };
    const out = await mkdtemp(join(tmpdir(), 'avb-minimal-report-'));
    await writeMinimalReports(results, out);
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| host | hackbench.time | groups=1 | 2 | 2 | s |');
    expect(md).toContain('| host | iozone | 0 | bad \\| &lt;script&gt;x&lt;/script&gt; next |');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('bad | &lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});

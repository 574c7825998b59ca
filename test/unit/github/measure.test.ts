/**
 * Which config the run phase measures: the file; without one at the default path, the embedded
 * local default (this machine, said so); a path the user chose that does not exist, an error
 * naming the input, the path and the example. (The measured run itself: action-all.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG, MissingConfigError, resolveRunConfig } from '../../../src/github/measure.js';

const quiet = { info: () => undefined };

describe('the run phase config', () => {
  it('a path the user set that does not exist is an error naming the input, the path and the example', async () => {
    const err = await resolveRunConfig('boards/nope.yml', [], quiet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingConfigError);
    expect((err as Error).message).toMatch(
      /^input 'config': boards\/nope\.yml does not exist \(looked for \/.*\/boards\/nope\.yml\)\. Start from workflows-examples\/arm-virt-bench\.yml/,
    );
  });

  it('an existing file is loaded (the example config itself)', async () => {
    const r = await resolveRunConfig(EXAMPLE_CONFIG, [], quiet);
    expect(r.localDefault).toBe(false);
    expect(r.config.board.name).toBe('arndale-1');
    expect(r.notes).toEqual([]);
  });

  it.each(['.github/arm-virt-bench.yml', './.github/arm-virt-bench.yml'])(
    'no file at the default path (%s): the embedded local default, said in the log and the notes',
    async (path) => {
      const logged: string[] = [];
      const r = await resolveRunConfig(path, ['host'], { info: (l) => logged.push(l) });
      expect(r.localDefault).toBe(true);
      expect(r.config.board.connection.type).toBe('local');
      expect(r.notes[0]).toMatch(
        /^No config file at `\.github\/arm-virt-bench\.yml`: this run measured the runner's own machine with the embedded local default \(host\)/,
      );
      expect(logged[0]).toBe(r.notes[0]);
    },
  );
});

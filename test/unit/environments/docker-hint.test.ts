import { describe, expect, it } from 'vitest';
import { dockerRunHint } from '../../../src/environments/docker.js';

describe('dockerRunHint', () => {
  it('names the missing apparmor package when dockerd cannot load its profile', () => {
    // dockerd 20.10's own words, seen on the virtual board (AppArmor on, no apparmor_parser).
    const out =
      'docker: Error response from daemon: AppArmor enabled on system but the docker-default profile could not be loaded: running `apparmor_parser apparmor_parser --version` failed with output:  error: exec: "apparmor_parser": executable file not found in $PATH.';
    expect(dockerRunHint(out)).toMatch(/install the `apparmor` package on the board/);
  });

  it('adds nothing to other failures', () => {
    expect(dockerRunHint('docker: Error response from daemon: No such image: x.')).toBe('');
  });
});

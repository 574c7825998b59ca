import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleState, consoleTail } from '../../../src/environments/guest/console.js';
import { knownHostsLine } from '../../../src/environments/guest/ssh.js';

// A real serial log: SeaBIOS, Debian's 6.1 cloud kernel, then an initramfs /init (QEMU TCG).
const captured = readFileSync(
  new URL('../../fixtures/guest/qemu_tcg_hackbench.txt', import.meta.url),
  'utf8',
);

describe('consoleState', () => {
  it('follows a real boot to /init (that guest has no sshd)', () => {
    expect(consoleState(captured)).toEqual({ stage: 'init' });
    const kernelOnly = captured.slice(0, captured.indexOf('Run /init'));
    expect(consoleState(kernelOnly).stage).toBe('kernel');
    expect(consoleState(captured.slice(0, captured.indexOf('Linux version'))).stage).toBe('firmware');
    expect(consoleState('').stage).toBe('none');
  });

  it("reads the project guest's own stage lines", () => {
    const ours = `${captured.slice(0, captured.indexOf('BENCH-BEGIN'))}avb-guest: init started\navb-guest: network eth0 10.0.2.15/24\n`;
    expect(consoleState(ours).stage).toBe('network');
    expect(consoleState(`${ours}avb-guest: sshd started\n`).stage).toBe('sshd');
  });

  it('reports a panic as fatal, with the line', () => {
    const panic = `${captured.slice(0, 2000)}\n[    2.1] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n`;
    expect(consoleState(panic).fatal).toBe(
      '[    2.1] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)',
    );
    expect(consoleState('avb-guest: error: sshd failed to start\n').fatal).toBe(
      'avb-guest: error: sshd failed to start',
    );
  });

  it('keeps the last lines for error messages', () => {
    expect(consoleTail(captured, 2)).toBe(
      '[   19.323438] ACPI: PM: Preparing to enter system sleep state S5\n[   19.331274] reboot: Power down',
    );
  });
});

describe('knownHostsLine', () => {
  it('writes [host]:port for a forward and bare host for port 22, comment dropped', () => {
    expect(knownHostsLine('127.0.0.1', 10022, 'ssh-ed25519 AAAAkey avb-guest-host')).toBe(
      '[127.0.0.1]:10022 ssh-ed25519 AAAAkey\n',
    );
    expect(knownHostsLine('192.168.100.2', 22, 'ssh-ed25519 AAAAkey')).toBe(
      '192.168.100.2 ssh-ed25519 AAAAkey\n',
    );
    expect(() => knownHostsLine('h', 22, 'garbage')).toThrow(/not a host public key/);
  });
});

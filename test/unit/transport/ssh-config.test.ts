import { describe, expect, it } from 'vitest';
import { buildSshConfig, type SshEndpoint } from '../../../src/transport/ssh-config.js';
import { explainSshFailure } from '../../../src/transport/ssh.js';

const target: SshEndpoint = {
  host: 'board.lab',
  port: 2222,
  user: 'bench',
  knownHosts: '/etc/avb/known_hosts',
  identityFile: '/run/key 100%',
  connectTimeoutSeconds: 7,
};

describe('buildSshConfig', () => {
  it('checks host keys strictly against the given file only, never accept-new', () => {
    const text = buildSshConfig({
      target,
      controlPath: '/tmp/x/cm',
      serverAliveIntervalSeconds: 5,
      serverAliveCountMax: 2,
    });
    expect(text).toContain('Host avb-target\n  HostName board.lab\n  Port 2222\n  User bench\n');
    expect(text).toContain('  UserKnownHostsFile "/etc/avb/known_hosts"\n  GlobalKnownHostsFile /dev/null\n');
    expect(text).toContain('  StrictHostKeyChecking yes\n');
    expect(text).not.toMatch(/accept-new|StrictHostKeyChecking no/);
    expect(text).toContain('  BatchMode yes\n');
    // % is an ssh_config token character: escaped in paths.
    expect(text).toContain('  IdentityFile "/run/key 100%%"\n');
    expect(text).toContain('  ServerAliveInterval 5\n  ServerAliveCountMax 2\n');
    expect(text).toContain('  ControlPath "/tmp/x/cm"\n');
    expect(text).not.toContain('ProxyJump');
  });

  it('gives the jump host its own block, known_hosts and key', () => {
    const jump: SshEndpoint = {
      ...target,
      host: '10.0.0.1',
      port: 22,
      knownHosts: '/j/kh',
      identityFile: undefined,
    };
    const text = buildSshConfig({
      target,
      jump,
      controlPath: '/c',
      serverAliveIntervalSeconds: 5,
      serverAliveCountMax: 2,
    });
    expect(text).toContain('  ProxyJump avb-jump\n');
    const jumpBlock = text.slice(text.indexOf('Host avb-jump'));
    expect(jumpBlock).toContain('  HostName 10.0.0.1\n');
    expect(jumpBlock).toContain('  UserKnownHostsFile "/j/kh"\n');
    expect(jumpBlock).toContain('  StrictHostKeyChecking yes\n');
    expect(jumpBlock).not.toContain('IdentityFile');
    expect(jumpBlock).toContain('  ControlPath none\n');
  });

  it('rejects values that could inject config lines', () => {
    const base = { controlPath: '/c', serverAliveIntervalSeconds: 5, serverAliveCountMax: 2 };
    expect(() => buildSshConfig({ ...base, target: { ...target, host: 'a\n  ProxyCommand x' } })).toThrow(
      /target host/,
    );
    expect(() => buildSshConfig({ ...base, target: { ...target, user: '-oProxyCommand=x' } })).toThrow(
      /target user/,
    );
    expect(() => buildSshConfig({ ...base, target: { ...target, knownHosts: '/a"b' } })).toThrow(
      /knownHosts/,
    );
    expect(() => buildSshConfig({ ...base, target: { ...target, port: 70000 } })).toThrow(/port/);
  });
});

describe('explainSshFailure', () => {
  it('names the known_hosts file when a host key changed', () => {
    const out =
      '@@@@@@@@@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\n@@@@@@@@@@@\r\nHost key verification failed.\r\n';
    expect(explainSshFailure(out, 'ssh root@b:22', ['/k/known_hosts'])).toMatch(
      /^ssh root@b:22: host key does not match \/k\/known_hosts \(StrictHostKeyChecking=yes\): refusing to connect/,
    );
  });

  it('keeps the last lines of other failures', () => {
    expect(
      explainSshFailure('ssh: connect to host b port 22: Connection refused\r\n', 'ssh root@b:22', []),
    ).toBe('ssh root@b:22: ssh: connect to host b port 22: Connection refused');
  });
});

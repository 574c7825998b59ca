/**
 * Builds the ssh_config file the ssh transport passes with `-F` (so neither ~/.ssh/config
 * nor /etc/ssh/ssh_config applies). A config file, rather than -o options, because the
 * ProxyJump ssh that OpenSSH spawns for the jump host gets the same `-F` file but none of
 * the -o options: with one Host block per hop, each hop is checked against its own
 * known_hosts with its own key. Pure: no I/O.
 */
export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
  /** known_hosts holding this host's key; StrictHostKeyChecking=yes against it only. */
  knownHosts: string;
  /** Private key file (already on disk, mode 0600). */
  identityFile?: string;
  connectTimeoutSeconds: number;
}

export interface SshConfigInput {
  target: SshEndpoint;
  jump?: SshEndpoint;
  /** Socket of the ControlMaster connection (short path: sun_path is ~100 bytes). */
  controlPath: string;
  serverAliveIntervalSeconds: number;
  serverAliveCountMax: number;
}

export const TARGET_ALIAS = 'avb-target';
export const JUMP_ALIAS = 'avb-jump';

/**
 * What the transport accepts as host and user (the config schema checks the same, so a bad
 * value is refused when the config is read, not when the run reaches the board): a host name,
 * an IPv4 or an IPv6 address, and a POSIX-ish user name; nothing that ssh_config would read as
 * a second token or a %-expansion.
 */
export const HOST_RE = /^[A-Za-z0-9._:-]+$/;
export const USER_RE = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
export const HOST_RULE = 'a host name or an IP address (letters, digits, ".", "-", ":", "_")';
export const USER_RULE = 'a user name (letters, digits, ".", "_", "-"; not starting with "-")';

/** A path value for ssh_config: quoted, with `%` escaped (ssh expands %-tokens in paths). */
function pathValue(what: string, p: string): string {
  if (/["\n\r\0]/.test(p))
    throw new Error(`${what} ${JSON.stringify(p)}: a path with a quote or newline is not supported`);
  return `"${p.replace(/%/g, '%%')}"`;
}

function endpointLines(what: string, e: SshEndpoint): string[] {
  if (!HOST_RE.test(e.host))
    throw new Error(`${what} host ${JSON.stringify(e.host)} is not a host name or address`);
  if (!USER_RE.test(e.user))
    throw new Error(`${what} user ${JSON.stringify(e.user)} is not a valid user name`);
  if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535)
    throw new Error(`${what} port ${e.port} is out of range`);
  return [
    `  HostName ${e.host}`,
    `  Port ${e.port}`,
    `  User ${e.user}`,
    `  UserKnownHostsFile ${pathValue(`${what} knownHosts`, e.knownHosts)}`,
    '  GlobalKnownHostsFile /dev/null',
    // Never accept-new: an unknown or changed host key is a hard failure.
    '  StrictHostKeyChecking yes',
    '  UpdateHostKeys no',
    '  CheckHostIP no',
    '  BatchMode yes',
    '  PasswordAuthentication no',
    '  KbdInteractiveAuthentication no',
    '  IdentityAgent none',
    '  IdentitiesOnly yes',
    ...(e.identityFile ? [`  IdentityFile ${pathValue(`${what} identityFile`, e.identityFile)}`] : []),
    `  ConnectTimeout ${e.connectTimeoutSeconds}`,
    '  ForwardAgent no',
    '  ForwardX11 no',
    '  RequestTTY no',
    '  LogLevel ERROR',
  ];
}

export function buildSshConfig(input: SshConfigInput): string {
  const alive = [
    `  ServerAliveInterval ${input.serverAliveIntervalSeconds}`,
    `  ServerAliveCountMax ${input.serverAliveCountMax}`,
  ];
  const lines = [
    '# Written by arm-virt-bench for one transport; removed when it closes.',
    `Host ${TARGET_ALIAS}`,
    ...endpointLines('target', input.target),
    ...alive,
    // Commands use the master when it is up and connect directly otherwise; the master
    // itself is started explicitly (see SshTransport.ensureMaster).
    '  ControlMaster no',
    `  ControlPath ${pathValue('controlPath', input.controlPath)}`,
    ...(input.jump ? [`  ProxyJump ${JUMP_ALIAS}`] : []),
  ];
  if (input.jump) {
    lines.push(
      `Host ${JUMP_ALIAS}`,
      ...endpointLines('jump', input.jump),
      ...alive,
      '  ControlMaster no',
      '  ControlPath none',
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Where a boot stopped, read off its serial console (pure): the boot loader, Xen, the kernel,
 * the init system or userspace — and the line that says why (e.g. U-Boot's "Bad Linux ARM64
 * Image magic!", "Kernel panic - not syncing: ..."). The console text of a trial boot is split
 * into boot attempts at each boot-loader banner; the first attempt is the trial itself (later
 * ones are the fallback).
 */

export type BootStage = 'boot loader' | 'xen' | 'kernel' | 'init' | 'userspace';

export interface ConsoleStop {
  /** Furthest stage the attempt reached; undefined when the console showed nothing of it. */
  stage?: BootStage;
  /** The line that explains the stop, when one does (an error, a panic); else the last line. */
  line?: string;
  /** Boot attempts seen on the console (the trial and, after it, the fallback). */
  attempts: number;
  /** The trial attempt's text (for the console excerpt kept with the failure). */
  text: string;
}

/** A boot loader starting: U-Boot's banner (also SPL), GRUB, or the lab's power-on line. */
const BANNER = /^(?:U-Boot(?: SPL)? \d{4}\.\d{2}|GNU GRUB\s+version|=== avb-lab: power on)/;

const STAGES: readonly [BootStage, RegExp][] = [
  [
    'userspace',
    /systemd\[1\]: (?:Started|Reached target)|Welcome to |\blogin:|avb-guest: |OpenBSD Secure Shell server/,
  ],
  ['init', /Run \/\S*init as init process|Freeing unused kernel memory|Loading, please wait|Begin: /],
  ['kernel', /Booting Linux on physical CPU|Linux version \d|^\[\s*\d+\.\d+\] /],
  ['xen', /^\(XEN\)|Xen version \d|Xen \d+\.\d+/],
  ['boot loader', /U-Boot|GRUB|Starting kernel|^## |^Loading |bytes read in|avb-lab: /],
];

/** Lines that say why a boot stopped, most telling first. */
const REASONS: readonly RegExp[] = [
  /Kernel panic - not syncing.*/,
  /Bad Linux ARM\d* Image magic!?/,
  /Wrong Image Format.*|Bad (?:Data|Header) CRC.*|Unrecognized zImage/,
  /Panic on CPU \d+:?.*|\(XEN\) .*(?:Panic|panic|Could not|Unable to|Failed).*/,
  /Unable to mount root fs.*|VFS: Cannot open root device.*|Gave up waiting for root.*/,
  /Unable to handle kernel .*|Internal error: .*|Oops.*/,
  /\*\* (?:File not found|Unable to read file).*|Failed to load .*|FDT_ERR_\w+/,
  /avb-lab: BOOT FAILED.*/,
  /(?:ERROR|Error|error): .*/,
];

function clean(line: string): string {
  // Console captures carry ANSI colours and carriage returns.
  return (
    line
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      .replace(/\r/g, '')
      .trimEnd()
  );
}

/** Splits console text into boot attempts (text before the first banner is the old boot's shutdown). */
export function bootAttempts(text: string): string[][] {
  const attempts: string[][] = [];
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = clean(raw);
    if (BANNER.test(line.trim())) {
      // The lab's power-on line is followed by U-Boot's banner: one attempt, not two.
      if (current && current.every((l) => l.trim() === '' || /^=== avb-lab: power on/.test(l.trim()))) {
        current.push(line);
        continue;
      }
      current = [line];
      attempts.push(current);
    } else current?.push(line);
  }
  return attempts;
}

export function whereConsoleStopped(text: string): ConsoleStop {
  const attempts = bootAttempts(text);
  const first = attempts[0];
  if (!first) return { attempts: 0, text: '' };
  const lines = first.filter((l) => l.trim() !== '');
  let stage: BootStage | undefined;
  for (const [name, re] of STAGES) {
    if (lines.some((l) => re.test(l))) {
      stage = name;
      break;
    }
  }
  let line: string | undefined;
  for (const re of REASONS) {
    for (let i = lines.length - 1; i >= 0 && line === undefined; i--) {
      const m = re.exec(lines[i]!);
      // Xen prefixes its lines with "(XEN) ": the reason reads better without it.
      if (m) line = m[0].replace(/^\(XEN\)\s*/, '').trim();
    }
    if (line !== undefined) break;
  }
  line ??= lines.at(-1)?.trim();
  return {
    stage,
    ...(line ? { line: line.slice(0, 300) } : {}),
    attempts: attempts.length,
    text: first.join('\n'),
  };
}

/** "the boot loader (U-Boot): Bad Linux ARM64 Image magic!" — for messages. */
export function describeStop(stop: ConsoleStop, consoleConfigured: boolean): string {
  if (!consoleConfigured) return 'unknown stage (no board.consoleCommand configured to read the console)';
  if (stop.attempts === 0 || stop.stage === undefined) return 'nothing on the console';
  const loader = /GRUB/.test(stop.text) ? 'GRUB' : /U-Boot/.test(stop.text) ? 'U-Boot' : undefined;
  const where =
    stop.stage === 'boot loader' && loader
      ? `the boot loader (${loader})`
      : stop.stage === 'boot loader'
        ? 'the boot loader'
        : stop.stage === 'xen'
          ? 'Xen'
          : stop.stage === 'kernel'
            ? 'the kernel'
            : stop.stage === 'init'
              ? 'the init system (initramfs)'
              : 'userspace (SSH never answered)';
  return stop.line ? `${where}: ${stop.line}` : where;
}

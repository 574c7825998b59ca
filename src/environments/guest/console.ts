/**
 * Reading a guest's serial console (pure): which boot stage it reached and whether it
 * died. Stages come from the kernel's own lines and from the `avb-guest:` lines that the
 * project's guest init prints (guest/rc.sh); other guests simply stop at `kernel`/`init`
 * and are detected by SSH.
 */
export type BootStage = 'none' | 'firmware' | 'kernel' | 'init' | 'network' | 'sshd';

export interface ConsoleState {
  stage: BootStage;
  /** A line that means the guest will never come up (panic, init error). */
  fatal?: string;
}

const STAGES: [BootStage, RegExp][] = [
  ['sshd', /^avb-guest: sshd started/m],
  ['network', /^avb-guest: network /m],
  ['init', /Run \/init as init process|Run \/sbin\/init|^avb-guest: init started/m],
  ['kernel', /Linux version \d|Booting Linux on physical CPU/m],
  ['firmware', /SeaBIOS|U-Boot|EFI stub|UEFI firmware/m],
];

const FATAL: RegExp[] = [
  /^.*Kernel panic - not syncing.*$/m,
  /^avb-guest: error: .*$/m,
  /^.*No working init found.*$/m,
];

export function consoleState(text: string): ConsoleState {
  let stage: BootStage = 'none';
  for (const [name, re] of STAGES) {
    if (re.test(text)) {
      stage = name;
      break;
    }
  }
  for (const re of FATAL) {
    const m = re.exec(text);
    if (m) return { stage, fatal: m[0].trim() };
  }
  return { stage };
}

/** The last `n` lines of a console, for an error message. */
export function consoleTail(text: string, n = 15): string {
  const lines = text.replace(/\r/g, '').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.slice(-n).join('\n');
}

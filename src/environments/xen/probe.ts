/**
 * One fixed script run on Dom0 (through the board transport) that reads what decides
 * whether Xen's control domain is underneath, and its parser (pure).
 */
import type { Dom0Facts } from './xl.js';

/** `file:` tells an empty file from an absent one; `@@xlrc N` is xl info's exit status. */
export const DOM0_PROBE_SCRIPT = `
echo @@hv; if [ -r /sys/hypervisor/type ]; then echo file:; cat /sys/hypervisor/type; fi
echo @@caps; if [ -r /proc/xen/capabilities ]; then echo file:; cat /proc/xen/capabilities; fi
echo @@xl; if command -v xl >/dev/null 2>&1; then xl info 2>&1; echo "@@xlrc $?"; fi
echo @@list; if command -v xl >/dev/null 2>&1; then xl list 2>&1; fi
echo @@end
`;

export interface Dom0Probe {
  facts: Dom0Facts;
  xlList: string;
}

export function parseDom0Probe(text: string): Dom0Probe {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  let rc: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = /^@@(hv|caps|xl|list|end)$/.exec(line);
    if (m?.[1]) {
      current = [];
      sections.set(m[1], current);
      continue;
    }
    const r = /^@@xlrc (\d+)$/.exec(line);
    if (r) {
      rc = Number(r[1]);
      continue;
    }
    current?.push(line);
  }
  if (!sections.has('end')) throw new Error('Dom0 probe output is cut short (no @@end marker)');
  const fileValue = (name: string): string | undefined => {
    const s = sections.get(name) ?? [];
    return s[0] === 'file:' ? s.slice(1).join('\n').trim() : undefined;
  };
  const xl = sections.get('xl') ?? [];
  return {
    facts: {
      hypervisorType: fileValue('hv'),
      capabilities: fileValue('caps'),
      xlInfoExit: rc,
      xlInfoOutput: xl.join('\n'),
    },
    xlList: (sections.get('list') ?? []).join('\n'),
  };
}

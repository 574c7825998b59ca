/**
 * The board's side of a guest's network (the paper's bridge + TAP for KVM): a TAP made for
 * the guest on a bridge; the bridge made too when the config gives it an address and it
 * does not exist yet — then, like docker's own bridge, with NAT to the board's other
 * networks (iptables MASQUERADE, IPv4 forwarding on), so that the guest reaches a peer
 * outside the board. Everything made is removed again on teardown (forwarding set back).
 * And the board's address on a link (what a guest behind that bridge reaches the board
 * at). Fixed scripts; values as arguments. Needs root (CAP_NET_ADMIN) on the board.
 */
import type { Transport } from '../../transport/types.js';

/** Prefix of every TAP and bridge this tool makes (so leftovers can be found). */
export const LINK_PREFIX = 'avb';

/**
 * $1 TAP name, $2 bridge, $3 the bridge's address A/P (empty: the bridge must exist).
 * Prints `bridge-created`, `nat-added` and `forward-was N` for what it made, then `tap-up`.
 */
export const TAP_UP_SCRIPT = `tap=$1; br=$2; addr=$3
if [ ! -d "/sys/class/net/$br" ]; then
  [ -n "$addr" ] || { echo "no bridge $br on the board (create it, or give the kvm network a bridgeAddress)"; exit 4; }
  ip link add name "$br" type bridge || exit 3
  ip addr add "$addr" dev "$br" || { ip link del "$br"; exit 3; }
  ip link set dev "$br" up || { ip link del "$br"; exit 3; }
  echo bridge-created
  if command -v iptables >/dev/null 2>&1; then
    iptables -t nat -A POSTROUTING -s "$addr" ! -o "$br" -j MASQUERADE &&
      iptables -I FORWARD -i "$br" -j ACCEPT && iptables -I FORWARD -o "$br" -j ACCEPT && echo nat-added
    echo "forward-was $(cat /proc/sys/net/ipv4/ip_forward)"
    echo 1 > /proc/sys/net/ipv4/ip_forward
  fi
fi
[ -d "/sys/class/net/$br/bridge" ] || { echo "$br is not a bridge"; exit 4; }
ip link del "$tap" 2>/dev/null
ip tuntap add dev "$tap" mode tap || exit 3
ip link set dev "$tap" master "$br" && ip link set dev "$tap" up || { ip link del "$tap"; exit 3; }
echo tap-up`;

/**
 * $1 TAP name; $2 a bridge to remove too, $3 its address when NAT was added for it, $4 the
 * forwarding setting to restore (each empty: nothing to undo). Never fails.
 */
export const TAP_DOWN_SCRIPT = `ip link del "$1" 2>/dev/null
if [ -n "$3" ]; then
  iptables -t nat -D POSTROUTING -s "$3" ! -o "$2" -j MASQUERADE 2>/dev/null
  iptables -D FORWARD -i "$2" -j ACCEPT 2>/dev/null; iptables -D FORWARD -o "$2" -j ACCEPT 2>/dev/null
fi
[ -z "$4" ] || echo "$4" > /proc/sys/net/ipv4/ip_forward
[ -z "$2" ] || ip link del "$2" 2>/dev/null
true`;

/**
 * $1 an interface. Prints the IPv4 addresses (A/P) of its bridge when it is a bridge port
 * (a TAP, a vif, a veth), else its own.
 */
export const LINK_ADDRESS_SCRIPT = `i=$1
[ -e "/sys/class/net/$i/master" ] && i=$(basename "$(readlink -f "/sys/class/net/$i/master")")
ip -4 -o addr show dev "$i" 2>/dev/null | awk '{ for (f = 1; f < NF; f++) if ($f == "inet") print $(f + 1) }'`;

/** First `A/P` of the script's output → { address, prefix }. */
export function parseLinkAddress(text: string): { address: string; prefix: number } | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/m.exec(text.trim());
  return m ? { address: m[1]!, prefix: Number(m[2]) } : undefined;
}

/** The board's IPv4 address on `iface`'s link (its bridge's when it is a bridge port). */
export async function boardAddressOn(
  board: Transport,
  iface: string,
  signal?: AbortSignal,
): Promise<{ address: string; prefix: number } | undefined> {
  const r = await board.exec(['sh', '-c', LINK_ADDRESS_SCRIPT, 'sh', iface], { timeoutMs: 30_000, signal });
  return r.exitCode === 0 ? parseLinkAddress(r.output) : undefined;
}

/** What tapUp made besides the TAP, for tapDown to undo. */
export interface TapMade {
  tap: string;
  bridge?: string;
  natFor?: string;
  forwardWas?: string;
}

export async function tapUp(
  board: Transport,
  tap: string,
  bridge: string,
  bridgeAddress: string | undefined,
  signal?: AbortSignal,
): Promise<TapMade> {
  const r = await board.exec(['sh', '-c', TAP_UP_SCRIPT, 'sh', tap, bridge, bridgeAddress ?? ''], {
    timeoutMs: 60_000,
    signal,
  });
  const made: TapMade = { tap };
  if (/^bridge-created$/m.test(r.output)) made.bridge = bridge;
  if (/^nat-added$/m.test(r.output) && bridgeAddress) made.natFor = bridgeAddress;
  const was = /^forward-was ([01])$/m.exec(r.output)?.[1];
  if (was === '0') made.forwardWas = was;
  if (r.exitCode !== 0 || !/^tap-up$/m.test(r.output)) {
    await tapDown(board, made);
    throw new Error(
      `cannot make the TAP ${tap} on bridge ${bridge} on ${board.description} (exit ${r.exitCode}; root needed): ${r.output.trim().slice(0, 300)}`,
    );
  }
  return made;
}

/** Removes the TAP and whatever tapUp made with it; never throws. */
export async function tapDown(board: Transport, made: TapMade): Promise<void> {
  await board
    .exec(
      [
        'sh',
        '-c',
        TAP_DOWN_SCRIPT,
        'sh',
        made.tap,
        made.bridge ?? '',
        made.natFor ?? '',
        made.forwardWas ?? '',
      ],
      { timeoutMs: 60_000 },
    )
    .catch(() => undefined);
}

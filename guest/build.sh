#!/bin/bash
# Builds the arm-virt-bench test guest: a Debian kernel (from Debian's package, extracted with
# dpkg-deb, never installed) and an initramfs with busybox-static, the benchmark tools and
# their libraries, the kernel's virtio / Xen PV modules and an OpenSSH server.
#
#   guest/build.sh [--flavour cloud-amd64] [--authorized-key FILE] [--tool PATH]... [--cache DIR]
#                  [--sysroot DIR] [--unixbench DIR]
#
# The result is cached by a content hash of its inputs (these scripts, the kernel package
# version, the host binaries copied in, the authorized key) under
# ${AVB_CACHE:-/var/cache/arm-virt-bench}/guest/<hash>/ and holds:
#   vmlinuz  initrd.cpio.gz  host_key.pub  (id_ed25519 + .pub when no --authorized-key)
#   manifest.json (what went in)
# The last line printed on stdout is that directory. SSH host keys are generated per build;
# the public part is written out so the controller can build a known_hosts (checked, never
# accept-new).
#
# The tools, busybox and sshd are the build host's own binaries (the guest then has the build
# host's architecture), or with --sysroot DIR those of a root filesystem of any architecture
# (e.g. an arm64 board rootfs made by mmdebstrap): libraries are found from the ELF headers
# (readelf), never by running the binaries. With --sysroot, a kernel installed in DIR/boot
# (from Debian's package) is used when there is one; --tool paths are inside DIR.
#
# --unixbench DIR: a built byte-UnixBench tree (in the sysroot, when given) is copied to the
# same path in the guest, with perl, the Perl modules UnixBench's Run loads (listed by this
# machine's perl, found in the sysroot's @INC folders) and their libraries.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${AVB_CACHE:-/var/cache/arm-virt-bench}/guest"
flavour=""
authorized_key=""
sysroot=""
unixbench=""
tools=()
# mke2fs (e2fsprogs): the guest formats its blank scratch disk ext4 (busybox's makes ext2 only).
default_tools=(/usr/bin/hackbench /usr/bin/netperf /usr/bin/netserver /usr/bin/iozone /sbin/mke2fs)

die() { echo "guest/build.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --flavour) flavour="$2"; shift 2 ;;
    --authorized-key) authorized_key="$2"; shift 2 ;;
    --tool) tools+=("$2"); shift 2 ;;
    --cache) cache_root="$2/guest"; shift 2 ;;
    --sysroot) sysroot="$(cd "$2" && pwd)"; [ "$sysroot" = / ] && sysroot=""; shift 2 ;;
    --unixbench) unixbench="${2%/}"; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) die "unknown argument: $1" ;;
  esac
done

for cmd in readelf apt-get apt-cache dpkg-deb cpio gzip ssh-keygen sha256sum; do
  command -v "$cmd" >/dev/null || die "$cmd not found"
done
[ -z "$sysroot" ] || [ -x "$sysroot/bin/busybox" ] || die "no busybox in sysroot $sysroot (install busybox-static there)"
# The guest's architecture: that of busybox (the host's, or the sysroot's).
busybox="${sysroot:+$sysroot/bin/busybox}"
busybox="${busybox:-$(command -v busybox || true)}"
[ -n "$busybox" ] || die "busybox not found (install busybox-static)"
case "$(readelf -h "$busybox" | sed -n 's/^ *Machine: *//p')" in
  *X86-64*) arch=amd64 ;;
  *AArch64*) arch=arm64 ;;
  ARM) arch=armhf ;;
  *) die "cannot tell the architecture of $busybox" ;;
esac
if [ -z "$flavour" ]; then
  case "$arch" in
    amd64) flavour=cloud-amd64 ;;
    arm64) flavour=arm64 ;;
    armhf) flavour=armmp-lpae ;;
    *) die "no default kernel flavour for architecture $arch: pass --flavour" ;;
  esac
fi
if [ ${#tools[@]} -eq 0 ]; then
  for t in "${default_tools[@]}"; do [ -x "$sysroot$t" ] && tools+=("$t"); done
fi
for t in "${tools[@]}"; do [ -x "$sysroot$t" ] || die "tool not found or not executable: $sysroot$t"; done
sshd=/usr/sbin/sshd
sftp=/usr/lib/openssh/sftp-server
[ -x "$sysroot$sshd" ] || die "$sysroot$sshd not found (install openssh-server)"
if [ -n "$authorized_key" ]; then
  [ -r "$authorized_key" ] || die "authorized key not readable: $authorized_key"
  grep -qE '^(ssh-|ecdsa-|sk-)' "$authorized_key" || die "not an OpenSSH public key: $authorized_key"
fi

# byte-UnixBench: the built tree and the Perl that runs its `Run`.
perl_modules=(-MPOSIX -MTime::HiRes -MIO::Handle -MFile::Path -MFindBin -MCarp -MCwd -MFile::Basename -MFile::Spec -MSymbol -MTie::Hash)
perl_files=()
if [ -n "$unixbench" ]; then
  case "$unixbench" in /*) ;; *) die "--unixbench needs an absolute path (the tree keeps it in the guest)" ;; esac
  ubdir="$sysroot$unixbench"
  [ -x "$ubdir/Run" ] && [ -x "$ubdir/pgms/dhry2reg" ] && [ -d "$ubdir/tmp" ] ||
    die "no built byte-UnixBench tree at $ubdir (needs Run, pgms/dhry2reg and tmp/: build it with make)"
  [ -x "$sysroot/usr/bin/perl" ] || die "perl not found in ${sysroot:-/} (install package perl): byte-UnixBench's Run is a Perl script"
  command -v perl >/dev/null || die "perl not found on this machine (install package perl): it lists the modules Run loads"
  if [ -z "$sysroot" ]; then
    mapfile -t perl_files < <(perl "${perl_modules[@]}" -e 'print "$_\n" for values %INC, @DynaLoader::dl_shared_objects')
  else
    # Module names relative to their @INC folder (this perl), looked up in the sysroot's
    # @INC: the same folders with the sysroot's multiarch triplet.
    host_triplet="$(perl -e 'for (@INC) { if (m{^/usr/lib/([^/]+)/perl-base$}) { print $1; last } }')"
    sys_triplet="$(cd "$sysroot" && ls -d usr/lib/*/perl-base 2>/dev/null | head -n1 | cut -d/ -f3)"
    [ -n "$host_triplet" ] && [ -n "$sys_triplet" ] || die "cannot find perl-base in this machine's @INC or in $sysroot/usr/lib/*/perl-base"
    mapfile -t inc_dirs < <(perl -e 'print "$_\n" for @INC' | sed "s|/$host_triplet/|/$sys_triplet/|")
    while read -r rel; do
      found=""
      for d in "${inc_dirs[@]}"; do
        if [ -e "$sysroot$d/$rel" ]; then found="$d/$rel"; break; fi
      done
      [ -n "$found" ] || die "Perl file $rel (needed by byte-UnixBench's Run) not found in $sysroot's @INC (${inc_dirs[*]}): the sysroot needs package perl of the same version as this machine's"
      perl_files+=("$found")
    done < <(perl "${perl_modules[@]}" -e 'for my $f (values %INC, @DynaLoader::dl_shared_objects) { for my $d (@INC) { if (index($f, "$d/") == 0) { print substr($f, length($d) + 1), "\n"; last } } }')
  fi
  [ ${#perl_files[@]} -gt 0 ] || die "could not list the Perl modules byte-UnixBench's Run loads"
fi

# The meta package (linux-image-FLAVOUR) names the versioned image package it depends on.
meta="linux-image-$flavour"
resolve_image() { apt-cache depends "$meta" 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -n1; }
# A kernel installed in the sysroot (from Debian's package) is used as it is.
sys_kver=""
if [ -n "$sysroot" ]; then
  for v in "$sysroot"/boot/vmlinuz-*; do
    [ -f "$v" ] || continue
    k="${v##*/vmlinuz-}"
    [ -d "$sysroot/lib/modules/$k" ] && sys_kver="$k"
  done
fi
image_pkg=""
[ -n "$sys_kver" ] || image_pkg="$(resolve_image)"
if [ -z "$sys_kver" ] && [ "$arch" != "$(dpkg --print-architecture)" ]; then
  die "no kernel in $sysroot/boot: install $meta in the sysroot (foreign-architecture downloads are not done here)"
fi
if [ -z "$sys_kver" ] && [ -z "$image_pkg" ] && [ "$(id -u)" = 0 ]; then
  # A fresh machine may have no package lists yet.
  echo "guest/build.sh: $meta not in the apt lists: running apt-get update" >&2
  apt-get update -qq >&2 || true
  image_pkg="$(resolve_image)"
fi
if [ -n "$sys_kver" ]; then
  image_pkg="linux-image-$sys_kver"
  image_ver="sysroot:$(sha256sum "$sysroot/boot/vmlinuz-$sys_kver" | cut -c1-16)"
else
  [ -n "$image_pkg" ] || die "package $meta not found in the apt lists (run apt-get update?)"
  image_ver="$(apt-cache policy "$image_pkg" | sed -n 's/^ *Candidate: //p')"
  [ -n "$image_ver" ] && [ "$image_ver" != "(none)" ] || die "no candidate version for $image_pkg"
fi

# Content hash of every input.
key="$( {
  echo "format 1 $arch $image_pkg $image_ver"
  sha256sum "$here/build.sh" "$here/init.sh" "$here/rc.sh" "$busybox" "$sysroot$sshd" "$sysroot$sftp" \
    $(printf "$sysroot%s " "${tools[@]}") | cut -d' ' -f1
  printf '%s\n' "sysroot=$sysroot" "${tools[@]}"
  if [ -n "$authorized_key" ]; then cat "$authorized_key"; fi
  if [ -n "$unixbench" ]; then
    echo "unixbench=$unixbench"
    sha256sum "$sysroot/usr/bin/perl" $(printf "$sysroot%s " "${perl_files[@]}") | cut -d' ' -f1
    (cd "$sysroot$unixbench" && find . \( -path ./results -o -path ./tmp \) -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum)
  fi
} | sha256sum | cut -c1-16)"
out="$cache_root/$key"
if [ -f "$out/manifest.json" ]; then
  echo "guest/build.sh: cached $out" >&2
  echo "$out"
  exit 0
fi

mkdir -p "$cache_root/debs"
work="$(mktemp -d "$cache_root/.build-XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ -n "$sys_kver" ]; then
  kver="$sys_kver"
  mkdir -p "$work/kernel/boot"
  cp "$sysroot/boot/vmlinuz-$kver" "$work/kernel/boot/"
  moddir="$sysroot/lib/modules/$kver"
else
  deb="$cache_root/debs/${image_pkg}_${image_ver//:/%3a}_$arch.deb"
  if [ ! -f "$deb" ]; then
    echo "guest/build.sh: downloading $image_pkg $image_ver" >&2
    (cd "$work" && apt-get download -q "$image_pkg=$image_ver" >&2)
    mv "$work"/"${image_pkg}"_*.deb "$deb"
  fi
  dpkg-deb -x "$deb" "$work/kernel"
  kver="$(ls "$work/kernel/lib/modules")"
  [ -f "$work/kernel/boot/vmlinuz-$kver" ] || die "no vmlinuz-$kver in $deb"
  moddir="$work/kernel/lib/modules/$kver"
fi

root="$work/root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/lib/openssh,etc/ssh,etc/avb,etc/acpi/PWRF,root,proc,sys,dev,run,tmp,var/log,lib/modules}
# Applet names: from the guest's busybox when it runs here, else from the host's.
applets="$("$busybox" --list 2>/dev/null || busybox --list)"
for applet in $applets; do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
install -m 0755 "$here/init.sh" "$root/init"
install -m 0755 "$here/rc.sh" "$root/etc/avb/rc"

# A file of the sysroot with its symlinks resolved inside the sysroot (absolute links too).
resolve_in_sysroot() {
  local f="$1" t n=0
  while [ -L "$f" ] && [ "$n" -lt 40 ]; do
    t="$(readlink "$f")"
    case "$t" in /*) f="$sysroot$t" ;; *) f="$(dirname "$f")/$t" ;; esac
    n=$((n + 1))
  done
  printf '%s\n' "$f"
}
# The loader's default directories (multiarch first), as paths inside the guest.
lib_dirs=(/lib/*-linux-gnu* /usr/lib/*-linux-gnu* /lib /usr/lib /lib64 /usr/lib64)
[ -z "$sysroot" ] || lib_dirs=($(cd "$sysroot" && ls -d lib/*-linux-gnu* usr/lib/*-linux-gnu* 2>/dev/null | sed 's|^|/|') /lib /usr/lib /lib64 /usr/lib64)
# An ELF file's interpreter and DT_NEEDED libraries (readelf: the binary is never run), recursively.
copy_elf_deps() {
  local file="$1" interp lib dir found
  interp="$(readelf -l "$file" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)]$/\1/p')"
  if [ -n "$interp" ] && [ ! -e "$root$interp" ]; then
    install -D -m 0755 "$(resolve_in_sysroot "$sysroot$interp")" "$root$interp"
  fi
  for lib in $(readelf -d "$file" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'); do
    found=""
    for dir in "${lib_dirs[@]}"; do
      if [ -e "$sysroot$dir/$lib" ]; then found="$dir/$lib"; break; fi
    done
    [ -n "$found" ] || die "library $lib needed by ${file#"$root"} not found in ${sysroot:-/}"
    if [ ! -e "$root$found" ]; then
      install -D -m 0755 "$(resolve_in_sysroot "$sysroot$found")" "$root$found"
      copy_elf_deps "$root$found"
    fi
  done
}
copy_with_libs() {
  local bin="$1" dest="$2"
  install -D -m 0755 "$(resolve_in_sysroot "$sysroot$bin")" "$root$dest"
  copy_elf_deps "$root$dest"
}
copy_with_libs "${busybox#"$sysroot"}" /bin/busybox
for t in "${tools[@]}"; do copy_with_libs "$t" "/usr/bin/$(basename "$t")"; done
copy_with_libs "$sshd" /usr/sbin/sshd
copy_with_libs "$sftp" /usr/lib/openssh/sftp-server
if [ -n "$unixbench" ]; then
  copy_with_libs /usr/bin/perl /usr/bin/perl
  for f in "${perl_files[@]}"; do
    case "$f" in
      *.so) copy_with_libs "$f" "$f" ;;
      *) install -D -m 0644 "$(resolve_in_sysroot "$sysroot$f")" "$root$f" ;;
    esac
  done
  mkdir -p "$root$(dirname "$unixbench")"
  cp -a "$sysroot$unixbench" "$root$unixbench"
  rm -rf "$root$unixbench"/results/* "$root$unixbench"/tmp/*
fi

# Kernel modules the guest needs when they are not built in, dependencies first.
declare -A seen=()
modorder=()
add_module() {
  local name="$1" file dep
  [ -n "${seen[$name]:-}" ] && return 0
  seen[$name]=1
  file="$(find "$moddir" -name "$name.ko" -o -name "$name.ko.xz" | head -n1)"
  [ -n "$file" ] || return 0 # built in, or not in this kernel
  # The .modinfo section holds `depends=a,b` as a NUL-terminated string.
  for dep in $(tr '\0' '\n' <"$file" | sed -n 's/^depends=//p' | head -n1 | tr ',' ' '); do add_module "$dep"; done
  file="${file#"$moddir"/}"
  install -D -m 0644 "$moddir/$file" "$root/lib/modules/$file"
  modorder+=("$file")
}
# button: the ACPI power button (x86); gpio_keys: the power key of the arm `virt` machine.
# ext4 (+ crc32c for its checksums): the scratch disk's file system.
for m in virtio_pci virtio_net virtio_blk xen-netfront xen-blkfront button gpio_keys evdev ext4 crc32c_generic; do add_module "$m"; done
case "${modorder[*]:-}" in *.xz*) die "compressed modules are not supported by this build yet" ;; esac
if [ ${#modorder[@]} -gt 0 ]; then printf '%s\n' "${modorder[@]}"; fi >"$root/etc/avb/modules"

cat >"$root/etc/inittab" <<'INITTAB'
::sysinit:/etc/avb/rc
::ctrlaltdel:/bin/poweroff
::shutdown:/bin/echo "avb-guest: shutting down"
INITTAB
printf '#!/bin/sh\n/bin/poweroff\n' >"$root/etc/acpi/PWRF/00000080"
chmod 0755 "$root/etc/acpi/PWRF/00000080"
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
sshd:x:100:65534::/run/sshd:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
# `*` (no password) keeps key logins open; `!` would lock the account for sshd.
cat >"$root/etc/shadow" <<'SHADOW'
root:*:19000:0:99999:7:::
sshd:*:19000:0:99999:7:::
nobody:*:19000:0:99999:7:::
SHADOW
chmod 0600 "$root/etc/shadow"
printf 'root:x:0:\ntty:x:5:\nnogroup:x:65534:\n' >"$root/etc/group"
echo avb-guest >"$root/etc/hostname"
cat >"$root/etc/ssh/sshd_config" <<'SSHD'
Port 22
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
AuthorizedKeysFile /etc/ssh/authorized_keys
PidFile /run/sshd.pid
Subsystem sftp /usr/lib/openssh/sftp-server
SSHD
ssh-keygen -q -t ed25519 -N '' -C avb-guest-host -f "$root/etc/ssh/ssh_host_ed25519_key"
mkdir -p "$work/out"
mv "$root/etc/ssh/ssh_host_ed25519_key.pub" "$work/out/host_key.pub"
if [ -n "$authorized_key" ]; then
  cp "$authorized_key" "$root/etc/ssh/authorized_keys"
  client_key=""
else
  ssh-keygen -q -t ed25519 -N '' -C avb-guest-client -f "$work/out/id_ed25519"
  cp "$work/out/id_ed25519.pub" "$root/etc/ssh/authorized_keys"
  client_key="id_ed25519"
fi

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -6 >"$work/out/initrd.cpio.gz")
cp "$work/kernel/boot/vmlinuz-$kver" "$work/out/vmlinuz"
{
  printf '{\n  "key": "%s",\n  "arch": "%s",\n  "kernelPackage": "%s",\n  "kernelPackageVersion": "%s",\n' "$key" "$arch" "$image_pkg" "$image_ver"
  printf '  "kernelRelease": "%s",\n  "clientKey": "%s",\n' "$kver" "$client_key"
  printf '  "modules": [%s],\n' "$(if [ ${#modorder[@]} -gt 0 ]; then printf '"%s",' "${modorder[@]}"; fi | sed 's/,$//')"
  printf '  "tools": [%s],\n' "$(printf '"%s",' "${tools[@]}" | sed 's/,$//')"
  printf '  "unixbench": "%s"\n}\n' "$unixbench"
} >"$work/out/manifest.json"
chmod 0700 "$work/out"
rm -rf "$out"
mv "$work/out" "$out"
echo "guest/build.sh: built $out ($(du -sh "$out/initrd.cpio.gz" | cut -f1) initramfs, kernel $kver)" >&2
echo "$out"

/**
 * Fixed POSIX sh scripts the ssh transport runs on the target with `sh -c SCRIPT name
 * ARGS...`. Values (run id, cwd, env, argv) are only ever positional parameters, never
 * spliced into the script text.
 */

/** The PATH a remote command gets (plus the caller's variables). */
export const REMOTE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Runs `env -i HOME PATH LANG K=V... argv...` in its own session (setsid), so the whole
 * tree is one process group whose id is written to /tmp/avb-run-ID.pgid: on a timeout the
 * controller kills that group over a second connection (see KILL_SCRIPT). No tty means no
 * SIGHUP reaches the command when the client goes away, hence the explicit kill.
 * When the command exits with 255 (ssh's own failure code) the status is also written to
 * /tmp/avb-run-ID.rc, so the controller can tell "the command said 255" from "ssh failed".
 * Args: ID CWD K=V... ARGV... (argv[0] never contains '=').
 */
export const RUN_SCRIPT = `id=$1; cwd=$2; shift 2
pf=/tmp/avb-run-$id.pgid
if ! command -v setsid >/dev/null 2>&1; then
  echo "arm-virt-bench: setsid not found on the target (install util-linux or busybox)" >&2; exit 127
fi
if [ -n "$cwd" ]; then cd "$cwd" || exit 126; fi
exec 3<&0
setsid sh -c 'echo $$ > "$1"; shift; exec "$@"' avb-pg "$pf" env -i "HOME=$HOME" "PATH=${REMOTE_PATH}" LANG=C LC_ALL=C "$@" 0<&3 3<&- &
pid=$!
exec 3<&-
wait "$pid"; rc=$?
rm -f "$pf"
if [ "$rc" = 255 ]; then echo 255 > "/tmp/avb-run-$id.rc"; fi
exit "$rc"
`;

/**
 * Args: ACTION ID GRACE_TENTHS. ACTION=kill: SIGTERM the run's process group, SIGKILL it
 * after the grace. ACTION=status: print the saved 255 status ("255") or "none" (and kill
 * what is left of the run: its connection is gone).
 */
export const CONTROL_SCRIPT = `action=$1; id=$2; grace=$3
pf=/tmp/avb-run-$id.pgid; rcf=/tmp/avb-run-$id.rc
if [ "$action" = status ]; then
  if [ -f "$rcf" ]; then cat "$rcf"; rm -f "$rcf"; exit 0; fi
  echo none
fi
i=0
while [ ! -s "$pf" ] && [ "$i" -lt 10 ]; do
  [ "$action" = kill ] || break
  sleep 0.1; i=$((i+1))
done
[ -s "$pf" ] || exit 0
g=$(cat "$pf")
kill -TERM -"$g" 2>/dev/null || exit 0
i=0
while kill -0 -"$g" 2>/dev/null && [ "$i" -lt "$grace" ]; do sleep 0.1; i=$((i+1)); done
kill -KILL -"$g" 2>/dev/null
rm -f "$pf"
exit 0
`;

/** Args: DEST. Unpacks a tar stream from stdin into DEST (created). */
export const UNTAR_SCRIPT = `mkdir -p "$1" && tar -C "$1" -xf -`;

/** Args: DEST. Writes stdin to the file DEST (its folder created). */
export const WRITE_FILE_SCRIPT = `mkdir -p "$(dirname "$1")" && cat > "$1"`;

/**
 * Inside a container (`docker exec CONTAINER sh -c SCRIPT avb-run ID ARGV...`): runs argv
 * in its own session so the whole tree can be killed with CONTROL_SCRIPT through a second
 * `docker exec`; a non-zero status is also written to /tmp/avb-run-ID.rc so the controller
 * can tell the command's status from a failure of docker itself. Env and cwd are set by
 * `docker exec -e/-w`.
 */
export const CONTAINER_RUN_SCRIPT = `id=$1; shift
pf=/tmp/avb-run-$id.pgid
if ! command -v setsid >/dev/null 2>&1; then
  echo "arm-virt-bench: setsid not found in the container" >&2; rc=127; echo $rc > "/tmp/avb-run-$id.rc"; exit $rc
fi
exec 3<&0
setsid sh -c 'echo $$ > "$1"; shift; exec "$@"' avb-pg "$pf" "$@" 0<&3 3<&- &
pid=$!
exec 3<&-
wait "$pid"; rc=$?
rm -f "$pf"
if [ "$rc" != 0 ]; then echo "$rc" > "/tmp/avb-run-$id.rc"; fi
exit "$rc"
`;

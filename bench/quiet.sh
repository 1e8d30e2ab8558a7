# Sourced by bench/run and bench/profile: waiting for a quiet machine before a measurement. Expects log(),
# MAX_LOAD and LOAD_WAIT to be set by the script that sources it.
load1() { cut -d' ' -f1 /proc/loadavg; }
below_max_load() { awk -v l="$1" -v m="$MAX_LOAD" 'BEGIN {exit !(l < m)}'; }
LOADED_SIDES=0
# Waits (at most LOAD_WAIT seconds) until the 1-minute load average is below MAX_LOAD, and sets LOAD to
# the load the side then starts at. The server is idle meanwhile; only the load average has to decay.
wait_for_quiet() { # label
  local waited=0
  LOAD=$(load1)
  while ! below_max_load "$LOAD" && [ "$waited" -lt "$LOAD_WAIT" ]; do
    if [ $((waited % 30)) = 0 ]; then
      log "$1: load $LOAD, waiting for it to fall below $MAX_LOAD (${waited}s of at most ${LOAD_WAIT}s)"
    fi
    sleep 5
    waited=$((waited + 5))
    LOAD=$(load1)
  done
  if below_max_load "$LOAD"; then
    [ "$waited" = 0 ] || log "$1: load $LOAD after ${waited}s"
  else
    log "$1: load still $LOAD after ${waited}s; measuring anyway"
    LOADED_SIDES=$((LOADED_SIDES + 1))
  fi
}

#!/usr/bin/env bash
# Installs, from Debian's packages, the servers the backend tests start (PostgreSQL, etcd) when they are missing.
# The tests start their own instances (127.0.0.1 only, non-default ports, data in a temporary directory) and stop
# them at the end; the packages' own services are stopped and disabled so nothing listens on the default ports.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v etcd >/dev/null 2>&1 || need+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || need+=(etcd-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (backend tests)"
  export DEBIAN_FRONTEND=noninteractive
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  # Do not let the packages start their default services (they would listen on the default ports).
  printf '#!/bin/sh\nexit 101\n' | $sudo_ tee /usr/sbin/policy-rc.d >/dev/null; $sudo_ chmod +x /usr/sbin/policy-rc.d
  trap '$sudo_ rm -f /usr/sbin/policy-rc.d' EXIT
  $sudo_ apt-get update -qq >/dev/null || true
  $sudo_ apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

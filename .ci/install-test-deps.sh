#!/usr/bin/env bash
# Installs what the tests drive for real: Debian's headless Chromium and its driver (the web sample's
# browser test) and redis-server. Idempotent: does nothing when all three are already there.
# Run as root (CI images are); never downloads a browser build of its own.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=("/usr/bin/chromium")
[[ -x /usr/bin/chromedriver ]] || missing+=("/usr/bin/chromedriver")
command -v redis-server >/dev/null 2>&1 || missing+=("redis-server")

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-test-deps: chromium, chromedriver and redis-server are present; nothing to install"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-test-deps: missing ${missing[*]}; run this script as root (it uses apt-get)" >&2
  exit 1
fi

echo "install-test-deps: missing ${missing[*]}; installing chromium chromium-driver redis-server with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium chromium-driver redis-server
echo "install-test-deps: installed $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version), $(redis-server --version)"

#!/usr/bin/env bash
# Installs Debian packages a test needs, only where a check says they are missing:
#   debian-packages.sh <label> '<check command>' <package>...
# Run by the build (pre-integration-test, through chromium.sh and django.sh), so `mvn -B verify` sets
# a fresh Debian machine up; only Debian's packages, never a download from elsewhere. Without root
# or password-less sudo it says what to install and leaves the decision to the test, which then
# fails saying the same.
set -euo pipefail
label=$1 check=$2
shift 2
if bash -c "$check" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "[$label] missing, and this user cannot install it: run 'apt-get install $*' as root." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "[$label] no apt-get here: install $* from your system's packages." >&2
  exit 0
fi
echo "[$label] installing Debian's $*"
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"

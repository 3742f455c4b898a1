#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and its WebDriver are installed for OpenApiIT's Swagger UI
# test. Run by the build (pre-integration-test), so `mvn -B verify` sets everything up on a fresh
# Debian machine. Only Debian's packages, never a downloaded browser build. Without root or
# password-less sudo it says what to install and leaves the decision to the test, which then fails
# saying the same.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "[chromium] chromium and chromium-driver are missing and this user cannot install them:" \
       "run 'apt-get install chromium chromium-driver' as root." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "[chromium] no apt-get here: install Chromium and its driver from your system's packages." >&2
  exit 0
fi
echo "[chromium] installing Debian's chromium and chromium-driver"
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver

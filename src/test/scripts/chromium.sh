#!/usr/bin/env bash
# Debian's headless Chromium and its WebDriver, for OpenApiIT's Swagger UI test.
exec "$(dirname "$0")/debian-packages.sh" chromium 'command -v chromium && command -v chromedriver' \
     chromium chromium-driver

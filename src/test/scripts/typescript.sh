#!/usr/bin/env bash
# Compiles the TypeScript client (typescript-fetch) that the build generates from the OpenAPI document
# (target/generated-clients/typescript) with tsc, strict, as a user's project would, with the smoke
# test OpenApiIT runs in Node:
#   typescript.sh <target directory> <TypeScript version> <codegen.skip>
# Node.js comes from Debian where it is missing (debian-packages.sh, as Chromium does); TypeScript from
# the npm registry, installed under target/typescript once per version. Run by the build
# (pre-integration-test; -Dit.typescript.skip=true leaves it out).
set -euo pipefail
target=$1 version=$2 skipped=${3:-false}
if [ "$skipped" = true ]; then
  echo "[typescript] no client generated (codegen.skip): nothing to compile"
  exit 0
fi
client="$target/generated-clients/typescript"
[ -f "$client/index.ts" ] || { echo "[typescript] $client/index.ts is missing: the build generates it in generate-test-sources" >&2; exit 1; }
"$(dirname "$0")/debian-packages.sh" node.js 'command -v node && command -v npm' nodejs npm
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "[typescript] Node.js and npm are missing (see above): install Debian's nodejs and npm, or skip with -Dit.typescript.skip=true" >&2
  exit 1
fi
tools="$target/typescript"
tsc="$tools/node_modules/.bin/tsc"
if [ "$("$tsc" --version 2>/dev/null)" != "Version $version" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "typescript@$version"
fi
# The client, and src/test/typescript/smoke.ts that OpenApiIT runs with Node, to target/generated-clients/typescript-js
cp "$(dirname "$0")/../typescript/smoke.ts" "$client/smoke.ts"
cd "$client"
"$tsc" --strict --target es2020 --lib es2020,dom --module commonjs --outDir ../typescript-js index.ts smoke.ts
echo "[typescript] the typescript-fetch client compiles with tsc $version"

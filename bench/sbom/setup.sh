#!/usr/bin/env bash
# Installs the SBOM benchmark's peers and project into bench/sbom/.work/. Idempotent: a step whose result is already
# there is skipped. Everything comes from the npm registry or Debian.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
mkdir -p "$work"

# Peers, pinned: the two CycloneDX generators a team would otherwise run on an npm project.
CDXGEN_VERSION=12.8.4
CYCLONEDX_NPM_VERSION=6.0.1

# The project: a real front-end toolchain (react-scripts pulls webpack, babel, jest, eslint: ~1,300 packages) and a
# server side. Installed by npm 10 with scripts off, so its lockfile and node_modules are what a CI job would have.
PROJECT='{
  "name": "rampart-sbom-bench",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "react-scripts": "5.0.1",
    "react": "18.3.1",
    "react-dom": "18.3.1",
    "express": "4.21.2",
    "lodash": "4.17.21",
    "axios": "1.7.9"
  },
  "devDependencies": {
    "typescript": "4.9.5"
  }
}'

if ! [ -x /usr/bin/time ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi

if ! [ -x "$work/tools/node_modules/.bin/cdxgen" ] || ! [ -x "$work/tools/node_modules/.bin/cyclonedx-npm" ]; then
  mkdir -p "$work/tools"
  [ -f "$work/tools/package.json" ] || echo '{"private":true}' >"$work/tools/package.json"
  (cd "$work/tools" && npm install --no-audit --no-fund --loglevel=error \
    "@cyclonedx/cdxgen@$CDXGEN_VERSION" "@cyclonedx/cyclonedx-npm@$CYCLONEDX_NPM_VERSION")
fi

if ! [ -f "$work/project/.installed" ]; then
  rm -rf "$work/project"
  mkdir -p "$work/project"
  printf '%s\n' "$PROJECT" >"$work/project/package.json"
  (cd "$work/project" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch "$work/project/.installed"
fi

#!/usr/bin/env bash
# Installs the SAST benchmark's peers and corpora into bench/sast/.work/. Idempotent: a step whose result is
# already there is skipped, so running it again is cheap. Everything comes from the npm registry or Debian.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
mkdir -p "$work"

# Peers, pinned: both run on Node 20 (engines: ^18.18.0 || ^20.9.0 || >=21.1.0).
ESLINT_VERSION=9.39.4
ESLINT_SECURITY_VERSION=4.1.0

# The JavaScript corpus: published packages and, through npm, their dependencies. Real code, not planted bugs.
CORPUS_PACKAGES=(
  typescript@5.9.3 webpack@5 lodash@4 express@4 koa@2 fastify@4 ejs@3 pug@3 handlebars@4
  sequelize@6 mongoose@8 pg@8 mysql2@3 shelljs@0.8 execa@5 axios@1 jsonwebtoken@9 ws@8
  socket.io@4 moment@2 @babel/core@7 jquery@3 eslint@9
)

if ! command -v bandit >/dev/null || ! [ -x /usr/bin/time ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bandit time
fi

if ! [ -x "$work/tools/node_modules/.bin/eslint" ]; then
  mkdir -p "$work/tools"
  [ -f "$work/tools/package.json" ] || echo '{"private":true}' >"$work/tools/package.json"
  (cd "$work/tools" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "eslint@$ESLINT_VERSION" "eslint-plugin-security@$ESLINT_SECURITY_VERSION")
fi

if ! [ -f "$work/npm-corpus/.installed" ]; then
  mkdir -p "$work/npm-corpus"
  [ -f "$work/npm-corpus/package.json" ] || echo '{"private":true}' >"$work/npm-corpus/package.json"
  (cd "$work/npm-corpus" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "${CORPUS_PACKAGES[@]}")
  touch "$work/npm-corpus/.installed"
fi

# Both tools are given the same files: prepare-corpus.mjs copies the sources into .work/corpus/{js,py} leaving out
# what Rampart's walker skips by design (files over 1 MiB, minified, binary), and renames directories that it
# skips by name (dist, build, vendor, ...) so that their code is scanned by both rather than by the peer only.
# Python: Debian's standard library and Debian's packaged modules (not pyenv's or pip's).
pyver="$(/usr/bin/python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
if ! [ -f "$work/corpus/.prepared" ]; then
  rm -rf "$work/corpus"
  node "$here/prepare-corpus.mjs" --out "$work/corpus" \
    --js "$work/npm-corpus/node_modules" \
    --py "stdlib=/usr/lib/python$pyver" --py "dist-packages=/usr/lib/python3/dist-packages"
  touch "$work/corpus/.prepared"
fi
cat "$work/corpus/sizes.json"

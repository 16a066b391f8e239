#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, once per machine: Debian's Chromium (Playwright drives
# it), the headers and ripgrep that code-server's install needs, and code-server itself, outside the
# project's node_modules so that a plain `npm install` stays small.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # newer ones need Node 22 or later
home="${ARCHTRACE_E2E_HOME:-$HOME/.cache/archtrace-e2e}"
target="$home/code-server-$CODE_SERVER_VERSION"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  echo "e2e setup: installing ${missing[*]} from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x "$target/node_modules/.bin/code-server" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION into $target (1-2 minutes)"
  # @vscode/ripgrep's install looks in this cache before it downloads; Debian's rg fills it.
  cache="$(node -e 'console.log(require("os").tmpdir())')/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  rm -rf "$target.partial" && mkdir -p "$target.partial"
  (cd "$target.partial" && echo '{"private":true}' > package.json &&
    npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
      npm install --no-save --no-audit --no-fund --unsafe-perm "code-server@$CODE_SERVER_VERSION" >install.log 2>&1) ||
    { tail -20 "$target.partial/install.log"; exit 1; }
  rm -rf "$target" && mv "$target.partial" "$target"
fi
echo "e2e setup: code-server $("$target/node_modules/.bin/code-server" --version 2>/dev/null | head -1 | cut -d' ' -f1), $(chromium --version 2>/dev/null)"

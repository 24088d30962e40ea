# Puts Node >= 22.12 and the pinned pnpm first on PATH, installing both from the npm
# registry into a cache folder when the machine lacks them. Source it: `source .ci/toolchain.sh`.
PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]" 2>/dev/null || echo 12.21.0)"
TOOLS="${XDG_CACHE_HOME:-$HOME/.cache}/astro-theme-chirpy-tools"

node_ok() {
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if ! node_ok; then
  if [ ! -x "$TOOLS/node/node_modules/.bin/node" ]; then
    npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund node@22 >/dev/null
  fi
  export PATH="$TOOLS/node/node_modules/.bin:$PATH"
fi

if [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  if [ "$("$TOOLS/pnpm-$PNPM_VERSION/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    npm install --prefix "$TOOLS/pnpm-$PNPM_VERSION" --no-save --no-audit --no-fund "pnpm@$PNPM_VERSION" >/dev/null
  fi
  export PATH="$TOOLS/pnpm-$PNPM_VERSION/node_modules/.bin:$PATH"
fi

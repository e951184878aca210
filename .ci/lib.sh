# shellcheck shell=bash
# Shared helpers for .ci/serve and .ci/test. Source it, don't run it:
#   source "$(dirname "$0")/lib.sh"
# Every ensure_* function is idempotent: it checks what is installed, prints one
# line saying what it found or did, and only installs what is missing.
# Only registries reachable here are used: crates.io (cargo install), npm, apt.

# Repository root (this file lives in <root>/.ci/).
IRONPLAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export IRONPLAN_ROOT

# Pinned tool versions.
TRUNK_VERSION="0.21.14"          # trunk 0.22 needs a newer rustc
BINARYEN_VERSION="132"           # Debian's binaryen 108 is too old for current rustc output
IRONPLAN_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/ironplan"
BINARYEN_DIR="$IRONPLAN_CACHE/binaryen-$BINARYEN_VERSION"

# cargo-installed tools (trunk, wasm-bindgen, wasm-bindgen-test-runner) must be on PATH.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CARGO_BIN:"*) ;;
  *) export PATH="$CARGO_BIN:$PATH" ;;
esac

# wasm-opt from npm binaryen (installed by ensure_wasm_opt). Put on PATH at source
# time, not inside ensure_wasm_opt: callers may run the ensure_* functions in a subshell.
BINARYEN_BIN="$BINARYEN_DIR/node_modules/.bin"
case ":$PATH:" in
  *":$BINARYEN_BIN:"*) ;;
  *) export PATH="$BINARYEN_BIN:$PATH" ;;
esac

log() { printf '[ci] %s\n' "$*"; }

# Run a command as root (directly when already root, else through sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Version of the wasm-bindgen crate locked in Cargo.lock, e.g. 0.2.130.
wasm_bindgen_lock_version() {
  awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$IRONPLAN_ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
    log "wasm32-unknown-unknown target: present"
  else
    log "wasm32-unknown-unknown target: installing (rustup target add)"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  local have=""
  if command -v trunk >/dev/null 2>&1; then
    have="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$TRUNK_VERSION" ]; then
    log "trunk $TRUNK_VERSION: present"
  else
    log "trunk: found '${have:-none}', installing $TRUNK_VERSION (cargo install --locked, takes several minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want have=""
  want="$(wasm_bindgen_lock_version)"
  if [ -z "$want" ]; then
    log "wasm-bindgen: cannot read its version from Cargo.lock" >&2
    return 1
  fi
  if command -v wasm-bindgen >/dev/null 2>&1; then
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    log "wasm-bindgen-cli $want (matches Cargo.lock): present"
  else
    log "wasm-bindgen-cli: found '${have:-none}', Cargo.lock wants $want: installing (cargo install, takes several minutes)"
    # No --locked: the CLI's own lock file may pin crates that don't build on this rustc.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  # Trunk.toml pins the same version; catch drift after a `cargo update`.
  if ! grep -Eq "^wasm_bindgen = \"$want\"" "$IRONPLAN_ROOT/Trunk.toml"; then
    log "Trunk.toml [tools] wasm_bindgen does not equal Cargo.lock's $want: update Trunk.toml" >&2
    return 1
  fi
}

ensure_wasm_opt() {
  local bin="$BINARYEN_BIN"
  if [ -x "$bin/wasm-opt" ] && "$bin/wasm-opt" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
    log "wasm-opt version_$BINARYEN_VERSION (npm binaryen@$BINARYEN_VERSION): present in $BINARYEN_DIR"
  else
    log "wasm-opt: installing npm binaryen@$BINARYEN_VERSION into $BINARYEN_DIR"
    mkdir -p "$BINARYEN_DIR"
    npm install --prefix "$BINARYEN_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  fi
  if [ "$(command -v wasm-opt)" != "$bin/wasm-opt" ]; then
    log "wasm-opt: $bin is not first on PATH (found $(command -v wasm-opt))" >&2
    return 1
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "chromium + chromedriver: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  else
    log "chromium/chromedriver missing: installing with apt-get"
    as_root apt-get update
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends chromium chromium-driver
  fi
}

ensure_e2e_packages() {
  local dir="$IRONPLAN_ROOT/tests/e2e"
  if [ -f "$dir/node_modules/.package-lock.json" ] \
     && [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "e2e npm packages: present (tests/e2e/node_modules)"
  else
    log "e2e npm packages: npm ci in tests/e2e"
    # Never download Playwright's own browsers: the system Chromium is used.
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# MPXJ, the Java library ProjectLibre and GanttProject read MS Project files with, as an outside
# reader of Ironplan's MS Project XML exports (.ci/test's mpxj step). Python packages from PyPI,
# pinned, in a virtual environment under target/; a Java runtime from apt when there is none.
MPXJ_VERSION="16.10.0"
JPYPE_VERSION="1.7.1"
MPXJ_VENV="$IRONPLAN_ROOT/target/mpxj-venv"

ensure_mpxj() {
  if ! command -v java >/dev/null 2>&1; then
    log "java missing: installing default-jre-headless with apt-get"
    as_root apt-get update
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends default-jre-headless
  fi
  if "$MPXJ_VENV/bin/python" -c "import mpxj, jpype" >/dev/null 2>&1 \
     && "$MPXJ_VENV/bin/pip" show mpxj 2>/dev/null | grep -qx "Version: $MPXJ_VERSION"; then
    log "mpxj $MPXJ_VERSION: present ($MPXJ_VENV)"
  else
    log "mpxj $MPXJ_VERSION: pip install into $MPXJ_VENV"
    python3 -m venv "$MPXJ_VENV"
    "$MPXJ_VENV/bin/pip" install --quiet --disable-pip-version-check \
      "mpxj==$MPXJ_VERSION" "JPype1==$JPYPE_VERSION"
  fi
}

# Release build with wasm-opt into dist/.
# Release builds erase component types (Leptos's `erase_components`): the same app, about a
# sixth less wasm. Only the wasm build gets the flag, so host builds keep their cache.
RELEASE_RUSTFLAGS="--cfg erase_components"

build_release() {
  log "trunk build --release --offline -> dist/ (and the single-file edition dist/ironplan.html)"
  (cd "$IRONPLAN_ROOT" && RUSTFLAGS="$RELEASE_RUSTFLAGS" trunk build --release --offline && node .ci/single-file.mjs dist)
}

# Everything the release build needs.
ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

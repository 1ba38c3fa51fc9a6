# shellcheck shell=bash
# Installs (as root) or names (otherwise) what DrainOrchestrator's scripts need beyond the .NET 10 SDK.
# Usage: source this file, then call ensure_prerequisites.

_missing_packages=()

_need() { # _need PACKAGE TEST-COMMAND...
  local package="$1"; shift
  if ! "$@" >/dev/null 2>&1; then
    _missing_packages+=("$package")
  fi
}

_have_postgres_server() {
  local bindir
  bindir="$(pg_config --bindir 2>/dev/null || true)"
  if [[ -n "$bindir" && -x "$bindir/initdb" && -x "$bindir/pg_ctl" ]]; then return 0; fi
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is required (dotnet not found on PATH); see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    return 1
  fi
  _missing_packages=()
  _need postgresql _have_postgres_server
  _need kubernetes-client command -v kubectl
  _need util-linux command -v runuser
  _need passwd command -v useradd
  # The dashboard's browser tests drive Debian's chromium (Playwright never downloads a browser here).
  _need chromium test -x "${DRAIN_CHROMIUM:-/usr/bin/chromium}"
  if ((${#_missing_packages[@]} == 0)); then
    return 0
  fi
  if [[ "$(id -u)" == 0 ]]; then
    echo "==> installing missing packages: ${_missing_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${_missing_packages[@]}"
  else
    echo "error: missing packages: ${_missing_packages[*]}" >&2
    echo "install them with:  sudo apt-get update && sudo apt-get install -y ${_missing_packages[*]}" >&2
    return 1
  fi
}

#!/usr/bin/env bash
# Runs every Parley test on a fresh machine: installs Debian's Chromium when missing, builds once,
# then runs the suites. The PostgreSQL server is started by the tests themselves (initdb/pg_ctl in a
# temporary folder) unless PARLEY_TEST_POSTGRES names one.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
for tool in initdb pg_ctl; do
  command -v "$tool" >/dev/null || { echo "error: $tool (PostgreSQL server binaries) is not on PATH" >&2; exit 1; }
done

# The checkers Parley's output is read with: ical.js, swagger-parser, Ajv, Redocly; installed when one is missing.
if ! node -e 'const fs = require("fs"); const deps = Object.keys(require("./tests/checkers/package.json").dependencies);
    process.exit(deps.every(d => fs.existsSync("tests/checkers/node_modules/" + d)) ? 0 : 1)'; then
  echo "Installing the independent checkers (npm ci in tests/checkers: ical.js, swagger-parser, Ajv, Redocly)..."
  (cd tests/checkers && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet tool restore >/dev/null
dotnet build Parley.slnx -c Release --nologo -v quiet
dotnet format Parley.slnx --verify-no-changes --no-restore
dotnet test Parley.slnx -c Release --no-build --nologo

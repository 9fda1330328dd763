#!/usr/bin/env bash
# Adds an EF Core migration for both databases, and compiles each database's model again (src/Models, which a
# start reads instead of building the model from the code): tools/add-migration.sh NAME
# The migrations live in src/Migrations, outside the project folder, where `dotnet ef` does not look for the
# model snapshot; it writes a fresh one inside the project, which this script moves over the old one.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  echo "Adding $name for $provider..."
  dotnet ef migrations add "$name" --project src/Parley --context "${provider}ParleyDb" \
    --output-dir "../Migrations/$provider" --namespace "Parley.Record.Migrations.$provider"
  written=$(find src/Parley -name "${provider}ParleyDbModelSnapshot.cs" -not -path '*/bin/*' -not -path '*/obj/*')
  mv "$written" "src/Migrations/$provider/${provider}ParleyDbModelSnapshot.cs"
  find src/Parley -type d -empty -delete
done
for provider in Sqlite Postgres; do
  echo "Compiling the $provider model..."
  rm -rf "src/Models/$provider"
  dotnet ef dbcontext optimize --project src/Parley --context "${provider}ParleyDb" \
    --output-dir "../Models/$provider" --namespace "Parley.Record.Models.$provider"
done
echo "Check: dotnet ef migrations has-pending-model-changes --project src/Parley --context SqliteParleyDb"

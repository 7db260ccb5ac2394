#!/usr/bin/env bash
# The one-command benchmark (docs/performance.md): installs PostgreSQL from Debian's packages when it is missing (for
# the baseline), builds the silo, the load generator and the benchmark tool in Release, and runs the benchmark with
# the options given, e.g.
#   bash scripts/benchmark.sh --quick                 # a few minutes
#   bash scripts/benchmark.sh                         # 100,000 customers
#   bash scripts/benchmark.sh --customers 1000000     # the full run (15-20 min and 12 GB of memory on 2 cores, plus the baseline)
# Options: --quick, --customers N, --step-duration D, --steady-duration D, --start-rate R, --max-rate R,
# --refresh-interval D, --no-baseline, --output DIR (see --help). On a machine shared with others, set BENCHMARK_LOCK
# to a lock file they use too: the run waits for it and holds it while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=true
for argument in "$@"; do
  [ "$argument" = "--no-baseline" ] && baseline=false
done

if [ "$baseline" = true ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql
fi

dotnet build -c Release src/Segmentation.Silo/Segmentation.Silo.csproj -nologo -v quiet
dotnet build -c Release bench/Segmentation.Performance/Segmentation.Performance.csproj -nologo -v quiet

run=(dotnet run -c Release --no-build --project bench/Segmentation.Performance/Segmentation.Performance.csproj -- "$@")
if [ -n "${BENCHMARK_LOCK:-}" ]; then
  exec flock "$BENCHMARK_LOCK" "${run[@]}"
fi

exec "${run[@]}"

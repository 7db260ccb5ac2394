#!/usr/bin/env bash
# The test command of the README: installs what the tests need (Debian packages, the npm tracking SDKs),
# runs every test project, and ends with the line "N passed, N failed" counted from the test results.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-dependencies.sh || { echo "Installing test dependencies failed." >&2; exit 2; }

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# A test host quiet for 10 minutes is stopped and the test it was running named, rather than holding the run.
dotnet test Segmentation.sln --configuration Release \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi

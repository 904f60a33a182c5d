#!/usr/bin/env bash
# make fuzz: builds the parser's libFuzzer target and runs it for a bounded time (FUZZ_SECONDS,
# default 120). Inputs start from seeds/ and Tests/Fixtures/fuzz/; a crash or broken invariant is
# saved under .build-fuzz/crashes/ — copy it into Tests/Fixtures/fuzz/ so it becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${FUZZ_SECONDS:-120}
BUILD=.build-fuzz
swift build --build-path "$BUILD" --product workbench-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
BIN=$(swift build --build-path "$BUILD" --show-bin-path)/workbench-fuzz
mkdir -p "$BUILD/corpus" "$BUILD/crashes"
cp -n seeds/*.txt Tests/Fixtures/fuzz/* "$BUILD/corpus/" 2>/dev/null || true
echo "fuzz: running $BIN for ${SECONDS_LIMIT}s (corpus $BUILD/corpus, findings in $BUILD/crashes/)"
"$BIN" "$BUILD/corpus" -dict=tools/fuzz.dict -max_total_time="$SECONDS_LIMIT" -max_len=16384 \
  -artifact_prefix="$BUILD/crashes/" -print_final_stats=1
echo "fuzz: no crash in ${SECONDS_LIMIT}s"

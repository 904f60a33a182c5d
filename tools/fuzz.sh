#!/usr/bin/env bash
# make fuzz: builds the libFuzzer target and runs it for a bounded time (FUZZ_SECONDS, default 120,
# shared between the targets): articles (the parser), script headers, bundle manifests and bundle
# files. Inputs start from seeds/, Scripts/ and Tests/Fixtures/fuzz/; a crash or broken invariant
# is saved under .build-fuzz/crashes/TARGET/ — copy it into Tests/Fixtures/fuzz/TARGET/ so it
# becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${FUZZ_SECONDS:-120}
TARGETS=${FUZZ_TARGETS:-article header manifest bundle}
BUILD=.build-fuzz
swift build --build-path "$BUILD" --product workbench-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
BIN=$(swift build --build-path "$BUILD" --show-bin-path)/workbench-fuzz
n=$(echo $TARGETS | wc -w)
share=$(( SECONDS_LIMIT / n )); [ "$share" -ge 5 ] || share=5
# starting inputs per target
seed() {
  local t=$1 dir=$BUILD/corpus/$t
  mkdir -p "$dir" "$BUILD/crashes/$t"
  case $t in
    article) cp -n seeds/*.txt Tests/Fixtures/fuzz/*.txt "$dir/" 2>/dev/null || true ;;
    header) cp -n Scripts/*.lua "$dir/" 2>/dev/null || true ;;
    manifest) python3 tools/fuzz_seeds.py manifest "$dir" ;;
    bundle) python3 tools/fuzz_seeds.py bundle "$dir" ;;
  esac
  cp -n Tests/Fixtures/fuzz/$t/* "$dir/" 2>/dev/null || true
}
# library leaks we cannot fix here are listed, with the reason, in tools/lsan.supp
export LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for t in $TARGETS; do
  seed "$t"
  echo "fuzz: $t for ${share}s (corpus $BUILD/corpus/$t, findings in $BUILD/crashes/$t/)"
  WORKBENCH_FUZZ_TARGET=$t "$BIN" "$BUILD/corpus/$t" -dict=tools/fuzz.dict -max_total_time="$share" -max_len=16384 \
    -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$BUILD/crashes/$t/" -print_final_stats=1
done
echo "fuzz: no crash in ${SECONDS_LIMIT}s ($TARGETS)"

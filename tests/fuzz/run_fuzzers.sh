#!/usr/bin/env bash
# Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
# Builds the libFuzzer targets with clang in build/fuzz and runs each for a while (README.md).
#   tests/fuzz/run_fuzzers.sh [seconds per target] [target...]     (./dev fuzz runs this)
# Environment: QTARI_FUZZ_BUILD (build dir, default build/fuzz), QTARI_FUZZ_NICE (default 19),
# QTARI_FUZZ_JOBS (build jobs, default 2). Prints executions, exec/s, corpus size and coverage per
# target; a crash, leak, sanitizer report or timeout leaves its input in <build>/artifacts/<target>/
# and makes the script fail. Keep such inputs in tests/fuzz/regressions/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(event models rest url simulator)
build=$(realpath -m "${QTARI_FUZZ_BUILD:-build/fuzz}")
niceness=${QTARI_FUZZ_NICE:-19}
jobs=${QTARI_FUZZ_JOBS:-2}

if ! command -v clang++ >/dev/null; then
    echo "clang++ is needed (Debian: apt-get install clang)" >&2
    exit 2
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DQTARI_SANITIZE=ON -DQTARI_FUZZ=ON \
        -DQTARI_WARNINGS_AS_ERRORS=ON -DQTARI_BUILD_INSPECTOR=OFF -DQTARI_BUILD_EXAMPLES=OFF \
        -DQTARI_BUILD_BENCH=OFF
fi
nice -n "$niceness" cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

bin=$build/tests/auto/fuzzreplay/fuzz
table=$bin/gen/fuzz_models_table.h
work=$build/fuzz-work
mkdir -p "$work"
# Seeds: the committed corpus, plus fresh ones from the traces when they are at hand; the
# dictionaries always come from the spec.
python3 tests/fuzz/make_corpus.py --models-table "$table" --generated "$build/lib/generated/include/QtAri" \
    "$work/seeds" >/dev/null
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}
export QT_QPA_PLATFORM=offscreen

failed=0
summary=$work/summary.txt
printf '%-10s %12s %9s %8s %7s %7s %8s %6s %s\n' target executions exec/s corpus cov ft rss-MB seconds \
    result >"$summary"
for t in "${targets[@]}"; do
    corpus=$work/corpus/$t
    artifacts=$build/artifacts/$t
    mkdir -p "$corpus" "$artifacts"
    dirs=("corpus/$t")
    for d in "seeds/$t" "$root/tests/fuzz/corpus/$t" "$root/tests/fuzz/regressions/$t"; do
        [ -d "$d" ] || [ -d "$work/$d" ] && dirs+=("$d")
    done
    log=$work/$t.log
    rm -f "$log" fuzz-0.log
    start=$(date +%s)
    set +e
    # One job, one worker, lowest priority: the machine is shared. -timeout catches hangs,
    # -rss_limit_mb/-malloc_limit_mb unbounded allocations; leaks are reported by LSan.
    ( cd "$work" && nice -n "$niceness" "$bin/fuzz_$t" -jobs=1 -workers=1 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
        -print_final_stats=1 -dict="seeds/$t.dict" -artifact_prefix="$artifacts/" \
        "${dirs[@]}" \
        >/dev/null 2>&1 )
    rc=$?
    set -e
    mv -f "$work/fuzz-0.log" "$log" 2>/dev/null || true
    elapsed=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    size=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last") # libFuzzer's corpus, not the folder
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    result=ok
    if [ "$rc" -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|==ERROR|SUMMARY: ' "$log"; then
        result="FAILED (exit $rc, see $log)"
        failed=1
    fi
    printf '%-10s %12s %9s %8s %7s %7s %8s %6s %s\n' "$t" "${execs:-?}" "${rate:-?}" "${size:-?}" \
        "${cov:-?}" "${ft:-?}" "${rss:-?}" "$elapsed" "$result" >>"$summary"
    if [ "$result" != ok ]; then
        grep -E 'ERROR|SUMMARY|runtime error|invariant|Test unit written' "$log" | head -20 >&2 || true
        ls -1 "$artifacts" >&2 || true
    fi
done
echo
echo "clang: $(clang++ --version | head -1); $(date -u '+%Y-%m-%d %H:%M UTC'); ${seconds}s per target"
cat "$summary"
if [ "$failed" -ne 0 ]; then
    echo "Crash inputs are in $build/artifacts/<target>/: keep each in tests/fuzz/regressions/<target>/." >&2
    exit 1
fi

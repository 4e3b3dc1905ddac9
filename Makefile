# loopscope: `make run` builds and starts the app, `make test` builds and runs every suite.
# Both install the Debian packages they need first (tools/install-deps.sh).

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
GENERATOR  := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")
CMAKE_ARGS ?=
# ccache keys on paths relative to the checkout, so every clone shares hits.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps configure build run test test-asan bench fuzz-conformance fuzz-language clean

all: build

deps:
	@bash tools/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOOPSCOPE_WERROR=ON $(CMAKE_ARGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/loopscope $(ARGS)

# The sanitizer build: every suite under ASan+UBSan, and the real binary
# run over the CLI tests and the conformance corpus. The window tests stay
# out (the GL driver's own allocations are not ours to judge), and so do the
# checks that only compare with CPython or repeat a run another test makes
# (the fuzz smoke test, the 100,000-task lesson run twice, the live oracle).
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DLOOPSCOPE_WERROR=ON \
	  -DLOOPSCOPE_SANITIZE=ON -DLOOPSCOPE_APP=ON -DLOOPSCOPE_BENCH=OFF $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -LE "slow|app" \
	  -E "conformance_fuzz_smoke|Lessons.TheHundredThousandTasksLessonCountsItsTasks"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan

bench: build
	./$(BUILD)/loopscope_bench --benchmark_counters_tabular=true
	./$(BUILD)/loopscope_membench --benchmark_counters_tabular=true
	python3 tests/bench/compare_cpython.py --loopscope ./$(BUILD)/loopscope
	python3 tests/bench/compare.py --loopscope ./$(BUILD)/loopscope

# Differential fuzzing against CPython: seeds 0..N-1 of fuzz/gen.py.
N ?= 500
fuzz-conformance: build
	python3 tests/conformance/fuzz/run_fuzz.py --loopscope ./$(BUILD)/loopscope --seeds 0:$(N) -j $(JOBS) --quiet

# The language fuzzer (libFuzzer + ASan + UBSan, clang) in its own build
# folder, for SECONDS seconds over tests/fuzz/seeds.
FUZZ_BUILD ?= build-fuzz
SECONDS    ?= 60
fuzz-language: deps
	cmake -S . -B $(FUZZ_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DCMAKE_CXX_COMPILER=clang++ -DLOOPSCOPE_FUZZ=ON -DLOOPSCOPE_APP=OFF -DLOOPSCOPE_BENCH=OFF $(CMAKE_ARGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target language_fuzzer
	tests/fuzz/run_language_fuzz.sh ./$(FUZZ_BUILD)/tests/fuzz/language_fuzzer $(FUZZ_BUILD) $(SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)

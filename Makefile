# quotegraph - quote attribution for English news.
#
#   make demo      install build dependencies, build, annotate corpus/ into out/corpus.jsonl
#   make check     install build dependencies, build, run every test
#   make asan      the test suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make leakcheck the end-to-end run under valgrind (no leaks, no errors)
#   make eval      score corpus/ and the shared seeds against their gold
#   make help      all targets

CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
OPT ?= -O2
PKGS = libpcre2-8 libutf8proc jansson

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lpcre2-8 -lutf8proc -ljansson)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

# The binary finds its rules without flags: the source tree's rules/ for a
# build here, $(PREFIX)/share/quotegraph/rules for `make install`.
RULES_DIR ?= $(abspath rules)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla
QG_CFLAGS = -std=c11 $(OPT) -g $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Ipipeline -Istages -Ieval -Iformats -Iaudit -Imerge -Icli $(PKG_CFLAGS) $(CFLAGS) $(SAN) -pthread
QG_LDFLAGS = $(LDFLAGS) $(SAN) -pthread

LIB_SRC = $(sort $(wildcard pipeline/*.c stages/*.c eval/*.c formats/*.c audit/*.c merge/*.c))
CLI_SRC = $(sort $(filter-out cli/main.c,$(wildcard cli/*.c)))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ = $(BUILD)/obj/cli/main.o
TEST_SRC = $(sort $(wildcard tests/*/check_*.c))
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
BIN = $(BUILD)/quotegraph

CORPUS_TXT = $(sort $(shell find corpus -name '*.txt' 2>/dev/null))

.PHONY: all deps demo check unit test asan ubsan sanitize leakcheck eval baseline regress bench \
	bench-instr bench-js fuzz lint format install uninstall clean help
.DELETE_ON_ERROR:

all: $(BIN)

help:
	@sed -n 's/^#   //p' Makefile
	@echo "  make unit       Check unit tests only"
	@echo "  make baseline   store corpus/ annotated now as $(BASELINE), for make regress"
	@echo "  make regress    annotate corpus/ again, diff against the baseline (fails when"
	@echo "                  statements are lost or speakers change), then eval and audit"
	@echo "  make bench      throughput on a generated corpus (BENCH_MB=100)"
	@echo "  make bench-instr instructions per byte under callgrind (stable on a busy machine)"
	@echo "  make bench-js   quotegraph and wink-nlp side by side on the same text"
	@echo "  make fuzz       libFuzzer: pipeline, rules loader, line inputs (FUZZ_SECONDS=60 each; clang)"
	@echo "  make lint       cppcheck over the sources"
	@echo "  make format     clang-format the sources"
	@echo "  make install    install to PREFIX=$(PREFIX)"

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(QG_CFLAGS) -DQG_DEFAULT_RULES_DIR='"$(RULES_DIR)"' -MMD -MP -c $< -o $@

$(BIN): $(LIB_OBJ) $(CLI_OBJ) $(MAIN_OBJ)
	$(CC) -o $@ $^ $(QG_LDFLAGS) $(PKG_LIBS)

$(BUILD)/tests/%: tests/%.c $(LIB_OBJ) $(CLI_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(QG_CFLAGS) $(CHECK_CFLAGS) -Itests -DQG_SOURCE_DIR='"$(CURDIR)"' \
		-DQG_DEFAULT_RULES_DIR='"$(RULES_DIR)"' -o $@ $< $(LIB_OBJ) $(CLI_OBJ) \
		$(QG_LDFLAGS) $(PKG_LIBS) $(CHECK_LIBS)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# Where the sources refer to each rule id, for `quotegraph rules list`:
# generated from the sources so that it cannot drift from them.
RULE_SITES = $(BUILD)/gen/rule_sites.h
$(RULE_SITES): $(filter-out pipeline/provenance.c,$(sort $(wildcard pipeline/*.c stages/*.c)))
	@mkdir -p $(dir $@)
	grep -on 'QG_R_[A-Z0-9_]*' $^ | grep -v ':QG_R_COUNT$$' | uniq | \
		sed 's/^\([^:]*\):\([0-9]*\):\(.*\)$$/QG_RULE_SITE(\3, "\1", \2)/' >$@
$(BUILD)/obj/cli/cmd_rules.o: $(RULE_SITES)
$(BUILD)/obj/cli/cmd_rules.o: QG_CFLAGS += -I$(BUILD)/gen

# ---- the main job ----

demo: deps
	@$(MAKE) --no-print-directory $(BIN)
	@mkdir -p out
	$(BIN) -o out/corpus.jsonl corpus
	@echo "demo: $$(wc -l < out/corpus.jsonl) documents annotated -> out/corpus.jsonl"
	@if [ -f corpus/gold/corpus.gold.jsonl ]; then \
		$(BIN) eval --gold corpus/gold/corpus.gold.jsonl out/corpus.jsonl; fi

eval: $(BIN)
	@sh tests/e2e/eval.sh $(BIN)

# Catching regressions (docs/auditing.md): `make baseline` keeps the corpus
# output as it is now; `make regress` annotates the corpus again, reports
# what changed against the baseline, fails as `quotegraph diff
# --fail-on=$(REGRESS_FAIL_ON)` does, and prints the eval figures and writes
# the HTML report (out/audit/index.html, worst documents first) either way.
BASELINE ?= out/baseline.jsonl
REGRESS_FAIL_ON ?= lost

baseline: $(BIN)
	@mkdir -p $(dir $(BASELINE))
	$(BIN) -q -o $(BASELINE) corpus
	@echo "baseline: $$(wc -l < $(BASELINE)) documents -> $(BASELINE)"

regress: $(BIN)
	@test -f $(BASELINE) || { echo "regress: no $(BASELINE): run 'make baseline' first," \
		"before the change to check" >&2; exit 2; }
	@mkdir -p out
	$(BIN) -q -o out/corpus.jsonl corpus
	@status=0; $(BIN) diff --fail-on=$(REGRESS_FAIL_ON) $(BASELINE) out/corpus.jsonl || status=$$?; \
	if [ -f corpus/gold/corpus.gold.jsonl ]; then \
		$(BIN) eval --gold corpus/gold/corpus.gold.jsonl out/corpus.jsonl || status=$$?; \
		$(BIN) audit --gold corpus/gold/corpus.gold.jsonl -o out/audit out/corpus.jsonl corpus \
			|| status=$$?; \
		echo "regress: report in out/audit/index.html"; fi; \
	[ $$status -eq 0 ] || echo "regress: failed against $(BASELINE) (--fail-on=$(REGRESS_FAIL_ON))" >&2; \
	exit $$status

# ---- tests ----

check: deps
	@$(MAKE) --no-print-directory $(BIN) $(TEST_BIN)
	@sh tests/run.sh $(BUILD)

unit: $(TEST_BIN)
	@sh tests/run.sh $(BUILD) unit

test: check

asan sanitize:
	@$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
		SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		build/asan/quotegraph $(TEST_SRC:tests/%.c=build/asan/tests/%)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh build/asan

ubsan: asan

leakcheck: $(BIN)
	@QG_WITH_VALGRIND=1 sh scripts/install-deps.sh
	@sh tests/e2e/leakcheck.sh $(BIN)

BENCH_MB ?= 100

bench: $(BIN)
	@sh scripts/bench.sh $(BIN) $(BENCH_MB)

bench-instr: $(BIN)
	@QG_WITH_VALGRIND=1 sh scripts/install-deps.sh
	@sh scripts/bench-instr.sh $(BIN)

bench-js: $(BIN)
	@QG_WITH_NODE=1 sh scripts/install-deps.sh
	@sh scripts/bench-js.sh $(BIN)

# Fuzzing with libFuzzer (clang): FUZZ_SECONDS for each harness of
# tests/fuzz/ (the whole pipeline, the rules loader, the line inputs).
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_HARNESSES = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

fuzz:
	@QG_WITH_CLANG=1 sh scripts/install-deps.sh
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT=-O1 \
		SAN='$(FUZZ_SAN) -fsanitize=fuzzer-no-link' $(FUZZ_HARNESSES:%=build/fuzz/%)
	@for h in $(FUZZ_HARNESSES); do sh tests/fuzz/run.sh build/fuzz/$$h $(FUZZ_SECONDS) || exit 1; done

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJ) $(CLI_OBJ)
	$(CC) $(QG_CFLAGS) -DQG_DEFAULT_RULES_DIR='"$(RULES_DIR)"' -fsanitize=fuzzer -o $@ $< $(LIB_OBJ) \
		$(CLI_OBJ) $(QG_LDFLAGS) -fsanitize=fuzzer $(PKG_LIBS)

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--std=c11 --suppress=missingIncludeSystem -Ipipeline -Istages -Ieval -Iformats -Iaudit -Imerge \
		-Icli pipeline stages eval formats audit merge cli

format:
	clang-format -i pipeline/*.[ch] stages/*.[ch] eval/*.[ch] formats/*.[ch] audit/*.[ch] merge/*.[ch] cli/*.[ch] \
		tests/*/*.[ch]

install:
	@$(MAKE) --no-print-directory BUILD=build/install RULES_DIR=$(PREFIX)/share/quotegraph/rules \
		build/install/quotegraph
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/quotegraph/rules \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 build/install/quotegraph $(DESTDIR)$(PREFIX)/bin/quotegraph
	install -m 644 rules/*.txt $(DESTDIR)$(PREFIX)/share/quotegraph/rules/
	install -m 644 docs/quotegraph.1 $(DESTDIR)$(PREFIX)/share/man/man1/quotegraph.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/quotegraph $(DESTDIR)$(PREFIX)/share/quotegraph \
		$(DESTDIR)$(PREFIX)/share/man/man1/quotegraph.1

clean:
	rm -rf build out

# Redline: `make demo` runs the tool on the bundled sample drafts, `make test` runs the tests.
# Both install the Debian packages they need when they are missing.

SWIFT ?= swift
APT_PACKAGES := pkg-config git libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev
# bsdutils: `script`, which the tests use to run Redline on a pseudo-terminal.
APT_PACKAGES += bsdutils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test bench release clean fuzz

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# Every module (the dependencies too) asks for a generic type's metadata by calling its
# accessor, not by its mangled name: a name is resolved at run time by searching the
# program's 8,000 protocol conformances, about a third of a small command's instructions
# (decision 82, docs/speed.md). bench/release-flags prints the flags.
RELEASE_FLAGS := $(shell bench/release-flags)

release: deps
	$(SWIFT) build -c release --product redline --static-swift-stdlib $(RELEASE_FLAGS)

demo: build
	.build/debug/redline demo

test: deps
	$(SWIFT) test
	$(MAKE) browser-test

bench: release
	@for t in /usr/bin/time valgrind; do command -v $$t >/dev/null || { $(SUDO) apt-get install -y -qq time valgrind; break; }; done
	bench/run.sh
	SIZE=1MB bench/history.sh
	SIZE=5MB bench/history.sh
	bench/blame.sh

# Rewrites Sources/redline/hot-functions.order, the functions typical runs execute, which
# the release link places side by side (decision 73). Needs valgrind. Commit the result.
.PHONY: hot-functions
hot-functions: release
	@command -v valgrind >/dev/null || $(SUDO) apt-get install -y -qq valgrind
	RELEASE_FLAGS="$(RELEASE_FLAGS)" bench/hot-functions.sh

.PHONY: man lint

# The manual page, generated from the command definitions by swift-argument-parser's
# generate-manual plugin: out/man/redline.1 (not committed; read it with `man out/man/redline.1`).
man: deps
	$(SWIFT) package --disable-sandbox generate-manual --configuration debug
	mkdir -p out/man
	cp .build/plugins/GenerateManual/outputs/redline/redline.1 out/man/redline.1
	@echo "Wrote out/man/redline.1"

# Style check with the toolchain's swift-format (configuration: .swift-format).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

# libFuzzer over the parsers and the thread-file reader (Sources/RedlineFuzz), seeded from
# Tests/FuzzCorpus; new inputs go to .build-fuzz/corpus, crashes to .build-fuzz/crash-*.
FUZZ_SECONDS ?= 600
fuzz: deps
	$(SWIFT) build -c release --product RedlineFuzz --build-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
	mkdir -p .build-fuzz/corpus
	.build-fuzz/release/RedlineFuzz .build-fuzz/corpus Tests/FuzzCorpus -max_total_time=$(FUZZ_SECONDS) \
	  -rss_limit_mb=1024 -timeout=10 -max_len=65536 -artifact_prefix=.build-fuzz/ -print_final_stats=1

clean:
	rm -rf .build out

# `redline serve`: a real browser walk-through (Chromium + Selenium) and the loopback load test.
BROWSER_APT := chromium chromium-driver
.PHONY: browser-deps browser-test load

browser-deps:
	@missing=""; for p in $(BROWSER_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium

# A real browser on a busy machine can drop a WebDriver call (seen once under heavy load,
# an empty WebDriverException with the page itself correct): a failed walk-through is run
# once more from the start, and fails the target if it fails again.
browser-test: deps browser-deps
	$(SWIFT) build --product redline
	python3 Tests/browser/test_review.py .build/debug/redline || \
	  { echo "browser test failed; running it once more from the start"; python3 Tests/browser/test_review.py .build/debug/redline; }

load: build
	python3 bench/load.py --redline .build/debug/redline

# Word export check (Tests/RedlineTests/Word): LibreOffice renders an exported .docx to PDF.
# About 220 MB without recommends; installed for `make test` only. libxml2 backs FoundationXML,
# the reference the XML reader's tests compare with (Redline itself no longer uses it).
WORD_TEST_APT_PACKAGES := libxml2 fonts-dejavu-core libreoffice-writer-nogui
.PHONY: word-test-deps
test: word-test-deps
word-test-deps: deps
	@missing=""; for p in $(WORD_TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v soffice >/dev/null 2>&1 && missing=$$(echo "$$missing" | sed 's/libreoffice-writer-nogui//'); \
	if [ -n "$$(echo $$missing)" ]; then \
	  echo "Installing Debian packages for the Word tests:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

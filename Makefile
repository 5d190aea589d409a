# Redline: `make demo` runs the tool on the bundled sample drafts, `make test` runs the tests.
# Both install the Debian packages they need when they are missing.

SWIFT ?= swift
APT_PACKAGES := pkg-config git libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test bench release clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product redline

demo: build
	.build/debug/redline demo

test: deps
	$(SWIFT) test
	$(MAKE) browser-test

bench: release
	@for t in hyperfine /usr/bin/time; do command -v $$t >/dev/null || { $(SUDO) apt-get install -y -qq hyperfine time; break; }; done
	bench/run.sh
	bench/history.sh

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

browser-test: deps browser-deps
	$(SWIFT) build --product redline
	python3 Tests/browser/test_review.py .build/debug/redline

load: build
	python3 bench/load.py --redline .build/debug/redline

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

bench: release
	@for t in hyperfine /usr/bin/time; do command -v $$t >/dev/null || { $(SUDO) apt-get install -y -qq hyperfine time; break; }; done
	bench/run.sh
	bench/history.sh

clean:
	rm -rf .build out

# Word export check (Tests/RedlineTests/Word): LibreOffice renders an exported .docx to PDF.
# About 220 MB without recommends; installed for `make test` only. libxml2 backs FoundationXML.
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

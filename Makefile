# workbench — build, run, test. `make run` and `make test` do all set-up on a fresh Debian machine.
SWIFT ?= swift
BIN := .build/release/workbench
DEBS := liblua5.4-dev libedit-dev zlib1g-dev libsqlite3-dev
HEADERS := /usr/include/lua5.4/lua.h /usr/include/histedit.h /usr/include/zlib.h /usr/include/sqlite3.h

.PHONY: run build deps test bench fuzz report-images format format-check clean

run: build
	$(BIN) run Scripts/tally.lua seeds/

build: deps
	$(SWIFT) build -c release

# Installs the C libraries (Lua 5.4, libedit, zlib, SQLite) with apt-get when their headers are missing.
deps:
	@missing=""; for h in $(HEADERS); do [ -f $$h ] || missing="$$missing $$h"; done; \
	if [ -n "$$missing" ]; then \
	  echo "workbench needs $(DEBS) (missing:$$missing); installing with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "cannot install as a normal user without sudo: run 'apt-get install -y $(DEBS)' as root" >&2; exit 1; fi; \
	  $$SUDO apt-get install -y $(DEBS) >/dev/null 2>&1 || { $$SUDO apt-get update >/dev/null && $$SUDO apt-get install -y $(DEBS); } || \
	    { echo "could not install $(DEBS): install them with your package manager" >&2; exit 1; }; \
	fi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	tools/bench.sh

# Renders the sample reports with headless Chromium to PNG and PDF (.build/report-images/); fails on console errors.
report-images: build
	tools/report_images.sh

fuzz: deps
	tools/fuzz.sh

# The Swift sources follow .swift-format (120 columns): `make format` rewrites them, `make format-check` fails
# on any difference (the toolchain's swift-format).
SWIFT_SOURCES := Sources Tests Package.swift
format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_SOURCES)

format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)

clean:
	rm -rf .build .build-*

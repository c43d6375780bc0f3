# kgraph: `make run` builds the seeds into out/, `make test` runs the tests.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
KGRAPH := .build/release/kgraph

.PHONY: deps train-deps build run test models bench clean

# Graphviz's C libraries (libgvc, libcgraph) and headers, from Debian.
deps:
	@pkg-config --exists libgvc 2>/dev/null || { \
	  echo "installing libgraphviz-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libgraphviz-dev; }

# What `kgraph train` reads besides ../shared/corpora: WordNet and iso-codes.
train-deps:
	@{ [ -f /usr/share/wordnet/data.noun ] && [ -f /usr/share/iso-codes/json/iso_3166-1.json ]; } || { \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wordnet-base iso-codes; }

build: deps
	$(SWIFT) build -c release

run: build
	$(KGRAPH) build seeds/
	$(KGRAPH) query path Powell Zelensky

test: deps
	$(SWIFT) test

# Rebuild models/ from ../shared/corpora, WordNet and iso-codes (deterministic).
models: build train-deps
	$(KGRAPH) train --corpora ../shared/corpora --out models

# Speed and memory: the text pipeline stage by stage on one core, then a whole build of the UN
# General Debates (2,903 speeches) into a scratch store. Not a test: figures, no pass or fail.
BENCH_CORPUS ?= ../shared/corpora/un-general-debates
bench: build
	$(KGRAPH) bench $(BENCH_CORPUS)
	rm -rf .bench && mkdir -p .bench
	$(KGRAPH) build $(BENCH_CORPUS) --store .bench/kgraph.sqlite --out .bench

clean:
	rm -rf .build .bench out/kgraph.sqlite out/graph.dot out/graph.svg out/graph.png

# kgraph: `make run` builds the seeds into out/, `make test` runs the tests.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
KGRAPH := .build/release/kgraph

.PHONY: deps train-deps build run test models clean

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

clean:
	rm -rf .build out/kgraph.sqlite out/graph.dot out/graph.svg out/graph.png

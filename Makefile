# FactArchive — build, test and run.
#
#   make run       build, ingest Fixtures/ into the default database, print the stale report
#   make serve     the editors' desk on the `make run` database (http://127.0.0.1:8080/)
#   make screenshot  docs/queue.png: the desk's queue on the fixtures, for the README
#   make test      build and run every test (and the format lint)
#   make build     release build
#   make install   install the binary, man page and shell completions under PREFIX
#   make schema    regenerate the Swift copies of Schema/*.sql, Schema/README.md and the common-names list
#   make bench     benchmark ingest and queries at 20,000 and 100,000 articles (BENCH_N=1000000 adds a run)
#   make fuzz      libFuzzer with AddressSanitizer on the article parser, the ClaimReview importer, the HTML reader and the feed reader
#   make html-check  render the HTML report in headless Chromium: escaping check and screenshot

SHELL := /bin/bash
PREFIX ?= /usr/local
DB ?= factarchive.sqlite
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
SCHEMA_SWIFT := Sources/FactArchiveSchema/Migrations/Migration+Schema.swift
SCHEMA_DOC_SWIFT := Sources/FactArchiveSchema/Migrations/SchemaReference.swift
NAMES_TSV := Sources/FactArchivePolicy/Data/common-names.tsv
NAMES_SWIFT := Sources/FactArchivePolicy/CommonNames+Data.swift
RATINGS_TSV := Sources/FactArchivePolicy/Data/rating-labels.tsv
RATINGS_SWIFT := Sources/FactArchivePolicy/RatingLexicon+Data.swift
CLAIM_WORDS_TSV := Sources/FactArchivePolicy/Data/claim-words.tsv
CLAIM_WORDS_SWIFT := Sources/FactArchivePolicy/ClaimWords+Data.swift
HINTS_TSV := Sources/FactArchiveWebPage/Data/page-hints.tsv
HINTS_SWIFT := Sources/FactArchiveWebPage/MainText/PageHints+Data.swift
# A static standard library starts faster.
RELEASE_FLAGS := -c release --product factarchive --static-swift-stdlib
# Debug builds (`make run`, `make test`, the desk's targets) compile each module in one
# frontend job (`-wmo`, still unoptimized) with its code generated on every core, instead of
# in batches that each type-check the module's other files again: a fresh clone's debug
# build on 2 cores took 115–117 s of wall and 187–196 s of user time against 141–149 s and 246 s
# (Benchmarks/NOTES.md). Any edit then recompiles its whole module; `DEBUG_FLAGS=` builds the
# incremental way. `make run` and `make test` must pass the same flags, or the second
# compiles everything again. (`-disable-batch-mode` only silences the driver's note that
# `-wmo` overrides it.) An expression or function the type checker takes over half a second
# on is a warning: four such took 32 s of every build until 42038b0.
NPROC := $(shell nproc 2>/dev/null || echo 2)
SLOW_TYPE_CHECKS := -Xswiftc -Xfrontend -Xswiftc -warn-long-expression-type-checking=500 \
  -Xswiftc -Xfrontend -Xswiftc -warn-long-function-bodies=500
DEBUG_FLAGS ?= -Xswiftc -wmo -Xswiftc -num-threads -Xswiftc $(NPROC) -Xswiftc -disable-batch-mode \
  $(SLOW_TYPE_CHECKS)
MANUAL := .build/plugins/GenerateManual/outputs/factarchive/factarchive.1

.PHONY: run serve screenshot test build install schema lint deps browser html-check bench fuzz fuzz-build clean

# The system C libraries the package reaches through module maps: SQLite, and libxml2 for
# pages saved as HTML (Debian's libsqlite3-dev and libxml2-dev); libcurl, which `fetch` and
# the desk's Add page download through (Debian's libcurl4-openssl-dev); and libcrypto for
# SHA-256 (Debian's libssl-dev; libcurl already needs the library itself).
deps:
	@missing=; \
	if ! pkg-config --exists sqlite3 2>/dev/null || [ ! -f "$$(pkg-config --variable=includedir sqlite3 2>/dev/null || echo /usr/include)/sqlite3.h" ]; then \
	  missing="$$missing libsqlite3-dev"; fi; \
	if ! pkg-config --exists libxml-2.0 2>/dev/null || [ ! -f "$$(pkg-config --variable=includedir libxml-2.0 2>/dev/null || echo /usr/include)/libxml2/libxml/HTMLparser.h" ]; then \
	  missing="$$missing libxml2-dev"; fi; \
	if ! pkg-config --exists libcurl 2>/dev/null; then \
	  missing="$$missing libcurl4-openssl-dev"; fi; \
	if ! pkg-config --exists libcrypto 2>/dev/null || [ ! -f "$$(pkg-config --variable=includedir libcrypto 2>/dev/null || echo /usr/include)/openssl/evp.h" ]; then \
	  missing="$$missing libssl-dev"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "headers not found: installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "Run as root: apt-get update && apt-get install -y$$missing pkg-config" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing pkg-config \
	    || { echo "Could not install them. Run: sudo apt-get install -y$$missing pkg-config" >&2; exit 1; }; \
	fi

# Fixtures/bad/ holds deliberately broken files: their rejections are part of the demo.
# Chromium from Debian's packages, for the browser check of the HTML report.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "chromium not found: installing it (Debian package chromium)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "Run as root: apt-get update && apt-get install -y chromium" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null \
	    || { echo "Could not install it. Run: sudo apt-get install -y chromium" >&2; exit 1; }; \
	fi

# The HTML report of Fixtures/ plus a page whose question holds a <script>, opened in headless
# Chromium: the script must show as text, and a screenshot lands in .build/html-check/.
HTML_CHECK := .build/html-check
html-check: deps browser
	$(SWIFT) build $(DEBUG_FLAGS) --product factarchive
	@rm -rf $(HTML_CHECK) && mkdir -p $(HTML_CHECK)
	@printf '%s\n' 'Did <script>document.title="pwned"</script> Orlen Bay close its market?' '' \
	  'Checked on January 2, 2026' '' 'Executive summary' '' 'It did not [1].' > $(HTML_CHECK)/hostile.txt
	@"$$($(SWIFT) build --show-bin-path)/factarchive" ingest --quiet --db $(HTML_CHECK)/check.sqlite \
	  Fixtures $(HTML_CHECK)/hostile.txt 2>/dev/null; [ $$? -le 1 ]
	@"$$($(SWIFT) build --show-bin-path)/factarchive" report --db $(HTML_CHECK)/check.sqlite \
	  --format html --out $(HTML_CHECK)/report.html
	@chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
	  --dump-dom "file://$(CURDIR)/$(HTML_CHECK)/report.html" > $(HTML_CHECK)/dom.html 2>/dev/null
	@grep -q '<title>Staleness report for' $(HTML_CHECK)/dom.html || { echo "html-check: page title changed" >&2; exit 1; }
	@! grep -q 'pwned</title>' $(HTML_CHECK)/dom.html || { echo "html-check: a script ran" >&2; exit 1; }
	@grep -q 'Did &lt;script&gt;document.title="pwned"&lt;/script&gt; Orlen Bay' $(HTML_CHECK)/dom.html \
	  || { echo "html-check: the question is not shown as text" >&2; exit 1; }
	@chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --window-size=1200,1800 \
	  --screenshot=$(CURDIR)/$(HTML_CHECK)/report.png "file://$(CURDIR)/$(HTML_CHECK)/report.html" >/dev/null 2>&1
	@echo "html-check: escaped and rendered; screenshot in $(HTML_CHECK)/report.png"

run: deps
	$(SWIFT) build $(DEBUG_FLAGS) --product factarchive
	@echo "== ingest Fixtures/ into $(DB) (the files in Fixtures/bad/ are rejected on purpose)"
	@"$$($(SWIFT) build --show-bin-path)/factarchive" ingest --db "$(DB)" Fixtures; \
	  status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "== stale report"
	@"$$($(SWIFT) build --show-bin-path)/factarchive" stale --db "$(DB)"

# The editors' desk over the `make run` database (PORT=8080 by default; Ctrl-C stops it).
PORT ?= 8080
serve: deps
	$(SWIFT) build $(DEBUG_FLAGS) --product factarchive
	@[ -f "$(DB)" ] || "$$($(SWIFT) build --show-bin-path)/factarchive" ingest --quiet --db "$(DB)" Fixtures || true
	"$$($(SWIFT) build --show-bin-path)/factarchive" serve --db "$(DB)" --port $(PORT)

# docs/queue.png, the README's picture of the desk: the fixtures, judged on a fixed day.
SHOT := .build/screenshot
screenshot: deps browser
	$(SWIFT) build $(DEBUG_FLAGS) --product factarchive
	@rm -rf $(SHOT) && mkdir -p $(SHOT) docs
	@"$$($(SWIFT) build --show-bin-path)/factarchive" ingest --quiet --db $(SHOT)/desk.sqlite Fixtures 2>/dev/null; [ $$? -le 1 ]
	@USER=editor "$$($(SWIFT) build --show-bin-path)/factarchive" serve --db $(SHOT)/desk.sqlite --port 0 2> $(SHOT)/serve.log & \
	  pid=$$!; for i in $$(seq 1 100); do grep -qs 'desk on' $(SHOT)/serve.log && break; sleep 0.1; done; \
	  url=$$(grep -o 'http://[^ ]*' $(SHOT)/serve.log | head -1); \
	  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
	    --window-size=1200,900 --screenshot=$(CURDIR)/docs/queue.png "$${url}?as_of=2026-11-23" >/dev/null 2>&1; \
	  kill $$pid; wait $$pid 2>/dev/null; true
	@echo "wrote docs/queue.png"

test: deps lint
	$(SWIFT) build $(DEBUG_FLAGS) --build-tests
	$(SWIFT) test $(DEBUG_FLAGS) --skip-build

# A release binary with the Swift runtime linked in: it needs only libc, libstdc++ and
# libsqlite3 on the machine it is copied to.
build: deps
	$(SWIFT) build $(RELEASE_FLAGS)

install: build
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/man/man1" \
	  "$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
	  "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/factarchive" "$(PREFIX)/bin/factarchive"
	$(SWIFT) package plugin generate-manual --configuration release
	install -m 644 $(MANUAL) "$(PREFIX)/share/man/man1/factarchive.1"
	"$(PREFIX)/bin/factarchive" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/factarchive"
	"$(PREFIX)/bin/factarchive" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_factarchive"
	"$(PREFIX)/bin/factarchive" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/factarchive.fish"
	@echo "installed factarchive, its man page and completions under $(PREFIX)"

# Not part of `make test`: generates corpora under Benchmarks/work/ (kept for reruns), measures
# against a Python peer and SQLite's own floor, and writes Benchmarks/RESULTS.md.
bench: build
	python3 Benchmarks/bench.py

# Fuzzing. SwiftPM cannot link a libFuzzer executable (it points `main` at the target's own
# entry), so the library code is built by SwiftPM with the sanitizers and each target's one
# file is compiled and linked here. Each run starts from Fixtures/ (and every input a fuzzer
# ever stopped on, Fixtures/fuzz/<target>/), keeps its growing corpus in .build-fuzz/corpus/,
# and fails on a crash, a leak, or an input slower than 2 s; the input lands in
# .build-fuzz/artifacts/ — copy it to Fixtures/fuzz/<target>/ so the tests replay it.
FUZZ_RUNS ?= 1000000
FUZZ_FLAGS ?=
FUZZ_SCRATCH := .build-fuzz
FUZZ_BIN = $(FUZZ_SCRATCH)/release
FUZZ_SWIFTC := $(dir $(SWIFT))swiftc
FUZZ_SANITIZE := -sanitize=fuzzer,address -DFUZZING

fuzz-build: deps
	$(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) --target FactArchiveFuzzing \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@objects=$$(find -L $(FUZZ_BIN)/ -path '*.build/*.o' | grep -vE '/([A-Za-z_]*-tool|Fuzz[A-Za-z]*|factarchive|TestSupport|[A-Za-z]*Tests)\.build/' \
	  | while read -r object; do \
	      module=$$(basename "$$(dirname "$$object")" .build); source=$$(basename "$$object" .o); \
	      if [ -d "Sources/$$module" ] && [ -z "$$(find "Sources/$$module" -name "$$source")" ]; then continue; fi; \
	      echo "$$object"; \
	    done); \
	for target in FuzzArticleParser:fuzz-article-parser FuzzClaimReview:fuzz-claimreview FuzzHTMLReader:fuzz-html-reader FuzzFeedReader:fuzz-feed-reader; do \
	  module=$${target%%:*}; binary=$${target##*:}; \
	  echo "linking $(FUZZ_BIN)/$$binary"; \
	  $(FUZZ_SWIFTC) -O -parse-as-library $(FUZZ_SANITIZE) -module-name $${module}Fuzzer \
	    -I $(FUZZ_BIN)/Modules -Xcc -fmodule-map-file=Sources/CSQLite/module.modulemap \
	    -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap \
	    -Xcc -fmodule-map-file=Sources/CLibCrypto/module.modulemap \
	    $$(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') \
	    Sources/$$module/$$module.swift $$objects -lsqlite3 -lxml2 -lcrypto -lstdc++ -o $(FUZZ_BIN)/$$binary \
	    2>&1 | grep -v 'Cannot export local symbol' || true; \
	  [ -x $(FUZZ_BIN)/$$binary ] || { echo "fuzz-build: linking $$binary failed" >&2; exit 1; }; \
	done

fuzz: fuzz-build
	@set -e; for target in article-parser:Fixtures/articles:Fixtures/bad claimreview:Fixtures/claimreview html-reader:Fixtures/html feed-reader:Fixtures/feeds; do \
	  name=$${target%%:*}; seeds=$$(echo "$${target#*:}" | tr : ' '); \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$name $(FUZZ_SCRATCH)/artifacts/$$name Fixtures/fuzz/$$name; \
	  echo "== fuzz $$name: $(FUZZ_RUNS) runs"; \
	  SWIFT_BACKTRACE=enable=no $(FUZZ_BIN)/fuzz-$$name -runs=$(FUZZ_RUNS) -timeout=2 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 $(FUZZ_FLAGS) \
	    -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$$name/ \
	    $(FUZZ_SCRATCH)/corpus/$$name Fixtures/fuzz/$$name $$seeds 2>&1 \
	    | grep -vE '^(#[0-9]+.*(NEW|REDUCE|pulse)|\s+NEW_FUNC|"|#+ .*dictionary)' ; \
	  status=$${PIPESTATUS[0]}; \
	  if [ $$status -ne 0 ]; then \
	    echo "fuzz $$name failed (exit $$status): the input is in $(FUZZ_SCRATCH)/artifacts/$$name/" >&2; exit 1; \
	  fi; \
	done; echo "fuzz: no crash, leak or hang in $(FUZZ_RUNS) runs of each target"

lint:
	$(SWIFT) format lint --strict --parallel --recursive Sources Tests Package.swift

schema:
	@{ \
	  echo '// swift-format-ignore-file'; \
	  echo '// Generated by `make schema` from Schema/*.sql: edit those files, not this one.'; \
	  echo '// A test fails when this file and Schema/ differ.'; \
	  echo; \
	  echo 'import FactArchiveStore'; \
	  echo; \
	  echo 'extension Migration {'; \
	  echo '  /// Every migration in Schema/, in order.'; \
	  echo '  public static let all: [Migration] = ['; \
	  for f in Schema/[0-9][0-9][0-9]_*.sql; do \
	    base=$$(basename "$$f" .sql); \
	    echo '    Migration('; \
	    echo "      version: $$(echo "$$base" | cut -d_ -f1 | sed 's/^0*//'),"; \
	    echo "      name: \"$$(echo "$$base" | cut -d_ -f2-)\","; \
	    echo '      sql: #"""'; \
	    cat "$$f"; \
	    echo; \
	    echo '"""#'; \
	    echo '    ),'; \
	  done; \
	  echo '  ]'; \
	  echo '}'; \
	} > $(SCHEMA_SWIFT)
	@{ \
	  echo '// swift-format-ignore-file'; \
	  echo '// Generated by `make schema` from Schema/README.md: edit that file, not this one.'; \
	  echo; \
	  echo '/// The schema reference (Schema/README.md), carried by the binary for'; \
	  echo '/// `factarchive datasette-metadata`.'; \
	  echo 'public enum SchemaReference {'; \
	  echo '  public static let markdown = ##"""'; \
	  cat Schema/README.md; \
	  echo; \
	  echo '"""##'; \
	  echo '}'; \
	} > $(SCHEMA_DOC_SWIFT)
	@{ \
	  echo '// swift-format-ignore-file'; \
	  echo '// Generated by `make schema` from Data/common-names.tsv: edit that file, not this one.'; \
	  echo '// A test fails when the two differ.'; \
	  echo; \
	  echo 'extension CommonNames {'; \
	  echo '  static let table: [String: Kind] = ['; \
	  awk -F '\t' '!/^#/ && NF == 2 { printf "    \"%s\": .%s,\n", $$1, $$2 }' $(NAMES_TSV); \
	  echo '  ]'; \
	  echo '}'; \
	} > $(NAMES_SWIFT)
	@{ \
	  echo '// swift-format-ignore-file'; \
	  echo '// Generated by `make schema` from Data/page-hints.tsv: edit that file, not this one.'; \
	  echo '// A test fails when the two differ.'; \
	  echo; \
	  echo 'extension PageHints {'; \
	  echo '  static let table: [(kind: String, value: String)] = ['; \
	  awk -F '\t' '!/^#/ && NF == 2 { gsub(/\\/, "\\\\", $$2); gsub(/"/, "\\\"", $$2); printf "    (\"%s\", \"%s\"),\n", $$1, $$2 }' $(HINTS_TSV); \
	  echo '  ]'; \
	  echo '}'; \
	} > $(HINTS_SWIFT)
	@{ \
	  echo '// swift-format-ignore-file'; \
	  echo '// Generated by `make schema` from Data/rating-labels.tsv: edit that file, not this one.'; \
	  echo '// A test fails when the two differ.'; \
	  echo; \
	  echo 'extension RatingLexicon {'; \
	  echo '  static let table: [(label: String, rating: String)] = ['; \
	  awk -F '\t' '!/^#/ && NF == 2 { gsub(/"/, "\\\"", $$1); printf "    (\"%s\", \"%s\"),\n", $$1, $$2 }' $(RATINGS_TSV); \
	  echo '  ]'; \
	  echo '}'; \
	} > $(RATINGS_SWIFT)
	@{ \
	  echo '// swift-format-ignore-file'; \
	  echo '// Generated by `make schema` from Data/claim-words.tsv: edit that file, not this one.'; \
	  echo '// A test fails when the two differ.'; \
	  echo; \
	  echo 'extension ClaimWords {'; \
	  echo '  static let table: [(kind: String, language: String, word: String)] = ['; \
	  awk -F '\t' '!/^#/ && NF == 3 { printf "    (\"%s\", \"%s\", \"%s\"),\n", $$1, $$2, $$3 }' $(CLAIM_WORDS_TSV); \
	  echo '  ]'; \
	  echo '}'; \
	} > $(CLAIM_WORDS_SWIFT)
	@echo "wrote $(SCHEMA_SWIFT), $(SCHEMA_DOC_SWIFT), $(NAMES_SWIFT), $(RATINGS_SWIFT), $(CLAIM_WORDS_SWIFT) and $(HINTS_SWIFT)"

clean:
	rm -rf .build

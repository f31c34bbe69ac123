#!/usr/bin/env bash
# Benchmarks privsearch against two peers on the shared news corpora:
#   Xapian's own tools (scriptindex to index, quest and python3-xapian to search)
#   SQLite FTS5 (python3's sqlite3 module, and the sqlite3 CLI for one-shot queries)
# then runs the Google Benchmark micro-benchmarks (bench/).
#
# usage: scripts/bench.sh [--quick] [--corpus bbc|agnews|bbc10] [--skip-build] [--no-micro]
#   --quick        one run of each measurement, bbc only
#   --corpus NAME  only this corpus (bbc10: ten copies of bbc, generated)
#   --skip-build   use the binaries already in build/ (no cmake)
#   --no-micro     leave out the micro-benchmarks
# env: BENCH_RUNS (default 3): runs per measurement; the median is reported.
#
# Everything generated goes to bench-out/ (git-ignored); results in bench-out/results.md.
# See docs/BENCHMARKS.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HELPERS=$ROOT/scripts/bench
OUT=$ROOT/bench-out
CORPORA_DIR=$ROOT/../shared/corpora
BIN=$ROOT/build/bin
MICRO_BUILD=$ROOT/build-bench
RESULTS=$OUT/results.md

RUNS=${BENCH_RUNS:-3}
ONESHOT_QUERIES=30
ONESHOT_PASSES_PER_RUN=5
CORPUS_ONLY=""
SKIP_BUILD=0
MICRO=1
# The system interpreter: python3-xapian is installed for it, not for a pyenv/venv python3.
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)

declare -A R=()    # results: R[corpus,tool,metric]; tools: ps (privsearch), ps_bare (its one-shot without snippets or counts), xap (Xapian), fts (FTS5)
CORPORA=()         # names of the corpora benchmarked in this run
HAVE_PS_SEARCH=0
HAVE_PY_XAPIAN=0

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 2; }

usage() { sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

parse_args() {
    while (($#)); do
        case $1 in
            --quick) RUNS=1; CORPUS_ONLY=bbc ;;
            --corpus) (($# >= 2)) || die "--corpus needs a name"; CORPUS_ONLY=$2; shift ;;
            --skip-build) SKIP_BUILD=1 ;;
            --no-micro) MICRO=0 ;;
            -h|--help) usage; exit 0 ;;
            *) usage >&2; die "unknown argument: $1" ;;
        esac
        shift
    done
    [[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"
    case $CORPUS_ONLY in ""|bbc|agnews|bbc10) ;; *) die "unknown corpus: $CORPUS_ONLY (bbc, agnews, bbc10)" ;; esac
}

# --- (a) peer tools -----------------------------------------------------------

missing_packages() {
    local p
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || printf '%s\n' "$p"; done
}

apt_install() {
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

install_tools() {
    local required=(xapian-tools xapian-omega sqlite3 python3 time)
    local optional=(python3-xapian libbenchmark-dev)
    local -a need want
    mapfile -t need < <(missing_packages "${required[@]}")
    mapfile -t want < <(missing_packages "${optional[@]}")
    if ((${#need[@]} + ${#want[@]})); then
        log "installing: ${need[*]} ${want[*]}"
        local sudo=()
        ((EUID == 0)) || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq >/dev/null
        ((${#need[@]} == 0)) || apt_install "${need[@]}"
        ((${#want[@]} == 0)) || apt_install "${want[@]}" || log "optional packages not installed: ${want[*]}"
    fi
    if "$PY" -c 'import xapian' 2>/dev/null; then
        HAVE_PY_XAPIAN=1
    else
        log "python3-xapian unavailable: no in-process Xapian row"
    fi
}

# --- (b) builds ---------------------------------------------------------------

build_privsearch() {
    if ((SKIP_BUILD)); then
        log "using the existing binaries in $BIN"
    else
        log "building privsearch (Release) in build/"
        cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build "$ROOT/build" -j2 >/dev/null
    fi
    [[ -x $BIN/privsearch-index ]] || die "no $BIN/privsearch-index"
    if [[ -x $BIN/privsearch ]] && "$BIN/privsearch" search --help >/dev/null 2>&1; then
        HAVE_PS_SEARCH=1
    else
        log "no 'privsearch search' yet: privsearch query rows left out"
    fi
}

# --- (c) corpora --------------------------------------------------------------

corpus_file() {
    case $1 in
        bbc) echo "$CORPORA_DIR/bbc.jsonl" ;;
        agnews) echo "$CORPORA_DIR/agnews-test.jsonl" ;;
        bbc10) echo "$OUT/bbc10.jsonl" ;;
    esac
}

prepare_corpora() {
    local name
    for name in bbc agnews bbc10; do
        [[ -z $CORPUS_ONLY || $CORPUS_ONLY == "$name" ]] || continue
        if [[ $name == bbc10 && -f $CORPORA_DIR/bbc.jsonl && ! $OUT/bbc10.jsonl -nt $CORPORA_DIR/bbc.jsonl ]]; then
            log "generating the ten-copies corpus"
            "$PY" "$HELPERS/replicate_corpus.py" "$CORPORA_DIR/bbc.jsonl" "$OUT/bbc10.jsonl" 10
        fi
        if [[ -f $(corpus_file "$name") ]]; then
            CORPORA+=("$name")
        else
            log "skipping $name: $(corpus_file "$name") is absent"
        fi
    done
    ((${#CORPORA[@]})) || die "no corpus to benchmark"
}

# Per-corpus inputs: the scriptindex dump and the queries (privsearch and peer
# forms of the one-shot sample, and the one-shot SQL for the sqlite3 CLI).
prepare_inputs() {
    local name=$1 file
    file=$(corpus_file "$name")
    "$PY" "$HELPERS/to_scriptindex.py" "$file" "$OUT/$name.dump"
    "$PY" "$HELPERS/make_queries.py" "$file" "$OUT/queries-$name.txt" "$OUT/sample-$name.txt" "$ONESHOT_QUERIES"
    sed -E 's/\b(agency|platform|organization|company|source):[^ ]+ *//g' \
        "$OUT/sample-$name.txt" >"$OUT/sample-$name.peer.txt"
    "$PY" "$HELPERS/fts5_bench.py" sql "$OUT/sample-$name.txt" >"$OUT/sample-$name.sql"
}

# --- measurement helpers ------------------------------------------------------

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
size_mb() { du -sk "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }

# Runs a command under GNU time; prints "seconds peak-KB". Its stdout goes to
# $OUT/last.stdout. Exit status 1 ("some input skipped" / "no match") is tolerated.
measure() {
    local rc=0
    /usr/bin/time -f '%e %M' -o "$OUT/last.time" "$@" >"$OUT/last.stdout" 2>"$OUT/last.stderr" || rc=$?
    if ((rc > 1)); then
        cat "$OUT/last.stderr" >&2
        die "failed ($rc): $*"
    fi
    ((rc == 0)) || log "exit status $rc (continuing): $*"
    tail -n 1 "$OUT/last.time"
}

# bench_index CORPUS TOOL DB_PATH COMMAND...: RUNS fresh builds of DB_PATH;
# records median wall time, median peak RSS and the size of the last build.
bench_index() {
    local corpus=$1 tool=$2 db=$3 i m s kb
    shift 3
    local -a secs=() peaks=()
    log "$corpus: indexing with $tool ($RUNS run(s))"
    for ((i = 0; i < RUNS; i++)); do
        rm -rf "$db"
        m=$(measure "$@")
        read -r s kb <<<"$m"
        secs+=("$s")
        peaks+=("$kb")
    done
    R[$corpus,$tool,index_s]=$(median "${secs[@]}")
    R[$corpus,$tool,peak_mb]=$(awk -v k="$(median "${peaks[@]}")" 'BEGIN { printf "%.0f", k / 1024 }')
    R[$corpus,$tool,size_mb]=$(size_mb "$db")
}

# xapian-compact copies Xapian's tables only: privsearch's files beside them (the record
# dictionary, the facet table) count too.
compacted_size_xapian() {
    local tmp f
    tmp=$(mktemp -d "$OUT/compact.XXXXXX")
    xapian-compact "$1" "$tmp/db" >/dev/null
    for f in "$1"/*; do
        case ${f##*/} in *.glass|iamglass|flintlock) ;; *) cp "$f" "$tmp/db/" ;; esac
    done
    size_mb "$tmp/db"
    rm -rf "$tmp"
}

compacted_size_fts5() {
    local tmp
    tmp=$(mktemp "$OUT/compact.XXXXXX")
    cp "$1" "$tmp"
    sqlite3 "$tmp" "INSERT INTO docs(docs) VALUES('optimize'); VACUUM;"
    size_mb "$tmp"
    rm -f "$tmp"
}

# bench_inprocess CORPUS TOOL COMMAND...: the command prints one JSON object with
# mean_ms, median_ms and p99_ms; medians over RUNS runs are recorded.
bench_inprocess() {
    local corpus=$1 tool=$2 i json mean med p99
    shift 2
    local -a means=() meds=() p99s=()
    log "$corpus: queries in one process, $tool"
    for ((i = 0; i < RUNS; i++)); do
        json=$("$@")
        read -r mean med p99 <<<"$("$PY" -c 'import json, sys; d = json.loads(sys.argv[1]); print(d["mean_ms"], d["median_ms"], d["p99_ms"])' "$json")"
        means+=("$mean") meds+=("$med") p99s+=("$p99")
    done
    R[$corpus,$tool,q_mean]=$(median "${means[@]}")
    R[$corpus,$tool,q_median]=$(median "${meds[@]}")
    R[$corpus,$tool,q_p99]=$(median "${p99s[@]}")
}

# bench_ps_batch CORPUS DB QUERIES METRIC [OPTION...]: mean, median and p99 of each
# result's took_ms (as the peers time each query), medians of the runs.
bench_ps_batch() {
    local corpus=$1 db=$2 queries=$3 metric=$4 i n mean med p99
    shift 4
    local -a means=() meds=() p99s=()
    n=$(wc -l <"$queries")
    log "$corpus: queries in one process, privsearch --batch $*"
    for ((i = 0; i < RUNS; i++)); do
        measure "$BIN/privsearch" search --db "$db" --batch "$queries" --limit 10 "$@" >/dev/null
        (($(wc -l <"$OUT/last.stdout") == n)) || die "privsearch --batch printed $(wc -l <"$OUT/last.stdout") lines for $n queries"
        read -r mean med p99 <<<"$("$PY" "$HELPERS/took_stats.py" "$OUT/last.stdout")"
        means+=("$mean") meds+=("$med") p99s+=("$p99")
    done
    R[$corpus,ps,$metric]=$(median "${means[@]}")
    if [[ $metric == q_mean ]]; then
        R[$corpus,ps,q_median]=$(median "${meds[@]}")
        R[$corpus,ps,q_p99]=$(median "${p99s[@]}")
    fi
}

# bench_oneshots CORPUS TOOL... : one process per query for each TOOL (ps, ps_bare, xap,
# fts), ONESHOT_PASSES_PER_RUN × RUNS passes over the corpus's sample (each tool has its
# own file of the same queries; a pass of the four tools takes about a second), timed by
# oneshot_timer (fork, exec and wait; the tools take turns query by query, each
# query starting with the next tool); records each tool's median in ms to two decimals.
bench_oneshots() {
    local corpus=$1 tool name us
    shift
    local -a args=()
    for tool in "$@"; do
        oneshot_argv "$tool" "$corpus" >"$OUT/oneshot-$corpus-$tool.argv"
        args+=("$tool" "$(oneshot_queries "$tool" "$corpus")" "$OUT/oneshot-$corpus-$tool.argv")
    done
    log "$corpus: one process per query, $* in turn"
    "$OUT/oneshot_timer" $((ONESHOT_PASSES_PER_RUN * RUNS)) "${args[@]}" >"$OUT/last.stdout" || die "one-shot queries failed"
    while read -r name us; do
        R[$corpus,$name,oneshot_ms]=$(awk -v us="$us" 'BEGIN { printf "%.2f", us / 1000 }')
    done <"$OUT/last.stdout"
}

# The command each tool runs for one query (the query is added last), one argument a line.
oneshot_argv() {
    case $1 in
        ps) printf '%s\n' "$BIN/privsearch" search --db "$OUT/db-$2.privsearch" --limit 10 ;;
        # quest's work: the ranked hits and their stored fields, no snippets or counts.
        ps_bare) oneshot_argv ps "$2" && printf '%s\n' --no-facets --snippet-length 0 ;;
        xap) printf '%s\n' quest -d "$OUT/db-$2.scriptindex" -o and -p title:S -m 10 ;;
        fts) printf '%s\n' sqlite3 "$OUT/db-$2.sqlite" ;;
    esac
}

oneshot_queries() {
    case $1 in
        ps | ps_bare) echo "$OUT/sample-$2.txt" ;;
        xap) echo "$OUT/sample-$2.peer.txt" ;;
        fts) echo "$OUT/sample-$2.sql" ;;
    esac
}

build_oneshot_timer() {
    [[ $OUT/oneshot_timer -nt $HELPERS/oneshot_timer.cc ]] && return
    log "building oneshot_timer"
    g++ -O2 -std=c++20 -o "$OUT/oneshot_timer" "$HELPERS/oneshot_timer.cc" || die "cannot build oneshot_timer"
}

# --- (d, e) one corpus --------------------------------------------------------

bench_corpus() {
    local name=$1 file ps_db si_db fts_db queries
    file=$(corpus_file "$name")
    ps_db=$OUT/db-$name.privsearch
    si_db=$OUT/db-$name.scriptindex
    fts_db=$OUT/db-$name.sqlite
    queries=$OUT/queries-$name.txt
    prepare_inputs "$name"

    bench_index "$name" ps "$ps_db" "$BIN/privsearch-index" --quiet --db "$ps_db" "$file"
    bench_index "$name" xap "$si_db" scriptindex "$si_db" "$HELPERS/index.script" "$OUT/$name.dump"
    bench_index "$name" fts "$fts_db" "$PY" "$HELPERS/fts5_bench.py" load "$fts_db" "$file"
    R[$name,ps,compact_mb]=$(compacted_size_xapian "$ps_db")
    R[$name,xap,compact_mb]=$(compacted_size_xapian "$si_db")
    R[$name,fts,compact_mb]=$(compacted_size_fts5 "$fts_db")
    R[$name,queries]=$(wc -l <"$queries")

    if ((HAVE_PS_SEARCH)); then
        bench_ps_batch "$name" "$ps_db" "$queries" q_mean
        bench_ps_batch "$name" "$ps_db" "$queries" q_mean_nofacets --no-facets
    fi
    if ((HAVE_PY_XAPIAN)); then
        bench_inprocess "$name" xap "$PY" "$HELPERS/xapian_bench.py" "$si_db" "$queries"
    fi
    bench_inprocess "$name" fts "$PY" "$HELPERS/fts5_bench.py" query "$fts_db" "$queries"
    local tool
    for tool in xap fts; do  # the peers count no facets in any case
        [[ -z ${R[$name,$tool,q_mean]:-} ]] || R[$name,$tool,q_mean_nofacets]=${R[$name,$tool,q_mean]}
    done
    if ((HAVE_PS_SEARCH)); then bench_oneshots "$name" ps ps_bare xap fts; else bench_oneshots "$name" xap fts; fi
}

# --- (f) report ---------------------------------------------------------------

ratio() { # privsearch value / peer value, or n/a
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f×\n", a / b }'
}

table_row() { # CORPUS METRIC LABEL [PRIVSEARCH_TOOL]
    local corpus=$1 metric=$2 label=$3 ps xap fts
    ps=${R[$corpus,${4:-ps},$metric]:-}
    xap=${R[$corpus,xap,$metric]:-}
    fts=${R[$corpus,fts,$metric]:-}
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "${ps:-n/a}" "${xap:-n/a}" "${fts:-n/a}" \
        "$(ratio "$ps" "$xap")" "$(ratio "$ps" "$fts")"
}

corpus_table() {
    local name=$1
    printf '\n### %s (%s articles, %s queries)\n\n' "$name" "$(wc -l <"$(corpus_file "$name")")" "${R[$name,queries]}"
    echo '| | privsearch | Xapian: scriptindex / quest / python3-xapian | SQLite FTS5 | privsearch ÷ Xapian | privsearch ÷ FTS5 |'
    echo '|---|---:|---:|---:|---:|---:|'
    table_row "$name" index_s "index time (s)"
    table_row "$name" peak_mb "peak RSS while indexing (MB)"
    table_row "$name" size_mb "index size on disk (MB)"
    table_row "$name" compact_mb "compacted size (MB)"
    table_row "$name" q_mean "query mean, one process (ms)"
    table_row "$name" q_mean_nofacets "query mean, one process, privsearch --no-facets (ms)"
    table_row "$name" q_median "query median, one process (ms)"
    table_row "$name" q_p99 "query p99, one process (ms)"
    table_row "$name" oneshot_ms "one-shot query median, process per query (ms)"
    table_row "$name" oneshot_ms "one-shot, privsearch --no-facets --snippet-length 0 (ms)" ps_bare
}

growth_table() {
    [[ -n ${R[bbc,ps,index_s]:-} && -n ${R[bbc10,ps,index_s]:-} ]] || return 0
    printf '\n### Growth: index time, ten copies of bbc ÷ bbc (10× the articles)\n\n'
    echo '| tool | bbc (s) | bbc10 (s) | growth |'
    echo '|---|---:|---:|---:|'
    local tool label
    for tool in ps xap fts; do
        case $tool in ps) label=privsearch ;; xap) label=scriptindex ;; fts) label="SQLite FTS5" ;; esac
        printf '| %s | %s | %s | %s |\n' "$label" "${R[bbc,$tool,index_s]}" "${R[bbc10,$tool,index_s]}" \
            "$(awk -v a="${R[bbc10,$tool,index_s]}" -v b="${R[bbc,$tool,index_s]}" 'BEGIN { printf "%.1f×", a / b }')"
    done
}

machine_line() {
    printf '%s; %s cores (%s); %s run(s) per measurement, medians; git %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" \
        "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)" "$RUNS" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
}

report() {
    local name
    {
        echo "## Results"
        echo
        machine_line
        for name in "${CORPORA[@]}"; do corpus_table "$name"; done
        growth_table
    } >"$RESULTS"
    cat "$RESULTS"
}

# --- micro-benchmarks ---------------------------------------------------------

run_micro() {
    ((MICRO)) || return 0
    if ! dpkg -s libbenchmark-dev >/dev/null 2>&1; then
        log "libbenchmark-dev missing: no micro-benchmarks"
        return 0
    fi
    log "building the micro-benchmarks in build-bench/"
    cmake -S "$ROOT" -B "$MICRO_BUILD" -DCMAKE_BUILD_TYPE=Release -DPRIVSEARCH_BENCH=ON -DPRIVSEARCH_TESTS=OFF >/dev/null
    cmake --build "$MICRO_BUILD" -j2 --target privsearch_bench >/dev/null
    log "running the micro-benchmarks"
    {
        printf '\n### Micro-benchmarks (bench/micro_bench.cc)\n\n```\n'
        "$MICRO_BUILD/bin/privsearch_bench" --benchmark_min_time=0.2 2>/dev/null
        printf '```\n'
    } | tee -a "$RESULTS"
}

main() {
    parse_args "$@"
    mkdir -p "$OUT"
    cd "$ROOT"
    install_tools
    build_privsearch
    build_oneshot_timer
    prepare_corpora
    local name
    for name in "${CORPORA[@]}"; do bench_corpus "$name"; done
    report
    run_micro
}

main "$@"

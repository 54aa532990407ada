#!/usr/bin/env bash
# Does the screened search (search.screen: auto, the default) choose as well as scoring every candidate in
# full (search.screen: off, the previous default)? For every model x budget x search seed, two
# `./zeroprune prune` runs, one per recipe, each measuring the chosen candidate's fidelity on the shipped
# corpus's evaluation part and its STS score (Spearman x100) on an STS file; no export, no latency timing.
# Prints one row per run, then per model x budget the five-seed (or however many) means of both recipes,
# the mean difference and each seed's difference, and the search's seconds.
#
# Usage: bench/screened-search.sh STS_FILE [--models M] [--budgets B] [--seeds S] [-- extra prune options]
#   --models "embedded e5-small-v2 bge-small-en-v1.5"   embedded, a checkpoint directory, or the name of a
#                                                        model bench/heldout-models.sh fetches
#   --budgets "0.5 0.7"            FLOPs ratios
#   --seeds "1 2 3 4 5"            search seeds
# Environment: OUT (scratch directory, default a new temporary one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 1 && -f "$1" ]] || { echo "usage: $0 STS_FILE [--models M] [--budgets B] [--seeds S] [-- prune options]" >&2; exit 2; }
sts="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
models="embedded e5-small-v2 bge-small-en-v1.5"
budgets="0.5 0.7"
seeds="1 2 3 4 5"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --models) models="$2"; shift 2 ;;
        --budgets) budgets="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
extra=("$@")
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"

# shellcheck source=bench/model-dir.sh
source "$root/bench/model-dir.sh"

printf 'model\tbudget\tseed\tscreen\tfidelity\tsts\tdense_sts\tscore\tsearch_s\n' | tee "$out/rows.tsv"
for model in $models; do
    dir_of_model="$(model_dir "$model")"
    for budget in $budgets; do
        for seed in $seeds; do
            for screen in off auto; do
                run="$out/$(basename "$model")-b$budget-s$seed-$screen"
                "$root/zeroprune" prune --quiet --model "$dir_of_model" --flops "$budget" --seed "$seed" --no-export \
                    --sts "$sts" --set output.measure-fidelity=true --set output.measure-latency=false \
                    --set search.screen="$screen" --out "$run" --overwrite "${extra[@]}" \
                    > "$run.log" 2>&1 || { cat "$run.log" >&2; exit 1; }
                python3 - "$run/summary.json" "$(basename "$model")" "$budget" "$seed" "$screen" <<'PY' | tee -a "$out/rows.tsv"
import json, sys
s = json.load(open(sys.argv[1]))
sec = s["seconds"]
print("\t".join(sys.argv[2:6] + ["%.4f" % s["fidelity"]["fidelity"], "%.2f" % s["sts"]["cut"],
                                 "%.2f" % s["sts"]["dense"], "%.4f" % s["chosenScore"],
                                 "%.1f" % (sec["search"] + sec.get("screen-prepare", 0.0))]))
PY
            done
        done
    done
done
python3 - "$out/rows.tsv" <<'PY'
import collections, statistics as st, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
runs = collections.OrderedDict()
for m, b, seed, screen, fid, sts, dense, score, secs in rows:
    runs.setdefault((m, b), {}).setdefault(seed, {})[screen] = (float(fid), float(sts), float(secs))
print("\nmeans over seeds; new = search.screen auto (default), previous = off; STS is Spearman x100 of the plain cut")
print("| model | FLOPs | seeds | fidelity previous | fidelity new | difference (per seed) | STS previous | STS new |"
      " difference (per seed) | search s previous | search s new |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for (m, b), by_seed in runs.items():
    seeds = [s for s in by_seed if {"off", "auto"} <= set(by_seed[s])]
    if not seeds:
        continue
    old = [by_seed[s]["off"] for s in seeds]
    new = [by_seed[s]["auto"] for s in seeds]
    def col(i, rs):
        return st.mean(r[i] for r in rs)
    dfid = [n[0] - o[0] for o, n in zip(old, new)]
    dsts = [n[1] - o[1] for o, n in zip(old, new)]
    print("| %s | %s | %d | %.4f | %.4f | %+.4f (%s) | %.2f | %.2f | %+.2f (%s) | %.1f | %.1f |" % (
        m, b, len(seeds), col(0, old), col(0, new), st.mean(dfid), " ".join("%+.4f" % d for d in dfid),
        col(1, old), col(1, new), st.mean(dsts), " ".join("%+.2f" % d for d in dsts), col(2, old), col(2, new)))
PY
echo "rows: $out/rows.tsv" >&2

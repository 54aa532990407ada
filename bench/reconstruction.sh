#!/usr/bin/env bash
# Measures what reconstruction gives the model a user gets: for each budget and search seed, one
# `./zeroprune prune` with the chosen reconstruction level, fidelity on the shipped corpus's
# evaluation part and STS Spearman x100 on an STS file, for the plain cut and for the exported model
# (both come out of the same run's summary.json). Prints one row per run and the means.
#
# Usage: bench/reconstruction.sh STS_FILE [LEVEL] [SEEDS] [BUDGETS] [-- extra prune options]
#   e.g. bench/reconstruction.sh ../shared/data/stsb/sts-dev.csv tune "1 2 3 4 5" "0.5 0.6 0.7"
#        bench/reconstruction.sh ../shared/data/stsb/sts-dev.csv refit "1 2" "0.5" -- --corpus builtin
# Environment: MODEL (default embedded), OUT (scratch directory, default a new temporary one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sts="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
level="${2:-tune}"
seeds="${3:-1 2 3 4 5}"
budgets="${4:-0.5 0.6 0.7}"
shift $(( $# < 4 ? $# : 4 ))
[[ "${1:-}" == "--" ]] && shift
extra=("$@")
model="${MODEL:-embedded}"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"

printf 'budget\tseed\tlevel\tcut_fidelity\tfidelity\tdense_sts\tcut_sts\tsts\treconstruct_s\n'
for budget in $budgets; do
    for seed in $seeds; do
        dir="$out/b$budget-s$seed-$level"
        "$root/zeroprune" prune --quiet --model "$model" --flops "$budget" --seed "$seed" --reconstruct "$level" \
            --sts "$sts" --set output.measure-fidelity=true --set output.measure-latency=false \
            --out "$dir" --overwrite "${extra[@]}" > "$dir.log" 2>&1 || { cat "$dir.log" >&2; exit 1; }
        python3 - "$dir/summary.json" "$budget" "$seed" "$level" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
f, t, r = s["fidelity"], s["sts"], s.get("reconstruction", {})
print("\t".join([sys.argv[2], sys.argv[3], sys.argv[4], "%.4f" % f["cutFidelity"], "%.4f" % f["fidelity"],
                 "%.2f" % t["dense"], "%.2f" % t["cut"], "%.2f" % t["pruned"], "%.1f" % r.get("seconds", 0.0)]))
PY
    done
done | tee "$out/rows.tsv"
python3 - "$out/rows.tsv" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = collections.defaultdict(list)
for r in rows:
    by[r[0]].append([float(x) for x in r[3:]])
print("\nmeans per budget (%s):" % rows[0][2])
print("budget\truns\tcut_fidelity\tfidelity\tdense_sts\tcut_sts\tsts\treconstruct_s")
for b, v in sorted(by.items()):
    m = [sum(c) / len(c) for c in zip(*v)]
    print("%s\t%d\t%.4f\t%.4f\t%.2f\t%.2f\t%.2f\t%.1f" % (b, len(v), *m))
PY

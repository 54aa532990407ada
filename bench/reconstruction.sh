#!/usr/bin/env bash
# Judges reconstruction by what users measure: for every model x budget x level x calibration source x
# search seed, one `./zeroprune prune` that scores the dense model, the plain cut and the exported
# model on an STS file (Spearman x100) and measures fidelity on the shipped corpus's evaluation part.
# Prints one row per run, then per model x budget x level x calibration the mean and spread (sample
# standard deviation) over the seeds of the plain cut's and the exported model's STS, their
# difference, fidelity and reconstruction seconds.
#
# Usage: bench/reconstruction.sh STS_FILE [options] [-- extra prune options]
#   --models "embedded e5-small-v2 bge-small-en-v1.5"   embedded, a checkpoint directory, or the name of a
#                                                        model bench/heldout-models.sh fetches
#   --budgets "0.5 0.6 0.7"        FLOPs ratios
#   --levels "tune distill"        reconstruction levels (the plain cut is measured in every run)
#   --calibrations "generated wordnet"   generated: tokens made from the vocabulary (data-free);
#                                  builtin: the shipped sentences' calibration part; wordnet: an English
#                                  corpus built by bench/wordnet-corpus.py from Debian's wordnet-base
#                                  (WORDNET_SENTENCES of them, default 12000, none of them in STS_FILE);
#                                  or a text file, one sentence per line
#   --seeds "1 2 3 4 5"            search seeds (each picks its own candidate)
# e.g. bench/reconstruction.sh sts-dev.csv --models embedded --budgets 0.5 --levels distill --calibrations wordnet
# Environment: OUT (scratch directory, default a new temporary one), ZEROPRUNE_CACHE as for zeroprune.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 1 && -f "$1" ]] || { echo "usage: $0 STS_FILE [--models M] [--budgets B] [--levels L] [--calibrations C] [--seeds S] [-- prune options]" >&2; exit 2; }
sts="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
models="embedded"
budgets="0.5 0.6 0.7"
levels="tune distill"
calibrations="generated wordnet"
seeds="1 2 3 4 5"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --models) models="$2"; shift 2 ;;
        --budgets) budgets="$2"; shift 2 ;;
        --levels) levels="$2"; shift 2 ;;
        --calibrations) calibrations="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
extra=("$@")
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
cache="${ZEROPRUNE_CACHE:-$HOME/.cache/zeroprune}"

# shellcheck source=bench/model-dir.sh
source "$root/bench/model-dir.sh"

# the prune options of a calibration source
calibration_options() {
    case "$1" in
        generated) echo "--set reconstruct.calibration=generated" ;;
        builtin) echo "--corpus builtin" ;;
        wordnet) echo "--corpus $(wordnet_corpus)" ;;
        *) [[ -f "$1" ]] || { echo "calibration '$1': not generated, builtin, wordnet or a file" >&2; exit 2; }
           echo "--corpus $(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
    esac
}

# builds the WordNet corpus once (apt-get download needs no root; nothing is installed)
wordnet_corpus() {
    local n="${WORDNET_SENTENCES:-12000}"
    local file="$cache/bench/wordnet-$n.txt"
    if [[ ! -f "$file" ]]; then
        local work
        work="$(mktemp -d)"
        if [[ -f /usr/share/wordnet/data.noun ]]; then
            local data=/usr/share/wordnet
        else
            chmod 0777 "$work"  # apt's download user writes here when run as root
            (cd "$work" && apt-get download wordnet-base >/dev/null) \
                || { echo "apt-get download wordnet-base failed (run apt-get update first)" >&2; exit 1; }
            dpkg-deb -x "$work"/wordnet-base_*.deb "$work/x"
            local data="$work/x/usr/share/wordnet"
        fi
        mkdir -p "$(dirname "$file")"
        python3 "$root/bench/wordnet-corpus.py" "$data" "$file.tmp" --exclude "$sts" --limit "$n" >&2
        mv "$file.tmp" "$file"
        rm -rf "$work"
    fi
    echo "$file"
}

printf 'model\tbudget\tlevel\tcalibration\tseed\tcut_fidelity\tfidelity\tdense_sts\tcut_sts\tsts\treconstruct_s\tstopped\n' \
    | tee "$out/rows.tsv"
for model in $models; do
    dir_of_model="$(model_dir "$model")"
    for budget in $budgets; do
        for level in $levels; do
            for calibration in $calibrations; do
                options="$(calibration_options "$calibration")"
                read -r -a cal <<< "$options"
                for seed in $seeds; do
                    run="$out/$(basename "$model")-b$budget-$level-$(basename "$calibration")-s$seed"
                    "$root/zeroprune" prune --quiet --model "$dir_of_model" --flops "$budget" --seed "$seed" \
                        --reconstruct "$level" --sts "$sts" --set output.measure-fidelity=true \
                        --set output.measure-latency=false --out "$run" --overwrite "${cal[@]}" "${extra[@]}" \
                        > "$run.log" 2>&1 || { cat "$run.log" >&2; exit 1; }
                    python3 - "$run/summary.json" "$(basename "$model")" "$budget" "$level" "$(basename "$calibration")" \
                        "$seed" <<'PY' | tee -a "$out/rows.tsv"
import json, sys
s = json.load(open(sys.argv[1]))
f, t, r = s["fidelity"], s["sts"], s.get("reconstruction", {})
print("\t".join(sys.argv[2:7] + ["%.4f" % f["cutFidelity"], "%.4f" % f["fidelity"], "%.2f" % t["dense"],
                                 "%.2f" % t["cut"], "%.2f" % t["pruned"], "%.1f" % r.get("seconds", 0.0),
                                 str(r.get("stoppedBy", "-"))]))
PY
                done
            done
        done
    done
done
python3 - "$out/rows.tsv" <<'PY'
import collections, statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
groups = collections.OrderedDict()
for r in rows:
    groups.setdefault(tuple(r[:4]), []).append([float(x) for x in r[5:11]])
def ms(values):
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return "%.2f ± %.2f" % (statistics.mean(values), sd)
print("\nmeans over seeds (± sample standard deviation); STS is Spearman x100")
print("| model | budget | level | calibration | seeds | dense STS | cut STS | exported STS | exported - cut |"
      " cut fidelity | fidelity | seconds |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for key, v in groups.items():
    c = list(zip(*v))
    gain = [b - a for a, b in zip(c[3], c[4])]
    print("| %s | %s | %s | %s | %d | %.2f | %s | %s | %s | %.4f | %.4f | %.0f |" % (
        *key, len(v), statistics.mean(c[2]), ms(c[3]), ms(c[4]), ms(gain), statistics.mean(c[0]),
        statistics.mean(c[1]), statistics.mean(c[5])))
PY
echo "rows: $out/rows.tsv" >&2

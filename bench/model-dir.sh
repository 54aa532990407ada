# Sourced by the bench scripts (needs $root, the repository): model_dir NAME prints the --model value of a
# model name: embedded, a held-out model bench/heldout-models.sh fetches (e5-small-v2, bge-small-en-v1.5),
# or anything else as given (a checkpoint directory).
model_dir() {
    case "$1" in
        embedded) echo embedded ;;
        e5-small-v2|bge-small-en-v1.5) "$root/bench/heldout-models.sh" | grep "/$1\$" ;;
        *) echo "$1" ;;
    esac
}

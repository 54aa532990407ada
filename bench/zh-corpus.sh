#!/usr/bin/env bash
# Builds a corpus of Simplified Chinese sentences, one per line, for `--corpus FILE` on a Chinese model
# (bge-small-zh-v1.5 from `bench/heldout-models.sh --zh`). The text is the prose of the Debian
# Reference's Chinese translation, Debian package debian-reference-zh-cn (GPL-2+, Osamu Aoki and its
# translators; see /usr/share/doc/debian-reference-zh-cn/copyright inside the package). It is not
# kept in the repository: this script fetches the package with apt-get download (no root install;
# apt-get update must have run once) and unpacks it with dpkg-deb -x into a temporary directory.
# Usage: bench/zh-corpus.sh [FILE] [COUNT]   (default FILE: ~/.cache/zeroprune/corpus/zh-debian-reference.txt,
#        COUNT 1250, the size of the shipped English corpus). Prints FILE.
set -euo pipefail

out="${1:-$HOME/.cache/zeroprune/corpus/zh-debian-reference.txt}"
count="${2:-1250}"
package=debian-reference-zh-cn

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -q "$package" >/dev/null 2>&1) || {
    echo "cannot download $package (run apt-get update once?)" >&2
    exit 1
}
dpkg-deb -x "$tmp"/"$package"_*.deb "$tmp/x"
text="$tmp/x/usr/share/debian-reference/debian-reference.zh-cn.txt.gz"
mkdir -p "$(dirname "$out")"
# Prose paragraphs and list items only (tables, code and headings dropped); wrapped lines joined; split after 。！？;
# kept: 15-150 characters, at least 60% of them Chinese, each once; COUNT taken evenly across the book.
zcat "$text" | python3 -c '
import re, sys
count = int(sys.argv[1])
paragraphs, current = [], []
for line in sys.stdin:
    line = line.rstrip("\n")  # some paragraphs are indented with no-break spaces
    bullet = re.match(r"\s*\* ", line)
    if bullet and current:  # a list item starts its own paragraph, without its marker
        paragraphs.append(current); current = []
    line = line[bullet.end():] if bullet else line
    prose = bullet or re.match(r"\s{4}", line) and not re.match(r"\s*([|+$#-]|\d+(\.\d+)*\.? |表 |例 )", line)
    if prose:
        current.append(line.strip())
    elif current:
        paragraphs.append(current); current = []
if current:
    paragraphs.append(current)
def join(lines):
    text = lines[0]
    for nxt in lines[1:]:
        space = text[-1:].isascii() and text[-1:].isalnum() and nxt[:1].isascii() and nxt[:1].isalnum()
        text += (" " if space else "") + nxt
    return text
seen, sentences = set(), []
for p in paragraphs:
    for s in re.findall(r"[^。！？]+[。！？]", join(p)):
        s = s.strip()
        han = sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
        if 15 <= len(s) <= 150 and han >= 0.6 * len(s) and s not in seen:
            seen.add(s); sentences.append(s)
step = max(1.0, len(sentences) / count)
picked = [sentences[int(i * step)] for i in range(min(count, len(sentences)))]
print("\n".join(picked) + "\n", end="")
print(f"{len(picked)} of {len(sentences)} sentences", file=sys.stderr)
' "$count" > "$out"
echo "$out"

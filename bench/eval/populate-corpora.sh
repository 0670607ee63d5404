#!/bin/sh
# Fills a corpus folder for `npm run eval -- <folder>` from git copies of the public suites.
# Usage: bench/eval/populate-corpora.sh <folder> <repos>
#   <repos> holds one git repository (a clone, or a bare snapshot dir) per suite, named
#   readability, trafilatura, postlight, gofeed and feed-rs (owner+name/repo also works:
#   mozilla+readability/repo, adbar+trafilatura/repo, postlight+parser/repo,
#   mmcdole+gofeed/repo, feed-rs+feed-rs/repo). A missing one is skipped with a note.
set -eu
out=${1:?usage: populate-corpora.sh <folder> <repos>}
repos=${2:?usage: populate-corpora.sh <folder> <repos>}

find_repo() {
  for dir in "$repos/$1" "$repos/$2/repo" "$repos/$2"; do
    if git -C "$dir" rev-parse --git-dir >/dev/null 2>&1; then echo "$dir"; return 0; fi
  done
  return 1
}

# copy <suite> <short name> <owner+name> <path in repo> <components to strip>
copy() {
  if ! repo=$(find_repo "$2" "$3"); then echo "skipped $1: no repository $repos/$2"; return 0; fi
  mkdir -p "$out/$1"
  git -C "$repo" archive HEAD "$4" | tar -x -C "$out/$1" --strip-components="$5"
  echo "$1 <- $repo:$4"
}

copy readability readability mozilla+readability test/test-pages 2
copy trafilatura trafilatura adbar+trafilatura tests/evaldata.json 1
copy trafilatura trafilatura adbar+trafilatura tests/eval 1
copy trafilatura trafilatura adbar+trafilatura tests/cache 1
copy postlight postlight postlight+parser fixtures 0
copy postlight postlight postlight+parser src/extractors/custom 2
copy gofeed gofeed mmcdole+gofeed testdata/parser 1
copy gofeed gofeed mmcdole+gofeed testdata/translator 1
copy feed-rs feed-rs feed-rs+feed-rs feed-rs/fixture 2

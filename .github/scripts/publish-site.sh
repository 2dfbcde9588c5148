#!/usr/bin/env bash
# publish-site.sh SITE_DIR
#
# Puts the built site at the root of the gh-pages branch, from which GitHub Pages serves
# it. The previews of pull requests (pr-preview/, see preview.yml) and a CNAME file that
# GitHub keeps there stay; everything else is replaced. Needs GH_TOKEN (contents: write).
set -euo pipefail

site=$(cd -- "$1" && pwd)
branch=${PAGES_BRANCH:-gh-pages}
remote=$(git remote get-url origin)
# shellcheck source=.github/scripts/git-bot.sh
source "$(dirname "$0")/git-bot.sh"

pages=$(mktemp -d)
if git ls-remote --exit-code --heads "$remote" "$branch" > /dev/null; then
  git clone --quiet --depth 1 --branch "$branch" "$remote" "$pages"
else
  git init --quiet "$pages"
  git -C "$pages" checkout --quiet --orphan "$branch"
  git -C "$pages" remote add origin "$remote"
fi

find "$pages" -mindepth 1 -maxdepth 1 ! -name .git ! -name pr-preview ! -name CNAME -exec rm -rf -- {} +
cp -R -- "$site/." "$pages/"
touch "$pages/.nojekyll"  # serve the files as they are, without Jekyll

git -C "$pages" add --all
if git -C "$pages" diff --cached --quiet; then
  echo "The site on ${branch} is up to date."
  exit 0
fi
git -C "$pages" commit --quiet \
  -m "Site van ${GITHUB_SHA:-$(git rev-parse HEAD)}"
git -C "$pages" push --quiet origin "HEAD:refs/heads/${branch}"
echo "Published the site on ${branch}."

#!/usr/bin/env bash
# Opens or updates the pull request for an issue made with the form "Nieuw praktijkvoorbeeld".
#
# Environment: ISSUE_NUMBER; CASE_FILE, the case that `zodoenwedat from-issue` wrote
# (cases/<slug>.md); PROPOSAL, the folder that holds a copy of it; BASE_BRANCH; GH_TOKEN.
# Runs in a checkout of the repository. One branch per issue, voorstel/issue-<N>, with
# one pull request ("Closes #N"). The first time the branch starts from BASE_BRANCH; after
# an edit of the issue a new commit on the branch replaces the case it added before, so
# the pull request is updated, not doubled. (The branch is never rebuilt on a newer
# BASE_BRANCH: that would change the workflow files on it, which the workflow token may
# not do, and the pull request merges fine as it is.) A branch that someone else has
# committed to is left alone (state=hand-edited). Writes branch, number, url, state
# (opened, updated, unchanged or hand-edited) and changed to $GITHUB_OUTPUT.
set -euo pipefail

if ! [[ "${ISSUE_NUMBER:-}" =~ ^[1-9][0-9]{0,9}$ ]]; then
  echo "::error::not an issue number: ${ISSUE_NUMBER:-}" >&2
  exit 1
fi
if ! [[ "${CASE_FILE:-}" =~ ^cases/[a-z0-9]+(-[a-z0-9]+)*\.md$ ]]; then
  echo "::error::not a case file: ${CASE_FILE:-}" >&2
  exit 1
fi
: "${PROPOSAL:?}" "${BASE_BRANCH:?}"
output=${GITHUB_OUTPUT:-/dev/null}
# shellcheck source=.github/scripts/git-bot.sh
source "$(dirname "$0")/git-bot.sh"

branch="voorstel/issue-${ISSUE_NUMBER}"
git fetch --quiet --no-tags origin "+refs/heads/${BASE_BRANCH}:refs/remotes/origin/${BASE_BRANCH}"
existing=false
if git fetch --quiet --no-tags origin "+refs/heads/${branch}:refs/remotes/origin/${branch}" 2> /dev/null; then
  existing=true
  others=$(git log --format='%ae' "origin/${BASE_BRANCH}..origin/${branch}" | grep -v -x -F "$BOT_EMAIL" || true)
  if [ -n "$others" ]; then
    echo "${branch} has commits by others; leaving it alone."
    state=hand-edited
  fi
fi

changed=false
if [ "${state:-}" != hand-edited ]; then
  if [ "$existing" = true ]; then
    git switch --quiet --force-create "$branch" "origin/${branch}"
    # The cases this branch added before (an earlier version of the proposal) go.
    base=$(git merge-base "origin/${BASE_BRANCH}" HEAD)
    git diff --name-only --diff-filter=A -z "$base" HEAD -- cases/ | xargs -0 -r git rm --quiet --
  else
    git switch --quiet --force-create "$branch" "origin/${BASE_BRANCH}"
  fi
  cp -- "${PROPOSAL}/$(basename -- "$CASE_FILE")" "$CASE_FILE"
  git add -- "$CASE_FILE"
  if [ "$existing" = true ] && git diff --cached --quiet; then
    state=unchanged
  else
    git commit --quiet -m "Nieuw praktijkvoorbeeld uit issue #${ISSUE_NUMBER}: ${CASE_FILE}"
    git push --quiet origin "HEAD:refs/heads/${branch}"
    changed=true
  fi
fi

body_file=$(mktemp)
cat > "$body_file" << BODY
Closes #${ISSUE_NUMBER}

Dit praktijkvoorbeeld is gemaakt uit het formulier in issue #${ISSUE_NUMBER} met \`zodoenwedat from-issue\`:
\`${CASE_FILE}\`. De controle en het voorbeeld van de site verschijnen hieronder.

Wil de indiener iets veranderen, dan past die het issue aan; deze pull request wordt dan bijgewerkt.
Verandert de redactie hier zelf iets, dan neemt de pull request latere aanpassingen van het issue niet meer over.
BODY
title="Nieuw praktijkvoorbeeld uit issue #${ISSUE_NUMBER}: ${CASE_FILE}"

number=$(gh pr list --head "$branch" --base "$BASE_BRANCH" --state open --json number | jq -r '.[0].number // empty')
if [ -z "$number" ]; then
  if [ "${state:-}" = hand-edited ]; then
    echo "::error::${branch} has commits by others but no open pull request" >&2
    exit 1
  fi
  url=$(gh pr create --head "$branch" --base "$BASE_BRANCH" --title "$title" --body-file "$body_file")
  number=${url##*/}
  state=opened
else
  if [ "${state:-}" != hand-edited ]; then
    gh pr edit "$number" --title "$title" --body-file "$body_file" > /dev/null
    state=${state:-updated}
  fi
  url=$(gh pr view "$number" --json url | jq -r '.url')
fi
rm -f -- "$body_file"

{
  echo "branch=${branch}"
  echo "number=${number}"
  echo "url=${url}"
  echo "state=${state}"
  echo "changed=${changed}"
} >> "$output"
echo "Pull request #${number} (${state}): ${url}"

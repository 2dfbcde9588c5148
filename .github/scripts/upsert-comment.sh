#!/usr/bin/env bash
# upsert-comment.sh NUMBER BODY_FILE
#
# Posts BODY_FILE as a comment on issue (or pull request) NUMBER, or updates the comment
# posted there before: the one by github-actions[bot] that starts with the same hidden
# marker, the HTML comment on the first line of BODY_FILE. So an edited issue keeps one
# comment that always tells its latest state. Needs GH_TOKEN and GITHUB_REPOSITORY.
set -euo pipefail

number=$1
body_file=$2
if ! [[ "$number" =~ ^[1-9][0-9]{0,9}$ ]]; then
  echo "::error::not an issue number: ${number}" >&2
  exit 1
fi
marker=$(head -n 1 -- "$body_file")
if ! [[ "$marker" =~ ^\<!--\ [a-z0-9:-]+\ --\>$ ]]; then
  echo "::error::${body_file} does not start with a marker such as <!-- zodoenwedat:from-issue -->" >&2
  exit 1
fi
repository=${GITHUB_REPOSITORY:?}

id=$(gh api --paginate "repos/${repository}/issues/${number}/comments" |
  jq -r --arg marker "$marker" \
    '.[] | select(.user.login == "github-actions[bot]" and (.body | startswith($marker))) | .id' |
  head -n 1)

if [ -n "$id" ]; then
  gh api --method PATCH "repos/${repository}/issues/comments/${id}" -F "body=@${body_file}" > /dev/null
  echo "Updated comment ${id} on #${number}."
else
  gh api --method POST "repos/${repository}/issues/${number}/comments" -F "body=@${body_file}" > /dev/null
  echo "Commented on #${number}."
fi

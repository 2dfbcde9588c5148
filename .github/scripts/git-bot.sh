# shellcheck shell=bash
# Sourced by the other scripts: their git commands commit as github-actions[bot] and
# push with GH_TOKEN. The checkouts keep no credentials (persist-credentials: false), so
# the token lives only in this process's environment, never in .git/config, and is
# masked in the log.
if [ -n "${GH_TOKEN:-}" ]; then
  basic=$(printf 'x-access-token:%s' "$GH_TOKEN" | base64 | tr -d '\n')
  echo "::add-mask::${basic}"
  export GIT_CONFIG_COUNT=1
  export GIT_CONFIG_KEY_0="http.${GITHUB_SERVER_URL:-https://github.com}/.extraheader"
  export GIT_CONFIG_VALUE_0="AUTHORIZATION: basic ${basic}"
  unset basic
fi
export BOT_EMAIL="41898282+github-actions[bot]@users.noreply.github.com"
export GIT_AUTHOR_NAME="github-actions[bot]" GIT_COMMITTER_NAME="github-actions[bot]"
export GIT_AUTHOR_EMAIL="$BOT_EMAIL" GIT_COMMITTER_EMAIL="$BOT_EMAIL"

#!/usr/bin/env bash
# Release arm-virt-bench: tag the current commit vX.Y.Z and move the major tag vX to it, so that
# workflows pinned to `@vX` get the release and those pinned to `@vX.Y.Z` (or a commit sha)
# never move. Usage, on a clean checkout of the default branch whose CI is green:
#
#   scripts/release.sh X.Y.Z [--push] [--remote NAME] [--branch NAME] [--no-build-check]
#
# It refuses, before tagging anything, when: the version is not X.Y.Z; the work tree is not
# clean; HEAD is not the release branch (default main); package.json or src/version.ts say
# another version; CHANGELOG.md has no `## [X.Y.Z] - YYYY-MM-DD` section; the tag exists; an
# existing vX.*.* tag is not older; the major tag points at a commit that is not an ancestor
# of HEAD (it would move backwards); dist/ is not the build of the sources (skip with
# --no-build-check when check-dist already passed on this very commit).
# --push pushes vX.Y.Z, then force-pushes vX (the only tag that ever moves).
set -euo pipefail

die() {
  echo "release: $*" >&2
  exit 1
}

version=''
push=0
remote=origin
branch=main
build_check=1
while [ $# -gt 0 ]; do
  case "$1" in
    --push) push=1 ;;
    --remote) remote=${2:?--remote needs a name}; shift ;;
    --branch) branch=${2:?--branch needs a name}; shift ;;
    --no-build-check) build_check=0 ;;
    -*) die "unknown option $1" ;;
    *) [ -z "$version" ] || die "one version only"; version=$1 ;;
  esac
  shift
done
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  die "give the version as X.Y.Z (got '${version}')"
tag="v$version"
major="v${BASH_REMATCH[1]}"

cd "$(git rev-parse --show-toplevel)"
[ -z "$(git status --porcelain)" ] || die "the work tree is not clean: commit or stash first"
current=$(git symbolic-ref --quiet --short HEAD || echo '(detached)')
[ "$current" = "$branch" ] || die "HEAD is $current, not $branch: release from $branch (or --branch)"

pkg_version=$(sed -n 's/^  "version": "\([^"]*\)",$/\1/p' package.json)
[ "$pkg_version" = "$version" ] || die "package.json says version $pkg_version, not $version"
grep -q "^export const TOOL_VERSION = '$version';$" src/version.ts ||
  die "src/version.ts does not say TOOL_VERSION = '$version'"

# The release notes: the CHANGELOG section of this version, up to the next section.
notes=$(awk -v v="$version" '
  $0 ~ "^## \\[" v "\\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$" { on = 1; print; next }
  on && /^## / { exit }
  on { print }
' CHANGELOG.md)
[ -n "$notes" ] || die "CHANGELOG.md has no section '## [$version] - YYYY-MM-DD'"

git rev-parse -q --verify "refs/tags/$tag" >/dev/null && die "tag $tag exists already"
newest=$(git tag --list "$major.*.*" | sed 's/^v//' | sort -V | tail -n 1)
if [ -n "$newest" ]; then
  [ "$(printf '%s\n%s\n' "$newest" "$version" | sort -V | tail -n 1)" = "$version" ] ||
    die "v$newest exists: $tag would be older than the newest $major release"
fi
if git rev-parse -q --verify "refs/tags/$major" >/dev/null; then
  git merge-base --is-ancestor "$major^{commit}" HEAD ||
    die "$major points at a commit that is not an ancestor of HEAD: moving it here would go backwards"
fi

if [ "$build_check" = 1 ]; then
  echo "release: rebuilding dist/ to check it is the build of these sources" >&2
  npm run build >/dev/null
  [ -z "$(git status --porcelain dist)" ] || {
    git checkout -q -- dist && git clean -qfd dist
    die "dist/ is stale: run 'npm run build', commit dist/, and release that commit"
  }
fi

git tag -a "$tag" -m "arm-virt-bench $version" -m "$notes"
git tag -f -a "$major" -m "arm-virt-bench $major: the latest $major release, $tag" "$tag^{commit}" >/dev/null
echo "release: tagged $tag and moved $major to $(git rev-parse --short "$tag^{commit}")"

if [ "$push" = 1 ]; then
  git push "$remote" "refs/tags/$tag"
  git push --force "$remote" "refs/tags/$major"
  echo "release: pushed $tag and $major to $remote"
else
  echo "release: not pushed; to publish: git push $remote refs/tags/$tag && git push --force $remote refs/tags/$major"
fi

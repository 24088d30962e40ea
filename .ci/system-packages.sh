# Debian packages the tests drive as real clients: xmllint (libxml2-utils), the
# feedparser and newsboat feed readers, sqlite3 (to read newsboat's cache), and Chromium
# (driven by playwright-core, which cannot download a browser here).
# Installed only when missing. Source it: `source .ci/system-packages.sh`.
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v newsboat >/dev/null 2>&1 || missing+=(newsboat)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing+=(python3-feedparser)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

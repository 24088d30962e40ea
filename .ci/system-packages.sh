# Debian packages the tests drive as real clients: xmllint (libxml2-utils), the
# feedparser and newsboat feed readers, sqlite3 (to read newsboat's cache), Chromium
# (driven by playwright-core, which cannot download a browser here), and Jekyll (4.3, with
# kramdown 2.4, kramdown-parser-gfm and rouge): the judge of what a Chirpy site publishes
# (tests/helpers/jekyll.ts). Jekyll is a test dependency only; no site using the theme needs it.
# Installed only when missing. Source it: `source .ci/system-packages.sh`.
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v newsboat >/dev/null 2>&1 || missing+=(newsboat)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing+=(python3-feedparser)
command -v jekyll >/dev/null 2>&1 || missing+=(jekyll)
# jekyll-seo-tag and jekyll-paginate write a Chirpy page's head tags (tests/build/seo-differential.test.ts).
ruby -e 'require "jekyll-seo-tag"' >/dev/null 2>&1 || missing+=(ruby-jekyll-seo-tag)
ruby -e 'require "jekyll"; require "jekyll-paginate"' >/dev/null 2>&1 || missing+=(ruby-jekyll-paginate)
# The rest of Chirpy's plugins, for Jekyll's build of a whole site (tests/helpers/jekyll-site.ts).
ruby -e 'require "jekyll"; require "jekyll-archives"' >/dev/null 2>&1 || missing+=(ruby-jekyll-archives)
ruby -e 'require "jekyll"; require "jekyll-redirect-from"' >/dev/null 2>&1 || missing+=(ruby-jekyll-redirect-from)
ruby -e 'require "jekyll"; require "jekyll-sitemap"' >/dev/null 2>&1 || missing+=(ruby-jekyll-sitemap)
ruby -e 'require "jekyll"; require "jekyll-polyglot"' >/dev/null 2>&1 || missing+=(ruby-jekyll-polyglot)
# html-proofer: the checker Chirpy's own CI runs over a built site (tests/build/quality.test.ts).
command -v htmlproofer >/dev/null 2>&1 || missing+=(ruby-html-proofer)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

#!/usr/bin/python3
"""Reads feeds with Debian's python3-feedparser, as a real reader would, and prints what it
understood as JSON: whether the feed was well-formed (bozo), and each entry's fields."""
import calendar
import json
import sys

import feedparser

result = []
for url in sys.argv[1:]:
    parsed = feedparser.parse(url)
    entries = []
    for entry in parsed.entries:
        published = entry.get("published_parsed")
        entries.append({
            "title": entry.get("title"),
            "link": entry.get("link"),
            "id": entry.get("id"),
            "guidislink": entry.get("guidislink"),
            "published": entry.get("published"),
            "published_epoch": calendar.timegm(published) if published else None,
            "summary": entry.get("summary"),
            "content": [c.get("value") for c in entry.get("content", [])],
            "tags": [t.get("term") for t in entry.get("tags", [])],
            "author": entry.get("author"),
        })
    result.append({
        "url": url,
        "status": parsed.get("status"),
        "bozo": bool(parsed.bozo),
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.get("version"),
        "title": parsed.feed.get("title"),
        "language": parsed.feed.get("language"),
        "links": [dict(rel=l.get("rel"), href=l.get("href")) for l in parsed.feed.get("links", [])],
        "entries": entries,
    })
json.dump(result, sys.stdout, ensure_ascii=False)

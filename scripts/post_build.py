#!/usr/bin/env python3
"""Trunk post-build hook: make the built site run under a strict Content-Security-Policy and
on static hosts without rewrites.

- Trunk inlines the module script that starts the wasm app; `script-src 'self'` forbids inline
  scripts, so it moves into its own file, loaded with a subresource-integrity hash.
- 404.html becomes a copy of the app, so /<initiative>/<year>-q<n> links open on hosts that
  serve 404.html for unknown paths.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or sys.exit("TRUNK_STAGING_DIR is not set (run by trunk)")
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()

inline = re.compile(r'<script type="module">(.*?)</script>', re.DOTALL)
match = inline.search(html)
if match:
    code = match.group(1).strip() + "\n"
    digest = hashlib.sha256(code.encode()).hexdigest()[:16]
    name = f"start-{digest}.js"
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(code)
    sri = base64.b64encode(hashlib.sha384(code.encode()).digest()).decode()
    # Relative to <base href>, like the rest of the site.
    tag = f'<script type="module" src="{name}" integrity="sha384-{sri}"></script>'
    html = html[: match.start()] + tag + html[match.end():]
if inline.search(html):
    sys.exit("post_build: an inline script is left in index.html")

for page in ("index.html", "404.html"):
    with open(os.path.join(staging, page), "w", encoding="utf-8") as f:
        f.write(html)

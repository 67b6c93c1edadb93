#!/usr/bin/env python3
"""Trunk post-build hook: make the built site run under a strict Content-Security-Policy and
on static hosts without rewrites.

- Trunk inlines the module script that starts the wasm app; `script-src 'self'` forbids inline
  scripts, so it moves into its own file, loaded with a subresource-integrity hash.
- 404.html becomes a copy of the app, so /<initiative>/<year>-q<n> links open on hosts that
  serve 404.html for unknown paths.
- boot.js, the one script before the first paint: see BOOT below.
- quarterly-prerender then writes each report's first view as static HTML (the app takes over
  from it), with 404.html as the plain app page.
- quarterly-element.js (public/quarterly-element.js) defines the <quarterly-report> custom
  element for other sites, with a wasm of its own (src/bin/report-element.rs): it needs the
  hashed names of that wasm, its JS glue and the stylesheet, known only now, filled in here.
- wasm-bindgen's glue (both wasm targets') and quarterly-element.js are minified (terser): the
  glue is readable source with the Rust doc comments, and Trunk's own minifier leaves it as it is.
"""
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
from html import escape as html_escape

staging = os.environ.get("TRUNK_STAGING_DIR") or sys.exit("TRUNK_STAGING_DIR is not set (run by trunk)")
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
if not public_url.endswith("/"):
    public_url += "/"
index_path = os.path.join(staging, "index.html")
# The <meta> names the app reads (src/app/loaded.rs: BASE_META, PAGE_META).
BASE_META = "quarterly-base"
PAGE_META = "quarterly-page"
with open(index_path, encoding="utf-8") as f:
    html = f.read()

# Runs before the first paint. A pre-rendered page shows its report at once (its path is in
# <meta name="quarterly-page">). Any other view, whether a view the query chooses (embedded,
# filtered, themed) or another address this page was served for, would flash the wrong content
# first: it stays hidden until the app shows it (quarterly.css reveals the page after a few
# seconds anyway, should the app never start).
BOOT = ("""(function () {
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m && m.getAttribute("content"); };
  var page = meta("PAGE_META");
  if (page !== null && (location.search.length > 1 || meta("BASE_META") + page.slice(1) !== location.pathname)) {
    document.documentElement.classList.add("q-pending");
  }
})();
""").replace("PAGE_META", PAGE_META).replace("BASE_META", BASE_META)

def script_file(prefix, code, module):
    """Writes `code` to a hashed file and returns its script tag, with an integrity hash."""
    name = f"{prefix}-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(code)
    sri = base64.b64encode(hashlib.sha384(code.encode()).digest()).decode()
    kind = ' type="module"' if module else ""
    return f'<script{kind} src="{public_url}{name}" integrity="sha384-{sri}" crossorigin="anonymous"></script>'

# terser, pinned in tools/package.json, which scripts/setup installs into .tools/.
TERSER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".tools", "node_modules", ".bin", "terser")

def minify(name):
    """Minifies the ES module `name` in the build, in place."""
    if not os.access(TERSER, os.X_OK):
        sys.exit(f"post_build: {TERSER} is missing: run scripts/setup")
    if shutil.which("node") is None:
        sys.exit("post_build: terser needs Node.js, which is not on PATH")
    if subprocess.run([TERSER, os.path.join(staging, name), "--module", "--compress", "--mangle", "--output", os.path.join(staging, name)]).returncode != 0:
        sys.exit(f"post_build: terser failed on {name} (see above)")

def hashed(name, stem):
    """Renames `name` in the build to `stem-<its content's hash>.<its extension>`; returns the new name."""
    with open(os.path.join(staging, name), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    new = f"{stem}-{digest}.{name.partition('.')[2]}"
    os.replace(os.path.join(staging, name), os.path.join(staging, new))
    return new

# The viewer's glue, minified, is renamed by its new content (a cache holding Trunk's name must
# never get other bytes under it); the start script imports it and a preload names its hash.
viewer_glues = [n for n in os.listdir(staging) if re.fullmatch(r"quarterly-[0-9a-f]+\.js", n)]
if len(viewer_glues) != 1:
    sys.exit(f"post_build: expected one viewer glue (quarterly-<hash>.js) in the build, found {viewer_glues}")
minify(viewer_glues[0])
viewer_glue = hashed(viewer_glues[0], "quarterly")
old_url, new_url = public_url + viewer_glues[0], public_url + viewer_glue
if html.count(old_url) != 2:
    sys.exit(f"post_build: expected {old_url} in index.html twice (its preload and the start script's import), found {html.count(old_url)}")
html = html.replace(old_url, new_url)
with open(os.path.join(staging, viewer_glue), "rb") as f:
    glue_sri = base64.b64encode(hashlib.sha384(f.read()).digest()).decode()
html, preloads = re.subn(rf'(<link rel="modulepreload" href="{re.escape(new_url)}"[^>]*integrity=")sha384-[^"]*(")', rf"\g<1>sha384-{glue_sri}\g<2>", html)
if preloads != 1:
    sys.exit(f"post_build: expected one preload of {viewer_glue} in index.html, found {preloads}")

inline = re.compile(r'<script type="module">(.*?)</script>', re.DOTALL)
match = inline.search(html)
if match:
    # The wasm instance's exports, for the benchmark's memory figure (Trunk already exposes the
    # JS bindings as window.wasmBindings).
    code = match.group(1).strip().replace("window.wasmBindings = bindings;", "window.wasmBindings = bindings;\nwindow.quarterlyWasm = wasm;") + "\n"
    html = html[: match.start()] + script_file("start", code, True) + html[match.end():]

# Where the site lives, for the app's links and data (the strict policy's base-uri 'none'
# rules out a <base> element).
meta = f'<meta name="{BASE_META}" content="{html_escape(public_url)}" />'
html = html.replace('<meta name="quarterly-app"', meta + "\n    " + script_file("boot", BOOT, False) + '\n    <meta name="quarterly-app"', 1)
html = html.replace('href="data/index.json"', f'href="{html_escape(public_url)}data/index.json"')
if inline.search(html):
    sys.exit("post_build: an inline script is left in index.html")

# A frame sandboxed without allow-same-origin (WordPress's embeds) has an opaque origin: every
# file is cross-origin to it, and a file fetched without CORS fails its integrity check. So the
# stylesheet and scripts are fetched with CORS (the host sends Access-Control-Allow-Origin: *);
# on the site itself they are same-origin and nothing changes.
html, styles = re.subn(r'(<link rel="stylesheet" [^>]*integrity="[^"]*")(/?>)', r'\1 crossorigin="anonymous"\2', html)
if styles != 1:
    sys.exit(f"post_build: expected one stylesheet link in index.html, found {styles}")

def built(prefix, suffix):
    names = [n for n in os.listdir(staging) if n.startswith(prefix) and n.endswith(suffix)]
    if len(names) != 1:
        sys.exit(f"post_build: expected one {prefix}*{suffix} in the build, found {names}")
    return names[0]

css = built("quarterly-", ".css")
# The element's own wasm and glue (a Trunk "worker": unhashed names), renamed by their content
# so a host page's cache never pairs one build's glue with another's wasm.
minify("report-element.js")
glue = hashed("report-element.js", "report-element")
wasm = hashed("report-element_bg.wasm", "report-element_bg")
# The custom element is a real file (public/quarterly-element.js); only the hashed names of this
# build's glue, wasm and stylesheet are filled in.
element_template = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public", "quarterly-element.js")
with open(element_template, encoding="utf-8") as f:
    element = f.read().replace("__GLUE__", glue).replace("__WASM__", wasm).replace("__CSS__", css)
with open(os.path.join(staging, "quarterly-element.js"), "w", encoding="utf-8") as f:
    f.write(element)
minify("quarterly-element.js")

for page in ("index.html", "404.html"):
    with open(os.path.join(staging, page), "w", encoding="utf-8") as f:
        f.write(html)

# The tests and the benchmark pass the quarterly-prerender cargo already built for them: a
# `cargo run` from here would build the whole crate again (without their dev-dependencies'
# features), which doubles the build's time and disk.
command = [os.environ["QUARTERLY_PRERENDER"]] if os.environ.get("QUARTERLY_PRERENDER") else ["cargo", "run", "--quiet", "--locked", "--bin", "quarterly-prerender", "--"]
prerender = subprocess.run(command + [staging])
if prerender.returncode != 0:
    sys.exit("post_build: quarterly-prerender failed (see above)")

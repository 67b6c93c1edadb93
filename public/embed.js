/*! quarterly embed.js: sizes quarterly iframes to their content. No dependencies.
 *
 * Add `data-quarterly-embed` to each quarterly <iframe> and load this script once:
 *   <iframe src="https://reports.example.org/alpha-omega/2025-q2?embed=1&section=okrs"
 *           title="2025 Q2 Alpha-Omega OKRs" style="width:100%;border:0" data-quarterly-embed></iframe>
 *   <script src="https://reports.example.org/embed.js" async></script>
 *
 * Message format, version 1 (sent by the embedded page to its parent only):
 *   { "type": "quarterly:height", "version": 1, "height": <CSS pixels> }
 * A message is used only when it comes from one of those iframes' own window and from that
 * iframe's origin; anything else (another frame, another origin, another format) is ignored.
 */
(function () {
  "use strict";
  if (window.__quarterlyEmbed) return;
  window.__quarterlyEmbed = true;

  var MAX_HEIGHT = 100000;

  function frames() {
    var list = Array.prototype.slice.call(document.querySelectorAll("iframe[data-quarterly-embed]"));
    list.forEach(prepare);
    return list;
  }

  // Full width and no border unless the page says otherwise. Set through the CSSOM, which a
  // strict Content-Security-Policy allows even where it blocks style="" attributes.
  function prepare(frame) {
    if (frame.__quarterlyPrepared) return;
    frame.__quarterlyPrepared = true;
    if (!frame.style.width) frame.style.width = "100%";
    if (!frame.style.border) frame.style.border = "0";
  }

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute("src"), document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", frames);
  } else {
    frames();
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "quarterly:height" || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
        // The content's height, plus whatever border and padding the frame has.
        var chrome = frame.offsetHeight - frame.clientHeight;
        frame.style.height = Math.ceil(height) + chrome + "px";
        return;
      }
    }
  });
})();

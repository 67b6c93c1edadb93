// <quarterly-report> for other sites: one <script type="module" src=".../quarterly-element.js">,
// then <quarterly-report src=".../data/<initiative>/<year>-q<n>.json" section="okrs|news|events"
// objective="2" status="in-progress,started" q="audit" theme="light|dark">.
// It renders in a shadow root, so the page's CSS and ours stay apart; theme it with --q-*
// custom properties on the element. Attribute changes re-render. scripts/post_build.py fills in
// the hashed file names of each build (__GLUE__, __WASM__, __CSS__).
import init, { mount_report_element } from "./__GLUE__";

const ready = init({ module_or_path: new URL("./__WASM__", import.meta.url) });
const stylesheet = new URL("./__CSS__", import.meta.url).href;
const FILTERS = ["objective", "status", "q"];

class QuarterlyReport extends HTMLElement {
  static get observedAttributes() { return ["src", "section", ...FILTERS]; }

  connectedCallback() { this.render(); }
  attributeChangedCallback() { if (this.isConnected) this.render(); }
  disconnectedCallback() { this.unmount(); }

  unmount() {
    if (this.mounted) { this.mounted.free(); this.mounted = null; }
    if (this.container) this.container.replaceChildren();
  }

  async render() {
    const generation = (this.generation = (this.generation || 0) + 1);
    await ready;
    if (generation !== this.generation || !this.isConnected) return;
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: "open" });
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = stylesheet;
      this.container = document.createElement("div");
      root.append(link, this.container);
    }
    this.unmount();
    const src = new URL(this.getAttribute("src") || "", document.baseURI).href;
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = this.getAttribute(name);
      if (value !== null) query.set(name, value);
    }
    this.mounted = mount_report_element(this.container, src, this.getAttribute("section") || "", query.toString());
  }
}

if (!customElements.get("quarterly-report")) customElements.define("quarterly-report", QuarterlyReport);

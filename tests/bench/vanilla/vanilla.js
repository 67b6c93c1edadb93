// The benchmark's baseline: what the viewer's OKR table does on a filter change, in plain
// JavaScript. The same data file, the same three filters (objective, status, text, where a text
// that is exactly a key-result id matches that key result only), the same 50 rows laid out at a
// time, the same live count. Rows are rebuilt on each change, keyed by id as the viewer keys them.
"use strict";
const ROWS_PER_PAGE = 50;
const LABELS = { "not-started": "Not started", planning: "Planning", started: "Started", "in-progress": "In progress",
  "on-target": "On target", "at-risk": "At risk", blocked: "Blocked", completed: "Completed", cancelled: "Cancelled", unknown: "Unknown" };
const text = (inlines) => inlines.map((i) => i.text ?? (i.children ? text(i.children) : "")).join("");

async function start() {
  const report = await (await fetch(new URLSearchParams(location.search).get("src"))).json();
  const objectives = report.objectives.map((o) => ({
    id: o.id, title: text(o.title),
    krs: o.key_results.map((k) => ({ id: k.id, text: text(k.text), status: k.status ? k.status.kind : null,
      search: `kr ${k.id} ${text(k.text)}`.toLowerCase() })),
  }));
  const total = objectives.reduce((n, o) => n + o.krs.length, 0);
  const select = document.getElementById("objective-filter");
  select.append(new Option(`All objectives (${total})`, ""));
  for (const o of objectives) select.append(new Option(`Objective ${o.id}: ${o.title}`, o.id));
  const used = [...new Set(objectives.flatMap((o) => o.krs.map((k) => k.status)).filter(Boolean))];
  const boxes = document.getElementById("status-options");
  for (const kind of used) {
    const label = document.createElement("label");
    label.className = "status-option";
    const box = document.createElement("input");
    box.type = "checkbox"; box.value = kind;
    label.append(box, ` ${LABELS[kind]}`);
    boxes.append(label);
  }
  const input = document.getElementById("text-filter");
  const table = document.querySelector(".okr-table");
  const count = document.querySelector(".result-count");
  const rows = new Map();
  const row = (k) => {
    let tr = rows.get(k.id);
    if (!tr) {
      tr = document.createElement("tr");
      tr.className = "key-result";
      tr.dataset.kr = k.id;
      const th = document.createElement("th"); th.scope = "row"; th.className = "kr-id"; th.textContent = `KR ${k.id}`;
      const td = document.createElement("td"); td.className = "kr-text"; td.textContent = k.text;
      const status = document.createElement("td"); status.className = "kr-status";
      const badge = document.createElement("span"); badge.className = `status status-${k.status ?? "none"}`;
      badge.textContent = k.status ? LABELS[k.status] : "No status";
      status.append(badge);
      tr.append(th, td, status);
      rows.set(k.id, tr);
    }
    return tr;
  };
  const render = () => {
    const objective = select.value;
    const statuses = [...boxes.querySelectorAll("input:checked")].map((b) => b.value);
    const needle = input.value.trim().toLowerCase();
    const id = needle.match(/^(?:kr\s*)?(\d+(?:\.\d+)?)$/);
    let shown = 0, budget = ROWS_PER_PAGE;
    const groups = [];
    for (const o of objectives) {
      if (objective && o.id !== objective) continue;
      const matching = o.krs.filter((k) => (!statuses.length || statuses.includes(k.status))
        && (!needle || (id ? k.id === id[1] : k.search.includes(needle))));
      shown += matching.length;
      if (!matching.length) continue;
      const body = document.createElement("tbody");
      body.className = "objective";
      const head = document.createElement("tr"); head.className = "objective-row";
      const th = document.createElement("th"); th.colSpan = 3; th.scope = "colgroup";
      th.textContent = `Objective ${o.id}: ${o.title} ${matching.length} key results`;
      head.append(th); body.append(head);
      for (const k of matching.slice(0, budget)) body.append(row(k));
      budget -= Math.min(budget, matching.length);
      groups.push(body);
    }
    table.querySelectorAll("tbody").forEach((b) => b.remove());
    table.append(...groups);
    count.textContent = shown === total ? `All ${total} key results` : `${shown} of ${total} key results`;
  };
  select.addEventListener("change", render);
  boxes.addEventListener("change", render);
  input.addEventListener("input", render);
  render();
}
start();

// Add documents (analyst): files are uploaded one by one (POST /api/documents?name=FILE),
// each with its own result, and a bad file never stops the batch; then "Process" runs
// extract, resolve and assess (POST /api/runs/update) and links the incidents the uploaded
// documents landed in. File names and every server text are inserted as text.
import { api, can, clear, documentLink, el, eventTypeLabel, header, incidentLink, langQuery, me, panel, rerenderOn, send, sendBytes, showError, t, tn } from "./common.js";
import { needsRole } from "./forms.js";


// What this page has done so far; it survives the language switch (the page renders again).
const state = {
  chosen: [], // File objects picked or dropped
  results: [], // {name, summary | error, sha}: one per uploaded file
  progress: null, // {done, total, name}
  busy: false,
  processed: null, // the answer of POST /api/runs/update, or {error}
  landed: null, // [{name, sha, incidents: [{key, event_type}]}]
};

// Where the documents of a file landed is looked up for at most this many of them; a bigger
// feed or export gets a pointer to the search instead.
const LANDED_MAX = 50;

async function uploadAll(render) {
  const files = state.chosen;
  if (!files.length || state.busy) return;
  state.busy = true;
  state.processed = null;
  state.landed = null;
  for (const [i, file] of files.entries()) {
    state.progress = { done: i, total: files.length, name: file.name };
    render();
    const result = { name: file.name };
    try {
      result.summary = await sendBytes("/api/documents?" + new URLSearchParams({ name: file.name }), file);
      // The server lists the documents it read from the file: new ones and reprints alike.
      result.docs = result.summary.documents || [];
      if (result.docs.length === 1) result.sha = result.docs[0].sha256;
    } catch (err) {
      result.error = { message: err.message || String(err), hint: err.hint || "", status: err.status };
    }
    state.results.push(result);
  }
  state.progress = { done: files.length, total: files.length, name: null };
  state.chosen = [];
  state.busy = false;
  render();
}

async function processAll(render) {
  if (state.busy) return;
  state.busy = true;
  state.processed = { running: true };
  render();
  try {
    state.processed = await send("POST", "/api/runs/update");
    state.landed = await landed();
  } catch (err) {
    state.processed = { error: { message: err.message || String(err), hint: err.hint || "" } };
  }
  state.busy = false;
  render();
}

// Where each uploaded document is now: its mentions' incidents.
async function landed() {
  const found = [];
  for (const result of state.results) {
    const docs = result.docs || [];
    if (!docs.length || docs.length > LANDED_MAX) continue;
    for (const item of docs) {
      const name = docs.length > 1 ? `${result.name}: ${item.title || item.sha256.slice(0, 12)}` : result.name;
      try {
        const doc = await api(`/api/documents/${item.sha256}`);
        const incidents = new Map();
        for (const mention of doc.mentions) {
          if (mention.incident && !incidents.has(mention.incident)) incidents.set(mention.incident, mention.event_type);
        }
        found.push({ name, sha: item.sha256, incidents: [...incidents].map(([key, type]) => ({ key, event_type: type })) });
      } catch (_err) {
        found.push({ name, sha: item.sha256, incidents: [] });
      }
    }
  }
  return found;
}

// -- rendering ---------------------------------------------------------------------------

function fileName(name) {
  return el("strong", { className: "file-name", text: name });
}

function resultItem(result) {
  if (result.error) {
    return el(
      "li",
      { className: "upload-result error-result", dataset: { state: "error" } },
      fileName(result.name),
      el("div", { className: "upload-line", text: t("upload_refused", { status: result.error.status || "?" }) }),
      el("div", { className: "upload-message", text: result.error.message }),
      result.error.hint ? el("div", { className: "hint", text: result.error.hint }) : null,
    );
  }
  const s = result.summary;
  const lines = [];
  if (s.new_documents) lines.push(tn("upload_new", s.new_documents));
  if (s.duplicates) lines.push(tn("upload_duplicates", s.duplicates));
  if (s.skipped) lines.push(tn("upload_skipped", s.skipped));
  const state = s.failed ? "partial" : s.new_documents ? "new" : "duplicate";
  return el(
    "li",
    { className: "upload-result " + state + "-result", dataset: { state } },
    fileName(result.name),
    el("div", { className: "upload-line" }, lines.join(" "), result.sha ? " " : null, result.sha ? documentLink({ document: result.sha }, t("open_document"), { className: "doc-link" }) : null),
    s.failed
      ? el(
          "div",
          { className: "upload-failures" },
          el("div", { text: tn("upload_failed", s.failed) }),
          el("ul", { className: "failures" }, ...s.failures.map((f) => el("li", { text: f }))),
        )
      : null,
  );
}

function progressBox() {
  const p = state.progress;
  const box = el("div", { className: "upload-progress", id: "upload-progress", role: "status", dataset: { state: state.busy ? "busy" : p ? "done" : "idle" } });
  if (!p) return box;
  box.append(el("progress", { max: String(p.total), value: String(p.done) }));
  box.append(el("span", { text: p.name === null ? t("upload_done", { n: p.total }) : t("upload_progress", { i: p.done + 1, n: p.total, name: p.name }) }));
  return box;
}

function chooser(render) {
  const input = el("input", { type: "file", id: "upload-files", name: "files", multiple: "multiple", className: "file-input" });
  input.addEventListener("change", () => {
    state.chosen = [...input.files];
    render();
  });
  const zone = el(
    "label",
    { className: "drop-zone", for: "upload-files", id: "drop-zone" },
    el("span", { className: "drop-title", text: t("upload_choose") }),
    el("span", { className: "hint", text: t("upload_drop") }),
  );
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    state.chosen = [...event.dataTransfer.files];
    render();
  });
  const chosen = state.chosen.length
    ? el("div", { className: "chosen", id: "upload-chosen" }, el("span", { text: t("upload_chosen", { n: state.chosen.length }) + " " }), el("span", { className: "muted", text: state.chosen.map((f) => f.name).join(", ") }))
    : null;
  const form = el(
    "form",
    { className: "upload-form", id: "upload-form" },
    input,
    zone,
    chosen,
    el("div", { className: "buttons" }, el("button", { type: "submit", id: "upload-submit", disabled: state.busy || !state.chosen.length ? "disabled" : null }, t("upload_go"))),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    uploadAll(render);
  });
  return form;
}

function processSummary(answer) {
  const { extract, resolve, assess } = answer;
  const lines = [
    tn("run_extract", extract.documents, { mentions: extract.mentions }),
    extract.documents_without_mention ? tn("run_without", extract.documents_without_mention) : null,
    tn("run_resolve", resolve.mentions, { joined: resolve.joined, created: resolve.created }),
    resolve.merged || resolve.retired ? t("run_merged", { merged: resolve.merged, retired: resolve.retired }) : null,
    resolve.waiting ? tn("run_waiting", resolve.waiting) : null,
    tn("run_assess", assess.assessed) + (assess.unchanged ? " " + tn("run_unchanged", assess.unchanged) : ""),
    t("run_flags", { n: assess.flags }),
  ].filter(Boolean);
  const list = el("ul", { className: "run-summary", id: "process-summary" }, ...lines.map((line) => el("li", { text: line })));
  if (assess.flags) list.lastChild.append(" ", el("a", { href: "/review?" + langQuery() }, t("review_queue")));
  return list;
}

function landedList() {
  const uploaded = state.results.filter((r) => r.summary);
  const rows = [];
  for (const item of state.landed || []) {
    rows.push(
      el(
        "li",
        { dataset: { sha: item.sha } },
        fileName(item.name),
        " → ",
        item.incidents.length
          ? item.incidents.flatMap((inc, i) => [i ? ", " : null, incidentLink(inc.key, `${eventTypeLabel(inc.event_type)} (${inc.key})`)])
          : el("span", { className: "muted", text: t("landed_none") }),
      ),
    );
  }
  const unknown = uploaded.filter((r) => !(r.docs || []).length || r.docs.length > LANDED_MAX).map((r) => r.name);
  return el(
    "div",
    { id: "landed" },
    el("h3", { text: t("landed") }),
    rows.length ? el("ul", { className: "landed" }, ...rows) : null,
    unknown.length ? el("p", { className: "hint", id: "landed-unknown" }, t("landed_unknown", { names: unknown.join(", ") }), " ", el("a", { href: "/?" + langQuery() + "#search" }, t("landed_search")), ".") : null,
  );
}

function processPanel(render) {
  const button = el("button", { type: "button", id: "process-submit", className: "primary", disabled: state.busy ? "disabled" : null, onclick: () => processAll(render) }, t("process_go"));
  const out = el("div", { id: "process-result", role: "status" });
  const p = state.processed;
  if (p && p.running) out.append(el("p", { className: "muted", text: t("process_running") }));
  else if (p && p.error) showError(out, p.error);
  else if (p) {
    out.dataset.state = "done";
    out.append(processSummary(p));
    if (state.results.some((r) => r.summary)) out.append(landedList());
  }
  return panel({ title: t("process_title"), id: "process" }, el("p", { className: "hint", text: t("process_hint") }), el("div", { className: "buttons" }, button), out);
}

async function render() {
  header(t("upload_title"));
  document.title = `cotejo — ${t("upload_title")}`;
  const main = clear(document.getElementById("main"));
  const user = await me();
  if (!can(user, "analyst")) {
    main.append(panel({ title: t("upload_title"), className: "narrow" }, needsRole("upload-needs-role", t("needs_analyst_upload"), user)));
    document.body.dataset.state = "ready";
    return;
  }
  const rerender = () => render();
  main.append(
    panel(
      { title: t("upload_title"), id: "upload" },
      el("p", { className: "hint", text: t("upload_hint") }),
      chooser(rerender),
      progressBox(),
      state.results.length ? el("ul", { className: "upload-results", id: "upload-results" }, ...state.results.map(resultItem)) : null,
    ),
    processPanel(rerender),
  );
  document.body.dataset.state = state.busy ? "busy" : "ready";
}

rerenderOn(render);
render().catch((err) => {
  showError(document.getElementById("main"), err);
  document.body.dataset.state = "error";
});

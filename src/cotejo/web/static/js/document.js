// One document: its extracted text with a span highlighted (?start=&end=&field=), the
// values read from it, its SHA-256, provenance and captures, reprints, and a download of
// the original archived bytes. Selecting a passage shows its character offsets and, for an
// analyst, a link that takes it to an incident's correct form as evidence.
import {
  api,
  can,
  clear,
  codePointLength,
  codePointSlice,
  documentLink,
  el,
  eventTypeLabel,
  externalLink,
  fmtDate,
  header,
  incidentLink,
  lang,
  langQuery,
  languageLabel,
  me,
  panel,
  params,
  readingLabel,
  rerenderOn,
  setParams,
  showError,
  sourceKindLabel,
  t,
  table,
} from "./common.js";

// Offsets are Python string indices: code points, not the UTF-16 units JavaScript counts.
function highlighted(text, start, end) {
  const chars = Array.from(text || "");
  const box = el("div", { className: "doctext", id: "doctext" });
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > chars.length || start >= end) {
    box.append(chars.join(""));
    return box;
  }
  box.append(
    chars.slice(0, start).join(""),
    el("mark", { id: "highlight", tabindex: "-1" }, chars.slice(start, end).join("")),
    chars.slice(end).join(""),
  );
  return box;
}

// A value read from this document: its span highlighted in place, without a page load.
function spanLink(doc, value) {
  return documentLink({ ...value.span, document: doc.sha256 }, `${t("attr_" + value.attribute)}: ${readingLabel(value.attribute, value.label)}`, {
    className: "value-link",
    onclick: (event) => {
      event.preventDefault();
      setParams({ start: value.span.start, end: value.span.end, field: value.span.field });
      render();
    },
  });
}

// -- a selected passage as an evidence span --------------------------------------------------

// The offset of a selection boundary inside `box`, in code points: the length of the box's
// text before it. Measuring the text of a Range keeps the <mark> of a highlighted span (or
// any other element inside the box) out of the arithmetic.
function offsetIn(box, node, offset) {
  const before = document.createRange();
  before.selectNodeContents(box);
  before.setEnd(node, offset);
  return codePointLength(before.toString());
}

// The selected span of the text or the title, clipped to the box it starts or ends in.
function selectedSpan(boxes) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  for (const { field, box } of boxes) {
    if (!range.intersectsNode(box)) continue;
    const start = box.contains(range.startContainer) ? offsetIn(box, range.startContainer, range.startOffset) : 0;
    const end = box.contains(range.endContainer) ? offsetIn(box, range.endContainer, range.endOffset) : codePointLength(box.textContent);
    if (end > start) return { field, start, end, text: codePointSlice(box.textContent, start, end) };
  }
  return null;
}

let page = null; // what the selection bar needs of the rendered page

function evidenceLink(key, span) {
  const evidence = `${page.sha}:${span.start}-${span.end}${span.field === "title" ? ":title" : ""}`;
  const query = new URLSearchParams({ key, evidence, lang: lang() });
  return el("a", { href: "/incident?" + query, className: "use-evidence", dataset: { incident: key } }, t("use_evidence", { key }));
}

function showSelection() {
  const bar = document.getElementById("selection");
  if (!bar || !page) return;
  const span = selectedSpan(page.boxes);
  clear(bar);
  bar.hidden = !span;
  if (!span) return;
  bar.append(
    el("strong", { id: "selection-offsets", dataset: { start: String(span.start), end: String(span.end), field: span.field } }, t("selected_span", { start: span.start, end: span.end, field: t("field_" + span.field) })),
    el("q", { className: "selection-quote", text: span.text }),
  );
  if (page.analyst) bar.append(el("span", { className: "links" }, ...page.incidents.map((key) => evidenceLink(key, span))));
}

document.addEventListener("selectionchange", showSelection);

function row(label, value) {
  return [el("dt", { text: label }), el("dd", {}, value)];
}

async function render() {
  header(null);
  const main = clear(document.getElementById("main"));
  const p = params();
  const sha = p.get("sha") || "";
  const from = p.get("incident"); // the incident page this one was opened from
  main.append(
    el(
      "p",
      {},
      el("a", { href: "/?" + langQuery(), text: "← " + t("back") }),
      from ? el("span", { className: "muted", text: " · " }) : null,
      from ? incidentLink(from, `${t("incident")} ${from}`, { id: "back-to-incident" }) : null,
    ),
  );
  let doc;
  let user;
  try {
    [doc, user] = await Promise.all([api(`/api/documents/${encodeURIComponent(sha)}`), me()]);
  } catch (err) {
    showError(main, err);
    document.body.dataset.state = "error";
    return;
  }
  header(doc.title || t("document"));
  document.title = `cotejo — ${t("document")}`;
  const start = Number.parseInt(p.get("start"), 10);
  const end = Number.parseInt(p.get("end"), 10);
  const field = p.get("field") === "title" ? "title" : "text";
  const titleBox = field === "title" && Number.isInteger(start) ? highlighted(doc.title, start, end) : el("div", { className: "doctitle", text: doc.title || "—" });
  titleBox.id = "doctitle";
  const textBox = field === "text" ? highlighted(doc.text, start, end) : highlighted(doc.text, NaN, NaN);
  const meta = el(
    "dl",
    { className: "facts" },
    ...row(t("source"), `${doc.source.name} (${sourceKindLabel(doc.source.kind)})`),
    ...row(t("language_label"), `${languageLabel(doc.language)}${doc.language_declared ? ` / ${doc.language_declared}` : ""}`),
    ...row(t("published"), fmtDate(doc.published_at)),
    ...row(t("url"), externalLink(doc.url)),
    ...row(t("sha256"), el("code", { id: "sha256", text: doc.sha256 })),
    ...row(t("media_type"), `${doc.media_type} · ${doc.size} B · ${doc.reader}${doc.encoding ? " · " + doc.encoding : ""}`),
    ...row(t("first_ingested"), doc.first_ingested_at),
    ...row(t("download"), el("a", { href: `/api/documents/${doc.sha256}/original`, id: "download", download: "" }, `${doc.sha256.slice(0, 16)}…`)),
  );
  if (doc.notes.length) meta.append(...row(t("notes"), doc.notes.join("; ")));
  const mentions = el("ul", { className: "mentions" });
  for (const mention of doc.mentions) {
    mentions.append(
      el(
        "li",
        {},
        el("strong", { text: eventTypeLabel(mention.event_type) }),
        mention.incident ? el("span", {}, " — ", incidentLink(mention.incident, `${t("incident")} ${mention.incident}`)) : null,
        el("div", { className: "values" }, ...mention.values.map((v) => spanLink(doc, v))),
      ),
    );
  }
  const captures = table(
    [t("file"), t("locator"), t("source"), t("url"), t("reader"), t("retrieved"), t("ingested"), t("container")],
    doc.captures.map((c) =>
      el(
        "tr",
        {},
        el("td", { text: c.original_name }),
        el("td", { text: c.locator || "—" }),
        el("td", { text: c.source }),
        el("td", {}, externalLink(c.url)),
        el("td", { text: `${c.reader} ${c.reader_version}` }),
        el("td", { text: `${c.retrieved_at || "—"} (${c.retrieved_at_basis})` }),
        el("td", { text: c.ingested_at }),
        el("td", {}, c.container_sha256 ? el("a", { href: `/api/archive/${c.container_sha256}`, download: "" }, c.container_sha256.slice(0, 12) + "…") : "—"),
      ),
    ),
    { className: "captures" },
  );
  const reprints = doc.near_duplicates.length
    ? el("ul", {}, ...doc.near_duplicates.map((d) => el("li", {}, documentLink({ document: d.sha256 }, d.title || d.sha256.slice(0, 16)), ` — ${d.source}`)))
    : el("p", { className: "muted", text: "—" });
  const notice = Number.isInteger(start) && Number.isInteger(end) ? el("p", { className: "hint", id: "span-note", text: t("highlighted", { start, end }) }) : null;
  // An analyst may offer a selected passage to the incident the page was opened from, else
  // to any incident a mention of this document belongs to.
  const incidents = from ? [from] : [...new Set(doc.mentions.map((m) => m.incident).filter(Boolean))];
  page = {
    sha: doc.sha256,
    analyst: can(user, "analyst"),
    incidents,
    boxes: [{ field: "text", box: textBox }, ...(doc.title ? [{ field: "title", box: titleBox }] : [])],
  };
  const selectHint = el("p", { className: "hint", id: "select-hint", text: page.analyst && incidents.length ? t("select_hint_evidence") : t("select_hint") });
  main.append(
    panel(null, titleBox, notice, textBox, selectHint),
    panel(t("mentions_in_doc"), doc.mentions.length ? mentions : el("p", { className: "muted", text: "—" })),
    panel(t("document"), meta),
    panel(t("provenance"), captures),
    panel(t("reprints"), reprints),
    el("div", { className: "selection-bar", id: "selection", role: "status", hidden: "hidden" }),
  );
  const mark = document.getElementById("highlight");
  if (mark) mark.scrollIntoView({ block: "center" });
  document.body.dataset.state = "ready";
}

rerenderOn(render);
render();

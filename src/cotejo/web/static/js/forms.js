// The review actions of an incident page, each a form shown only to a role that may take it
// (everyone else is told which role it takes): grades and values (regrade, confirm, correct
// with an evidence span, notes), grouping (split, move, merge) and a source's affiliation.
// Forms post JSON with the session's CSRF token (common.send); after a success the page
// renders again from the API. Nothing here reads or writes HTML.
import {
  api,
  attributeLabel,
  can,
  clear,
  codePointLength,
  codePointSlice,
  documentLink,
  el,
  eventTypeLabel,
  field,
  fmtDate,
  gradeLabel,
  incidentLink,
  loginLink,
  send,
  showError,
  sourceKindLabel,
  t,
  table,
} from "./common.js";
import { GRADES } from "./i18n.js";

// -- building blocks -------------------------------------------------------------------------

function rationale(id) {
  return field(id, t("rationale"), el("textarea", { id, name: "rationale", required: "required", maxlength: "5000", rows: "3" }));
}

function attributeSelect(id, attributes, { whole = false } = {}) {
  const select = el("select", { id, name: "attribute" });
  if (whole) select.append(el("option", { value: "" }, t("whole_incident")));
  for (const a of attributes) select.append(el("option", { value: a }, attributeLabel(a)));
  return select;
}

// Why a form is missing: the role it takes, and a sign-in link for a visitor.
export function needsRole(id, text, user) {
  return el("p", { className: "muted needs-role", id }, text, " ", user ? null : loginLink());
}

// A form that posts on submit, shows the API's error (message and hint) on failure, and
// hands the result to `saved` (which renders the page again) on success.
function form(id, title, controls, onSubmit, saved) {
  const status = el("div", { className: "form-status", role: "status" });
  const node = el(
    "form",
    { className: "review-form", id },
    el("h3", { text: title }),
    ...controls,
    el("div", { className: "buttons" }, el("button", { type: "submit", id: id + "-submit" }, title)),
    status,
  );
  node.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear(status);
    const button = node.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const result = await onSubmit(new FormData(node));
      await saved(result, id);
    } catch (err) {
      showError(status, err);
      button.disabled = false;
    }
  });
  return node;
}

const incidentUrl = (key, action) => `/api/incidents/${encodeURIComponent(key)}/${action}`;

// -- grades and values -------------------------------------------------------------------------

// `?evidence=SHA:START-END` (`:title` after it for a span of the title), as the document
// page's "use as evidence" link writes it.
export function parseEvidence(text) {
  const found = /^([0-9a-fA-F]{6,64}):(\d+)-(\d+)(?::(text|title))?$/.exec(text || "");
  if (!found) return null;
  return { document: found[1].toLowerCase(), start: Number(found[2]), end: Number(found[3]), field: found[4] || "text" };
}

const fetched = new Map(); // sha256 -> the promise of its document, once per page

function fetchDocument(sha) {
  if (!fetched.has(sha)) fetched.set(sha, api(`/api/documents/${sha}`));
  return fetched.get(sha);
}

// The passage a span names, cut from the document as the API will cut it.
function evidencePreview(box, key) {
  let asked = 0;
  return async ({ document, start, end, field: part }) => {
    const mine = ++asked;
    clear(box);
    const sha = document.trim().toLowerCase();
    const s = Number.parseInt(start, 10);
    const e = Number.parseInt(end, 10);
    if (!Number.isInteger(s) || !Number.isInteger(e) || !sha) return;
    if (!/^[0-9a-f]{64}$/.test(sha)) {
      box.append(el("p", { className: "hint", text: t("evidence_prefix") }));
      return;
    }
    let doc;
    try {
      doc = await fetchDocument(sha);
    } catch (err) {
      if (mine === asked) showError(box, err);
      return;
    }
    if (mine !== asked) return;
    const body = part === "title" ? doc.title || "" : doc.text;
    const length = codePointLength(body);
    if (!(s >= 0 && s < e && e <= length)) {
      box.append(el("p", { className: "hint", id: "correct-outside", text: t("span_outside", { start: s, end: e, field: t("field_" + part), length }) }));
      return;
    }
    box.append(
      el("div", { className: "muted", text: `${doc.source.name} — ${doc.title || sha.slice(0, 12)}` }),
      el("q", { className: "quote evidence", id: "correct-quoted", text: codePointSlice(body, s, e) }),
      documentLink({ document: sha, start: s, end: e, field: part }, t("see_in_document"), { incident: key }),
    );
  };
}

function correctForm(key, attributes, documents, evidence, saved) {
  const quote = el("div", { className: "evidence-box", id: "correct-evidence" });
  const inputs = {
    document: el("input", { id: "correct-document", name: "document", type: "text", required: "required", maxlength: "64", pattern: "[0-9a-fA-F]{6,64}", list: "correct-documents", autocomplete: "off", spellcheck: "false" }),
    start: el("input", { id: "correct-start", name: "start", type: "number", min: "0", step: "1", required: "required" }),
    end: el("input", { id: "correct-end", name: "end", type: "number", min: "1", step: "1", required: "required" }),
    field: el("select", { id: "correct-field", name: "field" }, el("option", { value: "text" }, t("field_text")), el("option", { value: "title" }, t("field_title"))),
  };
  const choices = el(
    "datalist",
    { id: "correct-documents" },
    ...documents.map((d) => el("option", { value: d.document, label: `${d.source.name} — ${d.title || d.document.slice(0, 12)}` })),
  );
  if (evidence) for (const name of Object.keys(inputs)) inputs[name].value = String(evidence[name]);
  const preview = evidencePreview(quote, key);
  const refresh = () => preview(Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value])));
  for (const input of Object.values(inputs)) input.addEventListener("change", refresh);
  if (evidence) refresh();
  const node = form(
    "correct",
    t("correct"),
    [
      el("p", { className: "hint", text: t("correct_hint") }),
      field("correct-attribute", t("attribute"), attributeSelect("correct-attribute", attributes)),
      field("correct-value", t("new_value"), el("input", { id: "correct-value", name: "value", type: "text", required: "required", maxlength: "2000" })),
      field("correct-document", t("evidence_document"), inputs.document),
      choices,
      el(
        "div",
        { className: "span-fields" },
        field("correct-start", t("evidence_start"), inputs.start),
        field("correct-end", t("evidence_end"), inputs.end),
        field("correct-field", t("evidence_field"), inputs.field),
      ),
      quote,
      rationale("correct-rationale"),
    ],
    (data) =>
      send("POST", incidentUrl(key, "correct"), {
        attribute: data.get("attribute"),
        value: data.get("value"),
        document: data.get("document").trim(),
        start: Number(data.get("start")),
        end: Number(data.get("end")),
        field: data.get("field"),
        rationale: data.get("rationale"),
      }),
    saved,
  );
  if (evidence) node.classList.add("from-evidence");
  return node;
}

// The review panel of grades and values: what the signed-in user's role allows, else how
// to get it. `documents` are the incident's sources (offered for the evidence span) and
// `evidence` a span chosen on a document page.
export function reviewPanel(claims, user, { key, documents, evidence, saved }) {
  const box = el("div", { className: "review", id: "review" });
  if (!can(user, "analyst")) {
    box.append(needsRole("review-needs-role", t("needs_role"), user));
    return box;
  }
  box.append(el("p", { className: "hint", text: t("review_hint") }));
  const attributes = (claims.attributes || []).map((a) => a.attribute); // none before assessment
  const forms = el("div", { className: "review-forms" });
  if (can(user, "reviewer") && claims.assessed) {
    const grades = el("select", { id: "regrade-grade", name: "grade" }, ...Object.keys(GRADES).map((g) => el("option", { value: g }, gradeLabel(g))));
    forms.append(
      form(
        "regrade",
        t("regrade"),
        [
          field("regrade-attribute", t("attribute"), attributeSelect("regrade-attribute", attributes)),
          field("regrade-grade", t("new_grade"), grades),
          rationale("regrade-rationale"),
        ],
        (data) => send("POST", incidentUrl(key, "regrade"), { attribute: data.get("attribute"), grade: data.get("grade"), rationale: data.get("rationale") }),
        saved,
      ),
    );
  }
  if (claims.assessed) {
    forms.append(
      form(
        "confirm",
        t("confirm"),
        [
          field("confirm-attribute", t("attribute"), attributeSelect("confirm-attribute", attributes)),
          field("confirm-value", t("value_optional"), el("input", { id: "confirm-value", name: "value", type: "text", maxlength: "2000" })),
          rationale("confirm-rationale"),
        ],
        (data) => send("POST", incidentUrl(key, "confirm"), { attribute: data.get("attribute"), value: data.get("value") || null, rationale: data.get("rationale") }),
        saved,
      ),
      correctForm(key, attributes, documents, evidence, saved),
    );
  }
  forms.append(
    form(
      "annotate",
      t("annotate"),
      [
        field("annotate-attribute", t("attribute"), attributeSelect("annotate-attribute", attributes, { whole: true })),
        field("annotate-note", t("note"), el("textarea", { id: "annotate-note", name: "note", required: "required", maxlength: "5000", rows: "3" })),
      ],
      (data) => send("POST", incidentUrl(key, "annotate"), { note: data.get("note"), attribute: data.get("attribute") || null }),
      saved,
    ),
  );
  box.append(forms);
  return box;
}

// -- grouping: the incident's mentions, split, move, merge ------------------------------------

function methodText(member) {
  if (member.method === "decision") return t("method_decision");
  return member.score === null || member.score === undefined ? t("method_auto") : t("method_score", { score: member.score.toFixed(2) });
}

// Every mention of the incident; an analyst ticks the ones to split out. The checkboxes
// belong to the split form through their `form` attribute, so the table stays one table.
function membersTable(incident, splitting) {
  const head = [splitting ? t("split_pick") : null, t("mention"), t("document"), t("source"), t("date"), t("place"), t("type"), t("grouped_by")];
  const rows = incident.members.map((m) =>
    el(
      "tr",
      { dataset: { mention: String(m.mention) } },
      splitting
        ? el(
            "td",
            {},
            el("input", { type: "checkbox", name: "mention", value: String(m.mention), form: "split", id: `split-${m.mention}`, "aria-label": `${t("mention")} ${m.mention}` }),
          )
        : null,
      el("td", { className: "num mention-id", text: String(m.mention) }),
      el("td", { className: "member-doc" }, documentLink({ document: m.document }, m.title || m.document.slice(0, 16) + "…", { incident: incident.key })),
      el("td", {}, m.source.name, el("span", { className: "muted", text: ` (${sourceKindLabel(m.source.kind)})` })),
      el("td", { className: "date", text: fmtDate(m.date) }),
      el("td", { text: m.place || "—" }),
      el("td", { text: eventTypeLabel(m.event_type) }),
      el("td", { className: "muted", text: methodText(m) }),
    ),
  );
  return el("div", { className: "scroll" }, table(head, rows, { className: "members-table", id: "members" }));
}

function splitForm(key, count, saved) {
  return form(
    "split",
    t("split"),
    [el("p", { className: "hint", text: t("split_hint") }), count, rationale("split-rationale")],
    (data) => {
      const mentions = data.getAll("mention").map(Number);
      if (!mentions.length) throw new Error(t("split_none"));
      return send("POST", incidentUrl(key, "split"), { mentions, rationale: data.get("rationale") });
    },
    saved,
  );
}

function moveForm(key, saved) {
  return form(
    "move",
    t("move"),
    [
      el("p", { className: "hint", text: t("move_hint") }),
      field("move-mention", t("mention_number"), el("input", { id: "move-mention", name: "mention", type: "number", min: "1", step: "1", required: "required" })),
      rationale("move-rationale"),
    ],
    (data) => send("POST", incidentUrl(key, "move"), { mention: Number(data.get("mention")), rationale: data.get("rationale") }),
    saved,
  );
}

function mergeForm(key, saved) {
  return form(
    "merge",
    t("merge"),
    [
      el("p", { className: "hint", text: t("merge_hint") }),
      field("merge-incidents", t("merge_keys"), el("input", { id: "merge-incidents", name: "incidents", type: "text", required: "required", maxlength: "3000", autocomplete: "off", spellcheck: "false", placeholder: "inc-…" })),
      rationale("merge-rationale"),
    ],
    (data) => {
      const incidents = data.get("incidents").split(/[\s,;]+/).filter(Boolean);
      if (!incidents.length) throw new Error(t("merge_none"));
      return send("POST", incidentUrl(key, "merge"), { incidents, rationale: data.get("rationale") });
    },
    saved,
  );
}

export function groupingPanel(incident, user, { saved, retired = false }) {
  const analyst = can(user, "analyst") && !retired;
  const box = el("div", { className: "grouping", id: "grouping" }, el("p", { className: "hint", text: t("members_hint") }), membersTable(incident, analyst));
  if (retired) return box;
  if (!analyst) {
    box.append(needsRole("grouping-needs-role", t("needs_analyst_grouping"), user));
    return box;
  }
  const count = el("p", { className: "hint", id: "split-count", text: t("split_checked", { n: 0 }) });
  const boxes = [...box.querySelectorAll('input[form="split"]')];
  for (const checkbox of boxes) {
    checkbox.addEventListener("change", () => {
      count.textContent = t("split_checked", { n: boxes.filter((b) => b.checked).length });
    });
  }
  box.append(el("div", { className: "review-forms" }, splitForm(incident.key, count, saved), moveForm(incident.key, saved), mergeForm(incident.key, saved)));
  return box;
}

// -- a source's affiliation (reviewer) --------------------------------------------------------

export function affiliationPanel(incident, user, { saved }) {
  if (!can(user, "reviewer")) return needsRole("affiliation-needs-role", t("needs_reviewer_affiliation"), user);
  const current = new Map(incident.sources.map((s) => [s.source.name, s.source.affiliation || ""]));
  const names = [...current.keys()].sort((a, b) => a.localeCompare(b));
  const select = el("select", { id: "affiliation-source", name: "source" }, ...names.map((n) => el("option", { value: n }, n)));
  const value = el("input", { id: "affiliation-value", name: "affiliation", type: "text", maxlength: "300" });
  const now = el("p", { className: "hint", id: "affiliation-current" });
  // The selected source's affiliation fills the field, so a reviewer edits it rather than
  // retyping it (and an untouched field keeps it).
  const showCurrent = () => {
    const affiliation = current.get(select.value) || "";
    value.value = affiliation;
    now.textContent = affiliation ? t("affiliation_current", { affiliation }) : t("affiliation_none");
  };
  select.addEventListener("change", showCurrent);
  showCurrent();
  return el(
    "div",
    { className: "review-forms single" },
    form(
      "affiliation",
      t("affiliation_title"),
      [
        el("p", { className: "hint", text: t("affiliation_hint") }),
        field("affiliation-source", t("source"), select),
        now,
        field("affiliation-value", t("affiliation_value"), value),
        rationale("affiliation-rationale"),
      ],
      (data) =>
        send("POST", `/api/sources/${encodeURIComponent(data.get("source"))}/affiliation`, {
          affiliation: data.get("affiliation").trim(),
          rationale: data.get("rationale"),
        }),
      saved,
    ),
  );
}

// -- what an action did ------------------------------------------------------------------------

// The note shown after a saved action: its audit entry or grouping decision, and the other
// incidents it touched (the new one of a split, the one a moved mention left).
export function savedNote(result, key) {
  const parts = [];
  if (result.entry !== undefined) parts.push(t("saved", { entry: result.entry }));
  else if (result.decision_id !== undefined) parts.push(t("saved_decision", { decision: result.decision_id }));
  if (result.source !== undefined) {
    parts.push(" ", result.affiliation ? t("affiliation_set", { source: result.source, affiliation: result.affiliation }) : t("affiliation_cleared", { source: result.source }));
  }
  const others = (result.incidents || []).filter((k) => k !== key);
  if (others.length) {
    parts.push(" ", t(result.action === "split" ? "new_incident" : "also_changed"), " ");
    others.forEach((other, i) => parts.push(i ? ", " : "", incidentLink(other, other)));
  }
  return el("p", { className: "saved", id: "review-saved", role: "status" }, ...parts);
}

// The review queue: open flags (new evidence disagrees with what a person decided) and new
// incidents no one has reviewed yet, each linking to its incident page.
import { api, attributeLabel, clear, el, eventTypeLabel, fmtDate, gradeBadge, header, incidentLink, panel, rerenderOn, showError, t, table } from "./common.js";

async function render() {
  header(t("review_queue"));
  document.title = `cotejo — ${t("review_queue")}`;
  const main = clear(document.getElementById("main"));
  let queue;
  try {
    queue = await api("/api/review/queue");
  } catch (err) {
    showError(main, err);
    document.body.dataset.state = "error";
    return;
  }
  const flags = queue.flags.length
    ? table(
        [t("incident"), t("attribute"), t("person_value"), t("machine_value"), t("raised")],
        queue.flags.map((f) =>
          el(
            "tr",
            { dataset: { key: f.incident } },
            el("td", {}, incidentLink(f.incident, f.incident)),
            el("td", { text: attributeLabel(f.attribute) }),
            el("td", { text: f.human_value ?? "—" }),
            el("td", {}, f.machine_value ?? "—", " ", gradeBadge(f.machine_grade)),
            el("td", { text: fmtDate(f.raised_at) }),
          ),
        ),
        { id: "flags" },
      )
    : el("p", { className: "muted", id: "no-flags", text: t("no_flags") });
  const fresh = table(
    [t("incident"), t("type"), t("date"), t("place"), t("documents"), t("grade"), t("created")],
    queue.new.map((n) =>
      el(
        "tr",
        { dataset: { key: n.incident } },
        el("td", {}, incidentLink(n.incident, n.incident)),
        el("td", { text: eventTypeLabel(n.event_type) }),
        el("td", { text: fmtDate(n.date) }),
        el("td", { text: n.place || "—" }),
        el("td", { className: "num", text: String(n.documents) }),
        el("td", {}, gradeBadge(n.grade, n.acknowledged)),
        el("td", { text: fmtDate(n.created_at) }),
      ),
    ),
    { id: "new-incidents" },
  );
  main.append(
    panel(t("flags"), el("p", { className: "hint", text: t("flags_hint") }), flags),
    panel(t("new_incidents"), queue.new.length ? fresh : el("p", { className: "muted", text: "—" })),
  );
  document.body.dataset.state = "ready";
}

rerenderOn(render);
render();

// Shared by every page: safe DOM building, URL state, API calls, the language switch.
//
// Text from sources is untrusted. Nothing here (or in any page script) assigns innerHTML:
// elements are built with createElement and filled with textContent, and links are only
// ever http(s) or same-origin paths.
import { EVENT_TYPES, GRADES, LABELS, LANGUAGES, PRECISIONS, ROLES, SOURCE_KINDS, STANCES, USER_ROLES } from "./i18n.js";

// -- URL state ---------------------------------------------------------------------------

export function params() {
  return new URLSearchParams(window.location.search);
}

export function setParams(changes, { push = true } = {}) {
  const next = params();
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(name);
    else next.set(name, String(value));
  }
  const query = next.toString();
  const url = window.location.pathname + (query ? "?" + query : "");
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

// -- language ----------------------------------------------------------------------------

export function lang() {
  const chosen = params().get("lang");
  if (chosen === "en" || chosen === "es") return chosen;
  return (navigator.language || "en").toLowerCase().startsWith("es") ? "es" : "en";
}

export function t(key, values = {}) {
  let text = (LABELS[lang()] || LABELS.en)[key] ?? LABELS.en[key] ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replace(`{${name}}`, value);
  return text;
}

// A label for a count: `KEY_one` when n is 1 and that label exists, else KEY; {n} is n.
export function tn(key, n, values = {}) {
  const labels = LABELS[lang()] || LABELS.en;
  return t(n === 1 && labels[key + "_one"] !== undefined ? key + "_one" : key, { n, ...values });
}

function pick(pairs, value) {
  const pair = pairs[value];
  return pair ? pair[lang() === "es" ? 1 : 0] : value ?? "";
}

export const eventTypeLabel = (value) => pick(EVENT_TYPES, value);
export const sourceKindLabel = (value) => pick(SOURCE_KINDS, value);
export const languageLabel = (value) => pick(LANGUAGES, value);
export const precisionLabel = (value) => pick(PRECISIONS, value);
export const stanceLabel = (value) => pick(STANCES, value);
export const roleLabel = (value) => pick(ROLES, value);
export const gradeLabel = (value) => (value && value !== "ungraded" ? pick(GRADES, value) : t("not_graded"));
export const userRoleLabel = (value) => pick(USER_ROLES, value);

export function attributeLabel(attribute) {
  const label = t("attr_" + attribute);
  return label === "attr_" + attribute ? attribute : label;
}

// A value as a reading shows it: an event type by its label, anything else as it is.
export function readingLabel(attribute, label) {
  return attribute === "event_type" ? eventTypeLabel(label) : label;
}

// The class that colours a grade (badges and chips).
export function gradeClass(grade) {
  return grade ? "g-" + grade : "ungraded";
}

// A grade as a coloured badge: "corroborated + acknowledged".
export function gradeBadge(grade, acknowledged = false, extra = {}) {
  const text = gradeLabel(grade) + (grade && acknowledged ? " + " + t("acknowledged") : "");
  return el("span", { className: "grade " + gradeClass(grade), ...extra }, text);
}

// -- safe DOM ----------------------------------------------------------------------------

// el("a", {href: "/x", className: "c"}, "text", child): never parses HTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name === "href") {
      const safe = safeHref(value);
      if (safe) node.setAttribute("href", safe);
    } else if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      for (const [k, v] of Object.entries(value)) node.dataset[k] = v;
    } else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only http(s) URLs and paths of this site become links; javascript:, data: and the rest
// do not.
function safeHref(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value, window.location.origin);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (_err) {
    return null;
  }
  return null;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// -- page pieces -------------------------------------------------------------------------

// A panel of the page: a section headed by `title` (none when null). `title` may also be
// {title, id, className, ...}: attributes of the section, its class added to "panel".
export function panel(title, ...children) {
  const { title: heading = null, className = "", ...attrs } = title !== null && typeof title === "object" ? title : { title };
  return el("section", { className: className ? "panel " + className : "panel", ...attrs }, heading === null ? null : el("h2", { text: heading }), ...children);
}

// A table with a header row of `headers` (null ones left out) and `rows` as its body.
export function table(headers, rows, attrs = {}) {
  return el(
    "table",
    attrs,
    el("thead", {}, el("tr", {}, ...headers.filter((h) => h !== null).map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows),
  );
}

// A form control with its label.
export function field(id, label, control) {
  return el("label", { className: "field", for: id }, el("span", { text: label }), control);
}

// A link to a source's own URL: shown as text, a link only when it is http(s).
export function externalLink(url) {
  if (!url) return el("span", { className: "muted", text: "—" });
  const safe = safeHref(url);
  if (!safe || new URL(safe).origin === window.location.origin) {
    return el("span", { className: "unsafe-url", text: url });
  }
  return el("a", { href: safe, rel: "noopener noreferrer nofollow", target: "_blank" }, url);
}

// -- API -------------------------------------------------------------------------------

export class ApiError extends Error {
  constructor(status, message, hint) {
    super(message);
    this.status = status;
    this.hint = hint;
  }
}

export async function api(path, query = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, value);
  }
  const url = path + (search.toString() ? "?" + search : "");
  return answer(await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }));
}

// The headers of a write: `headers` and the CSRF token of the signed-in session.
async function writeHeaders(headers) {
  const account = await me();
  return account && account.csrf_token ? { ...headers, "X-CSRF-Token": account.csrf_token } : headers;
}

// A write: JSON in and out, with the CSRF token of the signed-in session.
export async function send(method, path, body = null) {
  const headers = await writeHeaders(body === null ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" });
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === null ? undefined : JSON.stringify(body),
  });
  return answer(response);
}

// An upload: one file's raw bytes as the body (`path` carries its name), with the CSRF
// token of the signed-in session.
export async function sendBytes(path, blob) {
  const headers = await writeHeaders({ Accept: "application/json", "Content-Type": "application/octet-stream" });
  return answer(await fetch(path, { method: "POST", headers, credentials: "same-origin", body: blob }));
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (_err) {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      (body && body.message) || response.statusText,
      (body && body.hint) || "",
    );
  }
  return body;
}

export function showError(container, err) {
  container.append(
    el(
      "div",
      { className: "error", role: "alert" },
      el("strong", { text: t("error") + ": " }),
      err.message || String(err),
      err.hint ? el("div", { className: "hint", text: err.hint }) : null,
    ),
  );
}

// -- who is signed in -------------------------------------------------------------------

let account = null; // a promise of GET /api/me, fetched once per page

export function me({ fresh = false } = {}) {
  if (!account || fresh) account = api("/api/me").catch(() => null);
  return account;
}

// Whether the signed-in user holds `role` (roles include the ones below them).
export function can(user, role) {
  return Boolean(user && user.roles && user.roles.includes(role));
}

function accountBox() {
  const box = el("nav", { className: "account", id: "account", "aria-label": t("account") });
  me().then((user) => {
    clear(box);
    if (!user) {
      if (window.location.pathname === "/login") return;
      box.append(loginLink({ id: "sign-in" }));
      return;
    }
    box.append(
      el("span", { className: "who", id: "who" }, user.name, el("span", { className: "role", text: ` (${userRoleLabel(user.role)})` })),
    );
    if (user.via === "session") {
      box.append(
        el("button", {
          type: "button",
          id: "sign-out",
          onclick: async () => {
            try {
              await send("POST", "/api/logout");
            } finally {
              await me({ fresh: true });
              window.dispatchEvent(new Event("cotejo:account"));
            }
          },
        }, t("sign_out")),
      );
    }
  });
  return box;
}

// -- page chrome -----------------------------------------------------------------------

export function header(title) {
  const bar = document.getElementById("header");
  clear(bar);
  const switcher = el("nav", { className: "lang", "aria-label": "language / idioma" });
  for (const code of ["en", "es"]) {
    switcher.append(
      el(
        "button",
        {
          type: "button",
          className: code === lang() ? "active" : "",
          "aria-pressed": code === lang() ? "true" : "false",
          dataset: { lang: code },
          onclick: () => {
            setParams({ lang: code }, { push: false });
            window.dispatchEvent(new Event("cotejo:lang"));
          },
        },
        code.toUpperCase(),
      ),
    );
  }
  const pages = el(
    "nav",
    { className: "pages", "aria-label": t("pages") },
    el("a", { href: "/?" + langQuery(), text: t("incidents") }),
    el("a", { href: "/review?" + langQuery(), id: "nav-review", text: t("review_queue") }),
  );
  me().then((user) => {
    if (can(user, "analyst")) pages.append(el("a", { href: "/upload?" + langQuery(), id: "nav-upload", text: t("upload_nav") }));
  });
  bar.append(
    el(
      "div",
      { className: "brand" },
      el("a", { href: "/?" + langQuery(), className: "logo", text: t("title") }),
      el("span", { className: "tagline", text: t("tagline") }),
    ),
    el("h1", { text: title || "" }),
    pages,
    accountBox(),
    switcher,
  );
  document.documentElement.lang = lang();
}

export function langQuery() {
  return "lang=" + lang();
}

export function fmtFigure(figure) {
  if (!figure || figure.value === null || figure.value === undefined) return "—";
  const { value, low, high } = figure;
  if (high === null || high === undefined) return low !== value ? `${value} (${low}+)` : `${value}+`;
  return low === high ? String(value) : `${value} (${low}–${high})`;
}

export function fmtDate(value) {
  return value ? String(value).slice(0, 10) : "—";
}

// A link to a document (`span.document`), with its span highlighted when `span` has one.
// From an incident page (`incident`), the document page offers a selected passage as
// evidence for it. `attrs` are the link's own (className, id, onclick).
export function documentLink(span, label, { incident = null, ...attrs } = {}) {
  const query = new URLSearchParams({ sha: span.document, lang: lang() });
  if (span.start !== undefined && span.start !== null) {
    query.set("start", span.start);
    query.set("end", span.end);
    query.set("field", span.field || "text");
  }
  if (incident) query.set("incident", incident);
  return el("a", { href: "/document?" + query, ...attrs }, label);
}

// Offsets into a document's text are Python string indices: they count code points, where
// JavaScript strings count UTF-16 units (an emoji is one character to the API, two here).
export function codePointLength(text) {
  return Array.from(text || "").length;
}

export function codePointSlice(text, start, end) {
  return Array.from(text || "").slice(start, end).join("");
}

// Markers and list dots take the colour of the incident's headline grade.
export function markerClass(incident) {
  return "mk " + (incident.grade ? "g-" + incident.grade : "g-none");
}

export function incidentLink(key, label, attrs = {}) {
  return el("a", { href: `/incident?key=${encodeURIComponent(key)}&${langQuery()}`, ...attrs }, label);
}

// "Sign in", back to this page afterwards.
export function loginLink(attrs = {}) {
  const next = window.location.pathname + window.location.search;
  return el("a", { href: `/login?${new URLSearchParams({ next, lang: lang() })}`, ...attrs }, t("sign_in"));
}

// Pages render again on back/forward, on the language switch, and on signing out.
export function rerenderOn(render) {
  for (const name of ["popstate", "cotejo:lang", "cotejo:account"]) window.addEventListener(name, render);
}

// Signing in: a user name and a password; the API answers with a session cookie (HttpOnly,
// SameSite=Strict) and the page goes back where it came from (?next=, a path of this site).
import { clear, el, field, header, lang, me, panel, params, rerenderOn, send, showError, t, userRoleLabel } from "./common.js";

// Only a path of this site, never another origin: ?next= comes from the URL.
function nextPath() {
  const next = params().get("next") || "/";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

async function render() {
  header(t("sign_in"));
  document.title = `cotejo — ${t("sign_in")}`;
  const main = clear(document.getElementById("main"));
  const user = await me();
  const status = el("div", { id: "login-status", role: "status" });
  if (user) {
    status.append(el("p", { text: t("signed_in_as", { name: user.name, role: userRoleLabel(user.role) }) }), el("p", {}, el("a", { href: nextPath(), text: "→ " + nextPath() })));
  }
  const form = el(
    "form",
    // method=post: were the script not to run, the password would still never go in a URL.
    { className: "login-form", id: "login-form", method: "post", action: "/api/login" },
    field("username", t("username"), el("input", { id: "username", name: "username", type: "text", autocomplete: "username", required: "required", maxlength: "100" })),
    field("password", t("password"), el("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: "required", maxlength: "1024" })),
    el("div", { className: "buttons" }, el("button", { type: "submit", id: "login-submit" }, t("sign_in"))),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear(status);
    const data = new FormData(form);
    try {
      await send("POST", "/api/login", { username: data.get("username"), password: data.get("password") });
      // The page is replaced: the next one asks who is signed in.
      const next = new URL(nextPath(), window.location.origin);
      if (!next.searchParams.get("lang")) next.searchParams.set("lang", lang());
      window.location.assign(next.pathname + next.search);
    } catch (err) {
      showError(status, err);
    }
  });
  main.append(panel({ title: t("sign_in"), className: "narrow" }, form, el("p", { className: "hint", text: t("login_hint") }), status));
  document.body.dataset.state = "ready";
}

rerenderOn(render);
render();

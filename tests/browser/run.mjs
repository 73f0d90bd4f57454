// Browser scenarios for cotejo's web UI, driven by playwright-core in Debian's chromium.
//
//   node tests/browser/run.mjs SCENARIO BASE_URL OUT_DIR '{"json": "args"}'
//
// pytest (tests/test_browser.py) starts the server and runs one scenario per test. A
// scenario prints one JSON line of findings and exits 0, or prints why it failed and exits
// 1. Every page load also fails the scenario on a page error, a dialog (alert/confirm), a
// Content-Security-Policy violation, or `window.__xss` being set by injected markup.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [scenario, base, outDir, rawArgs] = process.argv.slice(2);
const args = rawArgs ? JSON.parse(rawArgs) : {};
const executablePath = process.env.COTEJO_CHROMIUM || "/usr/bin/chromium";
mkdirSync(outDir, { recursive: true });

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}

const problems = [];
// HTTP errors a scenario expects (and checks the page explains); any other is a problem.
const expectedStatuses = new Set([401, 404]);

async function open(page, path) {
  await page.goto(base + path, { waitUntil: "load" });
  await page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state), null, { timeout: 15000 });
  return page;
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.state === "ready");
}

// Switch the page to Spanish with the header's button; it is drawn again in place.
async function toSpanish(page) {
  await page.locator('header .lang button[data-lang="es"]').click();
  await page.waitForFunction(() => document.body.dataset.state === "ready" && document.documentElement.lang === "es");
}

async function shot(page, name, fullPage = true) {
  const path = join(outDir, name + ".png");
  await page.screenshot({ path, fullPage });
  return path;
}

async function shotOf(locator, name) {
  const path = join(outDir, name + ".png");
  await locator.screenshot({ path });
  return path;
}

async function assertInert(page, where) {
  const state = await page.evaluate(() => ({
    xss: window.__xss ?? null,
    onerror: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    scripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href"))).length,
    injectedImgs: [...document.querySelectorAll("img")].filter((i) => !i.closest(".leaflet-container")).length,
  }));
  check(state.xss === null, `${where}: injected script ran (window.__xss = ${state.xss})`);
  check(state.onerror === 0, `${where}: ${state.onerror} element(s) with inline event handlers`);
  check(state.scripts === 0, `${where}: ${state.scripts} inline <script> element(s) in the DOM`);
  check(state.jsLinks === 0, `${where}: ${state.jsLinks} javascript: link(s)`);
  check(state.injectedImgs === 0, `${where}: ${state.injectedImgs} <img> element(s) outside the map`);
  return state;
}

// Sign in on the login page and land on `next` (a path of the site).
async function signIn(page, user, password, next) {
  await open(page, `/login?${new URLSearchParams({ next, lang: "en" })}`);
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click("#login-submit");
  const target = new URL(next, base).pathname;
  await page.waitForURL((url) => url.pathname === target);
  await ready(page);
  await page.waitForSelector("#who");
}

// Select `phrase` in the document's text with the mouse, as a person would: press before
// its first character, drag to after its last.
async function selectWithMouse(page, phrase) {
  const rects = await page.evaluate((wanted) => {
    const box = document.getElementById("doctext");
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const all = [...range.getClientRects()];
      return { first: all[0].toJSON(), last: all[all.length - 1].toJSON() };
    }
    return null;
  }, phrase);
  check(rects, `${JSON.stringify(phrase)} is not in the document's text`);
  await page.mouse.move(rects.first.left + 1, rects.first.top + rects.first.height / 2);
  await page.mouse.down();
  await page.mouse.move(rects.last.right - 1, rects.last.top + rects.last.height / 2, { steps: 8 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection().toString());
  check(selected === phrase, `the mouse selected ${JSON.stringify(selected)}, not ${JSON.stringify(phrase)}`);
  await page.waitForSelector("#selection:not([hidden])");
}

const scenarios = {
  // The map loads with markers (clustered), the list and the timeline render.
  async map(page) {
    await open(page, "/?lang=en");
    await page.waitForSelector(".leaflet-marker-icon", { timeout: 15000 });
    const markers = await page.locator(".leaflet-marker-icon").count();
    const plotted = Number(await page.locator("#map").getAttribute("data-markers"));
    const rows = await page.locator("#list tbody tr").count();
    const bars = await page.locator("#timeline rect.bar").count();
    const countries = await page.locator(".leaflet-overlay-pane path").count();
    check(markers > 0, "no marker or cluster icon on the map");
    check(plotted >= args.min_markers, `only ${plotted} incidents plotted, expected ${args.min_markers}+`);
    check(rows === args.incidents, `list shows ${rows} rows, expected ${args.incidents}`);
    check(bars > 0, "the timeline has no bars");
    check(countries > 50, `only ${countries} country shapes drawn`);
    // Markers and list dots take the headline grade's colour; the legend says what each means.
    const legend = await page.locator("#legend .legend-item").allTextContents();
    check(legend.length === 5 && legend.includes("corroborated") && legend.includes("not graded"), `legend: ${legend}`);
    const graded = await page.locator(".leaflet-marker-icon.g-corroborated, .leaflet-marker-icon.g-contested, .leaflet-marker-icon.g-single-origin, .mk-cluster.g-corroborated, .mk-cluster.g-contested").count();
    check(graded > 0, "no marker coloured by grade");
    const badges = await page.locator("#list tbody .grade").allTextContents();
    check(badges.length === rows && badges.some((b) => b.startsWith("corroborated")), `grades in the list: ${badges}`);
    // The grade filter keeps only incidents of that grade (the state goes to the URL).
    await page.selectOption("#f-grade", "contested");
    await page.click("#apply");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("grade") === "contested" && document.body.dataset.state === "ready");
    const contested = await page.locator("#list tbody .grade").allTextContents();
    check(contested.length > 0 && contested.length < rows && contested.every((b) => b.startsWith("contested")), `grade filter: ${contested}`);
    await open(page, "/?lang=es");
    await page.waitForSelector(".leaflet-marker-icon", { timeout: 15000 });
    const leyenda = await page.locator("#legend").textContent();
    check(leyenda.includes("Calificación principal") && leyenda.includes("corroborada"), `Spanish legend: ${leyenda}`);
    const screenshot_es = await shot(page, "map-es");
    await open(page, "/?lang=en");
    await page.waitForSelector(".leaflet-marker-icon", { timeout: 15000 });
    return { markers, plotted, rows, bars, countries, legend, screenshot: await shot(page, "map"), screenshot_es };
  },

  // Dragging across part of the timeline sets a date range in the URL and the list shrinks.
  async brush(page) {
    await open(page, "/?lang=en");
    const before = await page.locator("#list tbody tr").count();
    const box = await page.locator("#timeline svg.histogram").boundingBox();
    check(box, "no timeline");
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * args.from, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * ((args.from + args.to) / 2), y, { steps: 5 });
    await page.mouse.move(box.x + box.width * args.to, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("date_from") && document.body.dataset.state === "ready");
    const after = await page.locator("#list tbody tr").count();
    const url = new URL(page.url());
    check(after < before, `the list did not shrink: ${before} rows before brushing, ${after} after`);
    check(after > 0, "brushing emptied the list");
    const dates = await page.locator("#list tbody tr td:first-child").allTextContents();
    const from = url.searchParams.get("date_from");
    const to = url.searchParams.get("date_to");
    check(dates.every((d) => d >= from && d <= to || d === "—"), `rows outside ${from}..${to}: ${dates}`);
    // The state is in the URL: reloading it shows the same list.
    await open(page, url.pathname + url.search);
    const reloaded = await page.locator("#list tbody tr").count();
    check(reloaded === after, `reloading the brushed URL shows ${reloaded} rows, not ${after}`);
    return { before, after, date_from: from, date_to: to, screenshot: await shot(page, "brushed") };
  },

  // From the list to an incident page: canonical values, sources, statements.
  async incident(page) {
    await open(page, "/?lang=en");
    const link = page.locator(`#list tr[data-key="${args.key}"] a`).first();
    await link.click();
    await page.waitForURL(/\/incident\?/);
    await ready(page);
    const attributes = await page.locator(".canonical-table tbody th").allTextContents();
    const sources = await page.locator(".sources-table tbody tr").count();
    const statements = await page.locator(".statements tbody tr").count();
    const grade = await page.locator("#grade").textContent();
    check(attributes.filter(Boolean).length >= 3, `canonical table rows: ${attributes}`);
    check(sources === args.documents, `${sources} sources listed, expected ${args.documents}`);
    check(statements > 0, "no statements");
    // The claims table: one row per origin (the acting party first), one column per attribute,
    // each value a link to its passage; official next to independent figures.
    const origins = await page.locator("#claims-table tbody tr").count();
    const acting = await page.locator("#claims-table tbody tr").first().getAttribute("class");
    const claimLinks = await page.locator("#claims-table a.claim-link").count();
    const columns = await page.locator("#claims-table thead th[data-attribute]").evaluateAll((ths) => ths.map((th) => th.dataset.attribute));
    const figures = await page.locator(".figures-table tbody tr").count();
    const why = await page.locator("#headline-why").textContent();
    check(origins >= 3 && acting === "acting", `claims table: ${origins} origin rows, first row class ${acting}`);
    check(claimLinks >= origins, `only ${claimLinks} value links`);
    check(columns.includes("killed") && columns.includes("affiliation"), `claims columns: ${columns}`);
    check(figures >= 1, "no official/independent figures");
    check(why.includes("rule"), `headline explanation: ${why}`);
    const screenshot = await shot(page, "incident", false);
    await shot(page, "incident-full");
    // The Spanish switch relabels the page.
    await toSpanish(page);
    const heading = await page.locator("main h2").first().textContent();
    check(heading === "Afirmaciones: quién dice qué, y con qué respaldo", `Spanish heading is ${heading}`);
    const claimsEs = await page.locator("#claims-table thead th").first().textContent();
    check(claimsEs === "Origen", `Spanish claims table header: ${claimsEs}`);
    return { attributes, sources, statements, grade, origins, claimLinks, figures, screenshot, screenshot_es: await shot(page, "incident-es") };
  },

  // Follow a canonical value to its source: the document page highlights exactly that span.
  async span(page) {
    await open(page, `/incident?key=${args.key}&lang=en`);
    const link = page.locator(".canonical-table a.value-link").first();
    const quoted = await page.locator(".canonical-table q.quote").first().textContent();
    await link.click();
    await page.waitForURL(/\/document\?/);
    await ready(page);
    const url = new URL(page.url());
    const marked = await page.locator("#highlight").textContent();
    check(marked === quoted, `highlighted ${JSON.stringify(marked)}, the incident page quoted ${JSON.stringify(quoted)}`);
    const visible = await page.locator("#highlight").isVisible();
    check(visible, "the highlighted span is not visible");
    const sha = await page.locator("#sha256").textContent();
    check(sha === url.searchParams.get("sha"), "the page shows another document's SHA-256");
    const download = await page.locator("#download").getAttribute("href");
    check(download.endsWith(`/api/documents/${sha}/original`), `download link ${download}`);
    // A value in the claims table leads to its passage too.
    await open(page, `/incident?key=${args.key}&lang=en`);
    const claim = page.locator("#claims-table a.claim-link").nth(1);
    await claim.click();
    await page.waitForURL(/\/document\?/);
    await ready(page);
    const claimUrl = new URL(page.url());
    check(claimUrl.searchParams.get("start") !== null, `claim link without a span: ${claimUrl}`);
    check(await page.locator("#highlight").isVisible(), "the claim's span is not highlighted");
    return { marked, start: url.searchParams.get("start"), end: url.searchParams.get("end"), screenshot: await shot(page, "document") };
  },

  // A reviewer signs in, regrades an attribute with a rationale, and finds the entry in the
  // incident's history; the review queue lists incidents; signing out hides the actions.
  async review(page) {
    await open(page, `/incident?key=${args.key}&lang=en`);
    check(await page.locator("#review-needs-role").isVisible(), "review actions shown to an anonymous visitor");
    check((await page.locator("#regrade").count()) === 0, "the regrade form is there without signing in");
    await page.click("#sign-in");
    await page.waitForURL(/\/login\?/);
    await ready(page);
    await page.fill("#username", args.user);
    await page.fill("#password", "wrong password!");
    await page.click("#login-submit");
    await page.waitForSelector("#login-status .error");
    const refused = await page.locator("#login-status .error").textContent();
    check(refused.includes("wrong user name or password"), `a wrong password says: ${refused}`);
    await page.fill("#password", args.password);
    await shot(page, "login");
    await page.click("#login-submit");
    await page.waitForURL(/\/incident\?/);
    await ready(page);
    await page.waitForSelector("#who");
    const who = await page.locator("#who").textContent();
    check(who.startsWith(args.user), `signed in as ${who}`);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "cotejo_session");
    check(session && session.httpOnly && session.sameSite === "Strict", `session cookie: ${JSON.stringify(session)}`);
    check(await page.evaluate(() => document.cookie.includes("cotejo_session")) === false, "the session cookie is readable by scripts");
    await page.selectOption("#regrade-attribute", args.attribute);
    await page.selectOption("#regrade-grade", args.grade);
    await page.fill("#regrade-rationale", args.rationale);
    await page.click("#regrade-submit");
    await page.waitForSelector("#review-saved");
    await ready(page);
    const saved = await page.locator("#review-saved").textContent();
    const header = await page.locator(`#claims-table thead th[data-attribute="${args.attribute}"] .grade`).textContent();
    check(header.startsWith(args.grade), `after the regrade the ${args.attribute} column shows ${header}`);
    const regrade = await page.locator(`.explanation[data-attribute="${args.attribute}"] .regrade`).textContent();
    check(regrade.includes(args.rationale) && regrade.includes(args.user), `regrade note: ${regrade}`);
    await page.locator("#review").scrollIntoViewIfNeeded();
    const reviewShot = await shot(page, "incident-review", false);
    await page.click("#history-link");
    await page.waitForURL(/\/history\?/);
    await ready(page);
    const last = page.locator("#history tbody tr.review-entry").last();
    const entry = {
      what: await last.locator("td.what").textContent(),
      by: await last.locator("td.by").textContent(),
      rationale: await last.locator("td.rationale").textContent(),
    };
    check(entry.what.startsWith("regraded") && entry.by === args.user && entry.rationale === args.rationale, `history entry: ${JSON.stringify(entry)}`);
    const historyShot = await shot(page, "history");
    await toSpanish(page);
    const que = await page.locator("#history thead th").first().textContent();
    check(que === "Cuándo", `Spanish history header: ${que}`);
    const historyEs = await shot(page, "history-es");
    await page.click("#nav-review");
    await page.waitForURL(/\/review\?/);
    await ready(page);
    const queued = await page.locator("#new-incidents tbody tr").count();
    check(queued > 0, "the review queue lists no new incident");
    const queueShot = await shot(page, "review-queue");
    await page.click("#sign-out");
    await page.waitForSelector("#sign-in");
    return { saved, entry, queued, screenshots: [reviewShot, historyShot, historyEs, queueShot] };
  },

  // A document full of markup renders inert on every page that shows its text.
  async xss(page) {
    const pages = [
      ["/?lang=en", "home"],
      ["/?lang=en&q=Maracaibo", "search"],
      [`/incident?key=${args.key}&lang=en`, "incident"],
      [`/document?sha=${args.sha}&lang=en`, "document"],
      [`/document?sha=${args.sha}&start=0&end=40&field=text&lang=es`, "document-span"],
      [`/history?key=${args.key}&lang=en`, "history"],
      ["/review?lang=en", "review"],
      ["/login?lang=en&next=javascript:alert(1)", "login"],
    ];
    const seen = {};
    for (const [path, name] of pages) {
      await open(page, path);
      check(await page.evaluate(() => document.body.dataset.state) === "ready", `${name}: did not load`);
      await page.waitForTimeout(300); // give any injected handler (img onerror) time to fire
      seen[name] = await assertInert(page, name);
      if (!["home", "review", "login", "history"].includes(name)) {
        const text = await page.locator("body").textContent();
        check(text.includes(args.visible), `${name}: the markup is not shown as text (${JSON.stringify(args.visible)} missing)`);
      }
      seen[name].screenshot = await shot(page, "xss-" + name);
    }
    // The unsafe URL is shown as text, never as a link.
    await open(page, `/document?sha=${args.sha}&lang=en`);
    const unsafe = await page.locator(".unsafe-url").allTextContents();
    check(unsafe.some((u) => u.startsWith("javascript:")), `javascript: URL not shown as plain text: ${unsafe}`);
    // Clicking every link of the document page runs nothing.
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    check(hrefs.every((h) => h.startsWith("/") || h.startsWith("http")), `odd links: ${hrefs}`);
    // A hostile note, rationale and user name show as text in the history and on the incident.
    await open(page, `/history?key=${args.key}&lang=en`);
    const history = await page.locator("#history").textContent();
    check(history.includes(args.note) && history.includes(args.author), `history lacks the hostile note or author as text`);
    await open(page, `/incident?key=${args.key}&lang=en`);
    const notes = await page.locator("#notes").textContent();
    check(notes.includes(args.note), "the incident's notes lack the hostile note as text");
    // Search hits mark the words found, and the markup around them stays text.
    await open(page, "/?lang=en&q=Maracaibo");
    const marks = await page.locator("#hits mark").allTextContents();
    check(marks.some((m) => m.toLowerCase() === "maracaibo"), `search hits not marked: ${marks}`);
    // The language switch draws again from what is loaded; a filter fetches the incidents
    // again, never the search, which depends on `q` alone.
    const asked = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/api/")) asked.push(pathname);
    });
    await toSpanish(page);
    const marksEs = await page.locator("#hits mark").allTextContents();
    check(asked.length === 0 && JSON.stringify(marksEs) === JSON.stringify(marks), `the language switch asked ${asked}; hits marked ${marksEs}`);
    await page.click("#apply");
    await ready(page);
    check(asked.includes("/api/incidents") && !asked.includes("/api/search"), `applying the filters asked ${asked}`);
    check((await page.locator("#hits mark").count()) === marks.length, "applying the filters dropped the search hits");
    return seen;
  },

  // Without the role there is no write form: a visitor and a viewer are told which role
  // each action takes (a visitor with a sign-in link); the mentions show, without checkboxes.
  async readonly(page) {
    const forms = async () => ({
      forms: await page.locator("form.review-form").count(),
      checkboxes: await page.locator('input[form="split"]').count(),
      members: await page.locator("#members tbody tr").count(),
      why: await page.locator(".needs-role").evaluateAll((ps) => ps.map((p) => ({ id: p.id, signIn: Boolean(p.querySelector('a[href*="/login?"]')) }))),
    });
    const expectedWhy = ["review-needs-role", "grouping-needs-role", "affiliation-needs-role"];
    await open(page, `/incident?key=${args.key}&evidence=${args.evidence}&lang=en`);
    const visitor = await forms();
    check(visitor.forms === 0 && visitor.checkboxes === 0, `a visitor sees ${visitor.forms} form(s), ${visitor.checkboxes} checkbox(es)`);
    check(visitor.members > 1, `the mentions table has ${visitor.members} rows`);
    check(JSON.stringify(visitor.why.map((w) => w.id)) === JSON.stringify(expectedWhy) && visitor.why.every((w) => w.signIn), `a visitor is told: ${JSON.stringify(visitor.why)}`);
    // The document page shows a selection's offsets to anyone, the evidence link only to analysts.
    await open(page, `/document?sha=${args.sha}&incident=${args.key}&lang=es`);
    await selectWithMouse(page, args.phrase);
    const offsets = await page.locator("#selection-offsets").textContent();
    check(offsets.startsWith("Selección: caracteres"), `Spanish selection bar: ${offsets}`);
    check((await page.locator("a.use-evidence").count()) === 0, "a visitor is offered to use a selection as evidence");
    const selectionShot = await shot(page, "document-selection-es", false);
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&evidence=${args.evidence}&lang=es`);
    const viewer = await forms();
    check(viewer.forms === 0 && viewer.checkboxes === 0, `a viewer sees ${viewer.forms} form(s), ${viewer.checkboxes} checkbox(es)`);
    check(JSON.stringify(viewer.why.map((w) => w.id)) === JSON.stringify(expectedWhy) && viewer.why.every((w) => !w.signIn), `a viewer is told: ${JSON.stringify(viewer.why)}`);
    const told = await page.locator("#grouping-needs-role").textContent();
    check(told.includes("analista"), `Spanish role note: ${told}`);
    await page.locator("#grouping").scrollIntoViewIfNeeded();
    return { visitor, viewer, screenshots: [selectionShot, await shot(page, "incident-viewer-es", false)] };
  },

  // An analyst opens a document from the incident page, selects a passage with the mouse,
  // follows "use as evidence" and submits a correction; the history shows its span.
  async correct(page) {
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&lang=en`);
    await page.locator(`.sources-table a[href*="sha=${args.sha}"]`).click();
    await page.waitForURL((url) => url.pathname === "/document");
    await ready(page);
    check(new URL(page.url()).searchParams.get("incident") === args.key, `the document page does not know its incident: ${page.url()}`);
    await selectWithMouse(page, args.phrase);
    const offsets = await page.locator("#selection-offsets").evaluate((node) => ({ ...node.dataset, text: node.textContent }));
    const selectionShot = await shot(page, "document-selection", false);
    await page.locator(`a.use-evidence[data-incident="${args.key}"]`).click();
    await page.waitForURL((url) => url.pathname === "/incident");
    await ready(page);
    await page.waitForSelector("#correct-quoted");
    const quoted = await page.locator("#correct-quoted").textContent();
    check(quoted === args.phrase, `the correct form quotes ${JSON.stringify(quoted)}`);
    const filled = {
      document: await page.inputValue("#correct-document"),
      start: await page.inputValue("#correct-start"),
      end: await page.inputValue("#correct-end"),
      field: await page.inputValue("#correct-field"),
    };
    check(filled.document === args.sha && filled.start === offsets.start && filled.end === offsets.end && filled.field === "text", `the form holds ${JSON.stringify(filled)}, the selection was ${JSON.stringify(offsets)}`);
    await page.selectOption("#correct-attribute", args.attribute);
    await page.fill("#correct-value", args.value);
    await page.fill("#correct-rationale", args.rationale);
    const formShot = await shotOf(page.locator("#correct"), "correct-form");
    await page.click("#correct-submit");
    await page.waitForSelector("#review-saved");
    await ready(page);
    const saved = await page.locator("#review-saved").textContent();
    check(saved.startsWith("Saved as audit entry"), `after correcting: ${saved}`);
    check(!new URL(page.url()).searchParams.has("evidence"), "the evidence stays in the URL after it was used");
    // Typing an impossible span by hand says why before sending anything.
    await page.fill("#correct-document", args.sha);
    await page.fill("#correct-start", "0");
    await page.fill("#correct-end", "100000");
    await page.locator("#correct-end").dispatchEvent("change");
    await page.waitForSelector("#correct-outside");
    await page.click("#history-link");
    await page.waitForURL((url) => url.pathname === "/history");
    await ready(page);
    const last = page.locator("#history tbody tr.review-entry").last();
    const entry = {
      what: await last.locator("td.what").textContent(),
      by: await last.locator("td.by").textContent(),
      evidence: await last.locator(".evidence").evaluate((node) => ({ ...node.dataset, quote: node.querySelector("q").textContent })),
    };
    check(entry.what.startsWith("corrected") && entry.by === args.user, `history entry: ${JSON.stringify(entry)}`);
    check(entry.evidence.start === offsets.start && entry.evidence.end === offsets.end && entry.evidence.quote === args.phrase, `history evidence: ${JSON.stringify(entry.evidence)}`);
    await last.scrollIntoViewIfNeeded();
    const historyShot = await shot(page, "history-correct", false);
    // The same form in Spanish, filled from a span in the URL.
    await open(page, `/incident?key=${args.key}&evidence=${args.sha}:${offsets.start}-${offsets.end}&lang=es`);
    await page.waitForSelector("#correct-quoted");
    const heading = await page.locator("#correct h3").textContent();
    check(heading === "Corregir un valor", `Spanish correct form: ${heading}`);
    const reviewEs = await shotOf(page.locator("#review"), "review-forms-es");
    return { selected: offsets, filled, saved, entry, screenshots: [selectionShot, formShot, historyShot, reviewEs] };
  },

  // An analyst ticks one mention and splits it out; the note links the new incident, which
  // holds that mention. Before that, an empty split and a bad move show why they failed.
  async split(page) {
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&lang=en`);
    const before = await page.locator("#members tbody tr").count();
    await page.fill("#split-rationale", args.rationale);
    await page.click("#split-submit");
    await page.waitForSelector("#split .error");
    const empty = await page.locator("#split .error").textContent();
    check(empty.includes("Tick one or more"), `an empty split says: ${empty}`);
    expectedStatuses.add(400); // the refused move below
    await page.fill("#move-mention", String(args.mention));
    await page.fill("#move-rationale", args.rationale);
    await page.click("#move-submit");
    await page.waitForSelector("#move .error");
    const refused = await page.locator("#move .error").textContent();
    check(refused.includes(`mention ${args.mention} is already in that incident`), `moving a mention already here says: ${refused}`);
    await page.check(`#split-${args.mention}`);
    const count = await page.locator("#split-count").textContent();
    check(count.startsWith("1 "), `split count: ${count}`);
    await page.locator("#grouping").scrollIntoViewIfNeeded();
    const groupingShot = await shot(page, "grouping", false);
    await page.click("#split-submit");
    await page.waitForSelector("#review-saved");
    await ready(page);
    const saved = await page.locator("#review-saved").textContent();
    const created = await page.locator("#review-saved a").textContent();
    const after = await page.locator("#members tbody tr").count();
    check(saved.includes("New incident:") && created.startsWith("inc-") && created !== args.key, `after the split: ${saved}`);
    check(after === before - 1, `${after} mentions left of ${before}`);
    const savedShot = await shot(page, "split-saved", false);
    await page.click("#review-saved a");
    await page.waitForURL((url) => url.pathname === "/incident" && url.searchParams.get("key") === created);
    await ready(page);
    const moved = await page.locator("#members tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.dataset.mention)));
    check(JSON.stringify(moved) === JSON.stringify([args.mention]), `the new incident holds mentions ${moved}`);
    await toSpanish(page);
    await page.locator("#grouping").scrollIntoViewIfNeeded();
    return { before, after, created, moved, screenshots: [groupingShot, savedShot, await shot(page, "grouping-es", false)] };
  },

  // An analyst merges incidents (keys typed with a comma and spaces) into the one shown.
  async merge(page) {
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&lang=en`);
    const before = await page.locator("#members tbody tr").count();
    await page.fill("#merge-incidents", args.incidents.join(" , "));
    await page.fill("#merge-rationale", args.rationale);
    await page.click("#merge-submit");
    await page.waitForSelector("#review-saved");
    await ready(page);
    const saved = await page.locator("#review-saved").textContent();
    const after = await page.locator("#members tbody tr").count();
    check(saved.startsWith("Saved as grouping decision") && after > before, `after merging: ${saved}; ${before} → ${after} mentions`);
    return { before, after, saved };
  },

  // A reviewer marks a source's affiliation from the sources of an incident (in Spanish).
  async affiliation(page) {
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&lang=es`);
    await page.locator("#affiliation").scrollIntoViewIfNeeded();
    await page.selectOption("#affiliation-source", args.source);
    await page.fill("#affiliation-value", args.affiliation);
    await page.fill("#affiliation-rationale", args.rationale);
    const formShot = await shot(page, "affiliation-es", false);
    await page.click("#affiliation-submit");
    await page.waitForSelector("#review-saved");
    await ready(page);
    const saved = await page.locator("#review-saved").textContent();
    check(saved.includes(`${args.source} pertenece ahora a ${args.affiliation}`), `after marking: ${saved}`);
    return { saved, screenshots: [formShot, await shot(page, "affiliation-saved-es", false)] };
  },

  // An analyst adds files on the upload page: one good page and one broken file whose name
  // is markup. Each gets its own result (the broken one its message and hint, as text); then
  // Process runs the pipeline, says what it did, and links the new document's incident.
  async upload(page) {
    expectedStatuses.add(400); // the broken file
    await signIn(page, args.user, args.password, "/?lang=en");
    await page.click("#nav-upload");
    await page.waitForURL((url) => url.pathname === "/upload");
    await ready(page);
    check((await page.locator("#upload-form").count()) === 1, "an analyst sees no upload form");
    const emptyShot = await shot(page, "upload-empty", false);
    await page.setInputFiles(
      "#upload-files",
      args.files.map((f) => ({ name: f.name, mimeType: f.type, buffer: Buffer.from(f.text, "utf-8") })),
    );
    const chosen = await page.locator("#upload-chosen").textContent();
    check(chosen.includes(args.files[0].name) && chosen.includes(args.files[1].name), `chosen: ${chosen}`);
    await page.click("#upload-submit");
    await page.waitForFunction((n) => document.querySelectorAll("#upload-results li.upload-result").length === n && document.body.dataset.state === "ready", args.files.length, { timeout: 60000 });
    const progress = await page.locator("#upload-progress").textContent();
    check(progress.includes(`Files sent: ${args.files.length}.`), `progress: ${progress}`);
    const results = await page.locator("#upload-results li.upload-result").evaluateAll((items) =>
      items.map((li) => ({ state: li.dataset.state, name: li.querySelector(".file-name").textContent, text: li.textContent, link: li.querySelector("a.doc-link")?.getAttribute("href") ?? null })),
    );
    const [good, bad, feed] = results;
    check(feed.state === "new" && feed.text.includes("Stored 2 new documents."), `the feed: ${JSON.stringify(feed)}`);
    check(good.state === "new" && good.name === args.files[0].name && good.text.includes("Stored 1 new document."), `good file: ${JSON.stringify(good)}`);
    check(good.link && good.link.includes(`sha=${args.sha}`), `the good file does not link its document: ${JSON.stringify(good)}`);
    check(bad.state === "error" && bad.name === args.files[1].name, `bad file: ${JSON.stringify(bad)}`);
    check(bad.text.includes("nothing in") && bad.text.includes(args.files[1].name), `the bad file's message: ${bad.text}`);
    const inert = await assertInert(page, "upload");
    await page.locator("#upload-results").scrollIntoViewIfNeeded();
    const resultsShot = await shot(page, "upload-results", false);
    await page.click("#process-submit");
    await page.waitForSelector('#process-result[data-state="done"]', { timeout: 180000 });
    const summary = await page.locator("#process-summary li").allTextContents();
    check(summary[0] === "Read 3 documents; reports of incidents found in them: 3.", `process summary: ${summary}`);
    check(summary.some((line) => line.includes("a new one: 3)")), `no new incidents in: ${summary}`);
    const landed = await page.locator("#landed li").evaluateAll((items) => items.map((li) => li.querySelector(".file-name").textContent));
    const link = page.locator(`#landed li[data-sha="${args.sha}"] a`).first();
    check((await link.count()) === 1, `no incident link for the new document: ${await page.locator("#process-result").textContent()}`);
    await page.locator("#process").scrollIntoViewIfNeeded();
    const processShot = await shot(page, "upload-processed", false);
    // The same page in Spanish keeps what was done.
    await toSpanish(page);
    const spanish = await page.locator("#process-summary li").first().textContent();
    check(spanish.startsWith("Se leyeron 3 documentos;"), `Spanish summary: ${spanish}`);
    const esShot = await shot(page, "upload-processed-es", true);
    await page.locator(`#landed li[data-sha="${args.sha}"] a`).first().click();
    await page.waitForURL((url) => url.pathname === "/incident");
    await ready(page);
    const key = new URL(page.url()).searchParams.get("key");
    const docs = await page.locator(".sources-table tbody tr").count();
    const incidentShot = await shot(page, "upload-incident-es", false);
    return { results, summary, landed, key, documents: docs, inert, screenshots: [emptyShot, resultsShot, processShot, esShot, incidentShot] };
  },

  // Without the analyst role the upload page says which role it takes (a visitor with a
  // sign-in link) and the header does not offer it.
  async upload_readonly(page) {
    const look = async () => ({
      forms: await page.locator("#upload-form").count(),
      nav: await page.locator("#nav-upload").count(),
      why: await page.locator("#upload-needs-role").textContent(),
      signIn: await page.locator('#upload-needs-role a[href*="/login?"]').count(),
    });
    await open(page, "/upload?lang=en");
    await page.waitForFunction(() => document.querySelector("#account").childElementCount > 0);
    const visitor = await look();
    check(visitor.forms === 0 && visitor.nav === 0 && visitor.signIn === 1, `a visitor: ${JSON.stringify(visitor)}`);
    await signIn(page, args.user, args.password, "/upload?lang=es");
    const viewer = await look();
    check(viewer.forms === 0 && viewer.nav === 0 && viewer.signIn === 0 && viewer.why.includes("analista"), `a viewer: ${JSON.stringify(viewer)}`);
    return { visitor, viewer, screenshots: [await shot(page, "upload-viewer-es", false)] };
  },

  // A source's affiliation shows in the incident's sources, and the reviewer's form starts
  // from the selected source's current value.
  async affiliation_shown(page) {
    await open(page, `/incident?key=${args.key}&lang=en`);
    const shown = await page.locator(".sources-table .affiliation").evaluateAll((ds) => ds.map((d) => ({ value: d.dataset.affiliation, text: d.textContent, source: d.parentElement.firstChild.textContent })));
    check(shown.some((s) => s.value === args.affiliation && s.source === args.source && s.text === `belongs to ${args.affiliation}`), `affiliations shown: ${JSON.stringify(shown)}`);
    await page.locator(".sources-table").scrollIntoViewIfNeeded();
    const tableShot = await shot(page, "sources-affiliation", false);
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&lang=es`);
    await page.selectOption("#affiliation-source", args.source);
    const value = await page.inputValue("#affiliation-value");
    const now = await page.locator("#affiliation-current").textContent();
    check(value === args.affiliation && now === `Ahora: ${args.affiliation}`, `the form shows ${JSON.stringify(value)} / ${now}`);
    const other = await page.locator("#affiliation-source option").evaluateAll((os, name) => os.map((o) => o.value).find((v) => v !== name), args.source);
    await page.selectOption("#affiliation-source", other);
    const cleared = await page.inputValue("#affiliation-value");
    await page.selectOption("#affiliation-source", args.source);
    await page.locator("#affiliation").scrollIntoViewIfNeeded();
    return { shown, value, now, cleared, screenshots: [tableShot, await shot(page, "affiliation-current-es", false)] };
  },

  // A retired incident shows why, links its history, and offers no action.
  async retired(page) {
    await signIn(page, args.user, args.password, `/incident?key=${args.key}&lang=en`);
    const seen = {
      note: await page.locator("#retired-note").textContent(),
      forms: await page.locator("form.review-form").count(),
      checkboxes: await page.locator('input[form="split"]').count(),
    };
    check(seen.note.includes("This incident was retired") && seen.forms === 0 && seen.checkboxes === 0, `a retired incident: ${JSON.stringify(seen)}`);
    const enShot = await shot(page, "retired", false);
    await toSpanish(page);
    const es = await page.locator("#retired-note h2").textContent();
    check(es === "Este incidente fue retirado", `Spanish note: ${es}`);
    const esShot = await shot(page, "retired-es", false);
    await page.click("#retired-history");
    await page.waitForURL((url) => url.pathname === "/history" && url.searchParams.get("key") === args.key);
    await ready(page);
    const history = await page.locator("#history").textContent();
    return { ...seen, retiredInHistory: history.includes("retirado"), screenshots: [enShot, esShot] };
  },
};

async function main() {
  const run = scenarios[scenario];
  if (!run) throw new Failure(`no scenario ${scenario}; one of ${Object.keys(scenarios)}`);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("dialog", async (dialog) => {
      problems.push(`dialog opened: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on("console", (msg) => {
      const text = msg.text();
      const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(text);
      if (msg.type() === "error" && !(status && expectedStatuses.has(Number(status[1])))) {
        problems.push(`console error: ${text}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const findings = await run(page);
    check(problems.length === 0, problems.join("\n"));
    console.log(JSON.stringify({ scenario, ok: true, ...findings }));
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.log(JSON.stringify({ scenario, ok: false, error: err.message, problems }));
  process.exit(1);
});

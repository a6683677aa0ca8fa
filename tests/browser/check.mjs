// Drives Debian's Chromium (puppeteer-core, no downloaded browser) over a site built by
// `adscheck report`, for tests/it/site.rs:
//   node check.mjs SPEC.json
// SPEC: {"site": DIR, "artifacts": DIR, "chromium": PATH,
//        "pages": [{"path": "index.html", "texts": ["..."], "absent": ["..."]}],
//        "search": {"query": "...", "expect": "..."}}
// For each page: the texts it must show (and must not), axe-core's WCAG 2.1 A/AA violations,
// reflow at 320 px (no sideways scrolling), screenshots at 1280 and 375 px; the index printed
// to PDF; the search box typed into. Prints a JSON report; exits 1 on any failure.
import { readFileSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
mkdirSync(spec.artifacts, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: spec.chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
});
const report = { pages: [], failures: [] };
try {
  for (const wanted of spec.pages) {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.setViewport({ width: 1280, height: 900 });
    const url = pathToFileURL(resolve(spec.site, wanted.path)).href;
    await page.goto(url, { waitUntil: "load" });
    const text = await page.evaluate(() => document.body.innerText);
    const missing = (wanted.texts || []).filter((t) => !text.includes(t));
    const present = (wanted.absent || []).filter((t) => text.includes(t));
    await page.evaluate(axeSource);
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })),
        passes: r.passes.length,
      };
    });
    const slug = wanted.path.replace(/[^a-z0-9]+/gi, "-").replace(/-html$/, "");
    await page.screenshot({ path: join(spec.artifacts, `${slug}-1280.png`), fullPage: true });
    await page.setViewport({ width: 375, height: 800 });
    await page.screenshot({ path: join(spec.artifacts, `${slug}-375.png`), fullPage: true });
    await page.setViewport({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const result = { path: wanted.path, missing, present, violations: axe.violations,
      axe_passes: axe.passes, overflow_at_320: overflow, errors };
    report.pages.push(result);
    if (missing.length) report.failures.push(`${wanted.path}: missing ${JSON.stringify(missing)}`);
    if (present.length) report.failures.push(`${wanted.path}: shows ${JSON.stringify(present)}`);
    if (axe.violations.length) report.failures.push(`${wanted.path}: axe ${JSON.stringify(axe.violations)}`);
    if (overflow > 0) report.failures.push(`${wanted.path}: scrolls sideways by ${overflow}px at 320px`);
    if (errors.length) report.failures.push(`${wanted.path}: script errors ${JSON.stringify(errors)}`);
    await page.close();
  }
  // The search box: appears with JavaScript, lists matching tools (each search of the spec).
  report.search = [];
  for (const search of [].concat(spec.search || [], spec.searches || [])) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve(spec.site, "index.html")).href, { waitUntil: "load" });
    await page.type("#search", search.query);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0,
      { timeout: 5000 }).catch(() => {});
    const found = await page.evaluate(() => [...document.querySelectorAll("#search-results li")].map((li) => li.innerText));
    report.search.push(...found);
    if (!found.some((f) => f.includes(search.expect))) {
      report.failures.push(`search ${search.query}: ${JSON.stringify(found)}`);
    }
    if (search.not && found.some((f) => f.includes(search.not))) {
      report.failures.push(`search ${search.query} also found ${search.not}: ${JSON.stringify(found)}`);
    }
    await page.close();
  }
  // The index's combined filters: from the address (shared), the rows left and the count
  // announced; without JavaScript, the form stays hidden and the page says how to browse.
  if (spec.filters) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve(spec.site, "index.html")).href + spec.filters.query, { waitUntil: "load" });
    const rows = await page.evaluate(() => [...document.querySelectorAll("table.tools tbody tr")].filter((r) => !r.hidden).length);
    const status = await page.evaluate(() => document.getElementById("filter-status").textContent);
    const live = await page.evaluate(() => document.getElementById("filter-status").getAttribute("aria-live"));
    // Changing a filter keeps the others and writes them to the address.
    await page.select("#f-assessment", "complete");
    const address = await page.evaluate(() => window.location.search);
    report.filters = { rows, status, live, address };
    if (rows !== spec.filters.rows) report.failures.push(`filters ${spec.filters.query}: ${rows} rows, not ${spec.filters.rows}`);
    if (!status.includes(spec.filters.status)) report.failures.push(`filters: status ${JSON.stringify(status)}`);
    if (live !== "polite") report.failures.push("filters: the count is not announced");
    if (!address.includes("assessment=complete") || !address.includes("agency=")) report.failures.push(`filters: address ${address}`);
    await page.close();
    const plain = await browser.newPage();
    await plain.setJavaScriptEnabled(false);
    await plain.goto(pathToFileURL(resolve(spec.site, "index.html")).href, { waitUntil: "load" });
    const hidden = await plain.evaluate(() => document.getElementById("filters").hidden);
    const note = await plain.evaluate(() => !document.getElementById("filters-without-script").hidden);
    report.filters.without_script = { form_hidden: hidden, note_shown: note };
    if (!hidden || !note) report.failures.push("filters without JavaScript: the form shows, or the note does not");
    await plain.close();
  }
  // Filters over values a tool holds several of (items ticked, coded fields): the rows left
  // are exactly the tools every named browse page lists, and there are some.
  if (spec.filters_combined) {
    const c = spec.filters_combined;
    const names = async (url) => {
      const p = await browser.newPage();
      await p.goto(url, { waitUntil: "load" });
      const found = await p.evaluate(() => [...document.querySelectorAll("table.tools tbody tr")]
        .filter((r) => !r.hidden).map((r) => r.querySelector("th").innerText.trim()));
      await p.close();
      return found;
    };
    const shown = await names(pathToFileURL(resolve(spec.site, "index.html")).href + c.query);
    let expected = null;
    for (const path of c.pages) {
      const listed = await names(pathToFileURL(resolve(spec.site, path)).href);
      expected = expected === null ? listed : expected.filter((n) => listed.includes(n));
    }
    report.filters_combined = { shown, expected };
    if (shown.length === 0) report.failures.push(`filters ${c.query}: no tool shown`);
    if (JSON.stringify([...shown].sort()) !== JSON.stringify([...expected].sort())) {
      report.failures.push(`filters ${c.query}: shown ${JSON.stringify(shown)}, the browse pages list ${JSON.stringify(expected)}`);
    }
  }
  // Cells that must keep their words whole at 320 px: every word of each cell fits the cell's
  // width (so the browser wraps at spaces; the bug was a column narrower than "management").
  report.words = [];
  for (const wanted of spec.words_whole_at_320 || []) {
    const page = await browser.newPage();
    await page.setViewport({ width: 320, height: 800 });
    await page.goto(pathToFileURL(resolve(spec.site, wanted.path)).href, { waitUntil: "load" });
    const broken = await page.evaluate((selector, minFont) => {
      const canvas = document.createElement("canvas").getContext("2d");
      const out = [];
      const cells = document.querySelectorAll(selector);
      if (cells.length === 0) out.push(`nothing matches ${selector}`);
      for (const cell of cells) {
        const style = getComputedStyle(cell);
        if (minFont && parseFloat(style.fontSize) < minFont) out.push(`${cell.innerText} at ${style.fontSize}, under ${minFont}px`);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        for (const word of cell.innerText.split(/\s+/).filter(Boolean)) {
          if (canvas.measureText(word).width > room + 0.5) out.push(`${word} (${Math.round(room)}px)`);
        }
      }
      return out;
    }, wanted.selector, wanted.min_font || 0);
    report.words.push({ path: wanted.path, broken });
    if (broken.length) report.failures.push(`${wanted.path}: words wider than their cell at 320px: ${JSON.stringify(broken)}`);
    await page.close();
  }
  // Pages printed to PDF (the report, laid out as the city's): every text wanted on the
  // printed page, and at least the pages wanted.
  report.pdfs = [];
  for (const wanted of spec.pdfs || []) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve(spec.site, wanted.path)).href, { waitUntil: "load" });
    await page.emulateMediaType("print");
    const text = await page.evaluate(() => document.body.innerText);
    const missing = (wanted.texts || []).filter((t) => !text.includes(t));
    const file = join(spec.artifacts, wanted.path.replace(/[\/]/g, "-").replace(/\.html$/, ".pdf"));
    await page.pdf({ path: file, format: "Letter", printBackground: true });
    // Read back with pdf.js: the page count, and each page's header and number.
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
    const pages = doc.numPages;
    const unheaded = [];
    for (let i = 2; i <= pages && wanted.header; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      const printed = content.items.map((item) => item.str).join(" ");
      if (!printed.includes(wanted.header) || !printed.includes(`Page ${i} of ${pages}`)) unheaded.push(i);
    }
    report.pdfs.push({ path: wanted.path, pdf: file, pages, missing, unheaded });
    if (unheaded.length) report.failures.push(`${wanted.path} printed: pages ${JSON.stringify(unheaded)} lack the header "${wanted.header}" or their number`);
    if (missing.length) report.failures.push(`${wanted.path} printed: missing ${JSON.stringify(missing)}`);
    if (pages < (wanted.min_pages || 1)) report.failures.push(`${wanted.path} printed: ${pages} pages, fewer than ${wanted.min_pages}`);
    await page.close();
  }
  // The index printed to PDF, as the city publishes its report.
  const page = await browser.newPage();
  await page.goto(pathToFileURL(resolve(spec.site, "index.html")).href, { waitUntil: "load" });
  const pdf = join(spec.artifacts, "index.pdf");
  await page.pdf({ path: pdf, format: "Letter", printBackground: true });
  report.pdf = { path: pdf, bytes: statSync(pdf).size };
  const header = readFileSync(pdf).subarray(0, 5).toString();
  if (header !== "%PDF-") report.failures.push(`index.pdf is not a PDF (${header})`);
  await page.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 2));
// Kept with the screenshots, to read what was measured.
writeFileSync(join(spec.artifacts, "report.json"), JSON.stringify(report, null, 2));
process.exit(report.failures.length ? 1 : 0);

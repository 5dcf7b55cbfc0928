// Screenshots of the demo in its main states, for people to look at (not a test).
// usage: node xtask/scripts/shots.mjs <base url> <out dir>
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base = "http://127.0.0.1:8080/", out = "target/shots"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
const host = "[data-sanctuary-explainer]";
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(`[${width}] ${m.type()}: ${m.text()}`); });
  await page.goto(base);
  await page.locator(`${host} .se-qa__trigger`).first().waitFor();
  await page.locator(`${host} .se-shape`).first().waitFor();
  const w = page.locator(host);
  await w.screenshot({ path: `${out}/${width}-1-initial.png` });
  await w.locator(".se-qa__trigger").first().click();
  await w.locator(".se-qa__panel").first().screenshot({ path: `${out}/${width}-2-answer.png` });
  await w.locator('[data-jurisdiction="06"]').click();
  await w.locator(".se-map").screenshot({ path: `${out}/${width}-3-california.png` });
  await w.getByRole("button", { name: /counties/i }).click();
  await w.locator('[data-jurisdiction="06037"]').waitFor();
  await w.locator('[data-jurisdiction="06037"]').click();
  await w.locator(".se-map").screenshot({ path: `${out}/${width}-4-la-county.png` });
  await w.locator(".se-switch__btn").nth(1).click();
  await w.locator(".se-map").screenshot({ path: `${out}/${width}-5-table.png` });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);

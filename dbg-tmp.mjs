import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
for (const path of ["ours", "peer"]) {
const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
page.on("pageerror", e => console.log(path, "pageerror", String(e)));
await page.goto("http://127.0.0.1:8792/" + path + "/");
const w = page.locator("[data-sanctuary-explainer]");
await w.locator(".se-shape").first().waitFor();
await w.locator(".se-qa__trigger").first().click();
await w.locator('[data-jurisdiction="06"]').click();
await w.locator(".se-detail__zoom").click();
await w.locator('[data-jurisdiction="06037"]').waitFor();
await w.locator('[data-jurisdiction="06037"]').click();
await page.waitForTimeout(300);
await w.locator(".se-map").screenshot({ path: `/tmp/${path}-map.png`, scale: "css" });
await w.locator(".se-qa").screenshot({ path: `/tmp/${path}-qa.png`, scale: "css" });
}
await browser.close();

import { chromium } from "playwright-core";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const shots = JSON.parse(process.argv[2]);
for (const [name, path, w, scheme, full] of shots) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  page.on("console", (m) => m.type() === "error" && console.log(name, "console:", m.text()));
  await page.goto("http://localhost:3997" + path);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: !!full });
  await page.close();
}
await browser.close();

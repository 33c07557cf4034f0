import { chromium } from "playwright-core";
import { serveStatic } from "./static-server.ts";
const server = await serveStatic("/tmp/proto/dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync"] });
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
const urls = new Map<string,string>();
cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
cdp.on("Network.loadingFinished", (e) => console.log("CDP", urls.get(e.requestId), e.encodedDataLength));
let id = 1000;
cdp.on("Target.attachedToTarget", async (e) => {
  console.log("attached", e.targetInfo.type, e.targetInfo.url, e.sessionId);
  const send = (method: string, params = {}) => cdp.send("Target.sendMessageToTarget" as any, { sessionId: e.sessionId, message: JSON.stringify({ id: id++, method, params }) });
  await send("Network.enable");
  await send("Runtime.runIfWaitingForDebugger");
});
cdp.on("Target.receivedMessageFromTarget" as any, (e: any) => {
  const m = JSON.parse(e.message);
  if (m.method === "Network.requestWillBeSent") urls.set(m.params.requestId, m.params.request.url);
  if (m.method === "Network.loadingFinished") console.log("WCDP", urls.get(m.params.requestId), m.params.encodedDataLength);
  if (m.error) console.log("ERR", m.error);
});
console.log(await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false }));
await page.goto(server.origin + "/en/search/?q=service");
await page.waitForTimeout(2500);
console.log(await page.locator(".pagefind-ui__message").textContent(), await page.locator(".pagefind-ui__result-link").count());
await browser.close(); await server.close();

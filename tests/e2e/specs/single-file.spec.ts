import { test, expect } from "../fixtures";
import { AppPage } from "../pages/app";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const singleFile = pathToFileURL(fileURLToPath(new URL("../../../dist/ironplan.html", import.meta.url))).href;

test("the single-file edition runs from file:// and keeps its data", async ({ page }) => {
  const html = readFileSync(new URL(singleFile), "utf8");
  expect(html).not.toMatch(/(?:href|src)="(?!data:|#)[^"]+"/);
  const app = new AppPage(page);
  await app.open(singleFile);
  await app.createProject("From a USB stick", { budget: "2500" });
  await app.newTask("Works without a server", { estimate: "1.5" });
  await app.reload();
  expect(page.url()).toMatch(/^file:\/\/.*ironplan\.html#\/p\//);
  expect(await app.taskTitles()).toEqual(["Works without a server"]);
  const exported = await app.exportProject();
  const file = JSON.parse(readFileSync(exported.path, "utf8"));
  expect(file.project.name).toBe("From a USB stick");
  expect(file.project.tasks[0].estimate).toBe(1.5);
});

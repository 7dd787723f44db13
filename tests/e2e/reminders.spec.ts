// Reminders as an interviewer meets them. In the demo data Jamie Chen owes the
// scorecard for Grace Liu's architecture review (two days ago, not started; summary.spec relies
// on it staying unsubmitted, and nothing here submits it or types into it). The notice at the top
// of every page names it and links to it; pausing reminders in Your settings hides it; resuming
// brings it back (so other specs find Jamie as seeded). Then the reminder worker, run the way an
// operator runs it, sends Jamie the e-mail for that same interview through a real SMTP server,
// and nothing to the demo interviewer, paused for that pass. Needs a freshly seeded database
// (scripts/test.sh makes one): a reminder is sent once.
import AxeBuilder from "@axe-core/playwright";
import ICAL from "ical.js";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { startMailbox, type Mailbox } from "../support/mailbox";
import { signIn } from "./sign-in";

const JAMIE = "jamie.chen@demo.test";
const SAM = "interviewer@demo.test";

test.describe.configure({ mode: "serial" });

const notice = (page: Page) => page.getByRole("region", { name: /scorecards? (is|are) waiting for you/ });
const mySettings = (page: Page, data: { timeZone: string; remindersPaused: boolean }) =>
  page.request.patch("/api/me/settings", { data });

/** One pass of the reminder worker, as an operator runs it (README "Reminders"), against the app's database. */
async function runWorker(mailbox: Mailbox, baseURL: string) {
  const { stdout } = await promisify(execFile)(
    "npx",
    ["tsx", "--conditions=react-server", "scripts/reminders.ts", "--once"],
    {
      env: {
        ...process.env,
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./tests/.e2e/e2e.db",
        SMTP_URL: mailbox.url,
        NEXTAUTH_URL: baseURL,
      },
      timeout: 150_000,
    },
  );
  return stdout;
}

test("an interviewer who owes a scorecard sees the notice on every page and follows it to the scorecard", async ({
  page,
}) => {
  await signIn(page, JAMIE);
  const n = notice(page);
  await expect(n).toContainText("1 scorecard is waiting for you");
  const item = n.getByRole("listitem").filter({ hasText: "Grace Liu" });
  await expect(item).toContainText(/ended (\d+ hours|\d+ days) ago/);
  await expect(item.getByText("Overdue")).toBeVisible();
  await page.goto("/roles");
  await expect(n).toBeVisible();
  // not on paper
  await page.emulateMedia({ media: "print" });
  await expect(n).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  const link = n.getByRole("link", { name: "Grace Liu" });
  expect(await link.getAttribute("href")).toMatch(/^\/interviews\/[^/]+$/);
  await link.click();
  await expect(page).toHaveURL(/\/interviews\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Grace Liu" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your scorecard" })).toBeVisible();
});

test.describe("with the browser in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("Your settings: the browser's zone offered, pausing hides the notice (My interviews still marks it overdue), bad input refused, resuming brings it back", async ({
    page,
  }) => {
    await signIn(page, JAMIE);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your settings" })).toBeVisible();
    const zone = page.getByLabel("Time zone");
    await expect(zone).toHaveValue("UTC");
    await page.getByRole("button", { name: "Use Asia/Tokyo" }).click();
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(page.getByText("This is also your browser's time zone.")).toBeVisible();
    await page.getByLabel("Pause reminders").check();

    // the save is held back a moment, to see it pending
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/api/me/settings", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("button", { name: "Saving…" })).toBeDisabled();
    release();
    await expect(page.getByRole("status").filter({ hasText: "Saved. Reminders are paused." })).toBeVisible();
    await page.unroute("**/api/me/settings");
    await expect(notice(page)).toHaveCount(0);
    await page.reload();
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(page.getByLabel("Pause reminders")).toBeChecked();

    await page.goto("/interviews");
    await expect(notice(page)).toHaveCount(0);
    const toFill = page.getByRole("region", { name: /To fill now/ });
    await expect(toFill.getByRole("link", { name: "Grace Liu" })).toBeVisible();
    await expect(toFill.getByText("Overdue")).toBeVisible();

    // a zone nobody has, and a body aimed at someone else: refused by the server, nothing stored
    const bad = await mySettings(page, { timeZone: "Mars/Olympus_Mons", remindersPaused: false });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields.timeZone[0]).toMatch(/Not a time zone we know/);
    const aimed = await page.request.patch("/api/me/settings", {
      data: { timeZone: "UTC", remindersPaused: false, userId: "someone-else" },
    });
    expect(aimed.status()).toBe(422);
    await page.goto("/settings");
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(page.getByLabel("Pause reminders")).toBeChecked();
    // the form says so next to the field (an option the list never offers, put there by hand)
    await zone.evaluate((select: HTMLSelectElement) => select.add(new Option("Olympus Mons", "Mars/Olympus_Mons")));
    await zone.selectOption("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Not a time zone we know/ })).toBeVisible();
    await expect(zone).toHaveAttribute("aria-invalid", "true");

    // back as seeded: UTC, reminders on; the notice returns
    await zone.selectOption("UTC");
    await page.getByLabel("Pause reminders").uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved. Reminders follow UTC time." })).toBeVisible();
    await expect(notice(page)).toContainText("1 scorecard is waiting for you");
  });
});

test("the notice and the settings page have no accessibility violations, and fit a phone @phone", async ({ page }) => {
  await signIn(page, JAMIE);
  for (const url of ["/interviews", "/settings"]) {
    await page.goto(url);
    await expect(notice(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`),
    ).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  }
});

test("the reminder worker e-mails the interviewer the link to the scorecard the notice names; a paused interviewer gets none", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page, JAMIE);
  const link = notice(page).getByRole("link", { name: "Grace Liu" });
  const href = (await link.getAttribute("href"))!;

  const sam = await browser.newPage({ baseURL });
  await signIn(sam, SAM);
  expect((await mySettings(sam, { timeZone: "UTC", remindersPaused: true })).status()).toBe(200);
  const mailbox = await startMailbox();
  try {
    // as an operator runs it (README "Reminders"), against the database the app under test uses
    const stdout = await runWorker(mailbox, baseURL!);
    expect(stdout).toMatch(/"sent":\s*[1-9]/);
    const mails = mailbox.to(JAMIE).filter((m) => m.subject.includes("Grace Liu"));
    expect(mails, mailbox.messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join("\n")).toHaveLength(1);
    const [mail] = mails;
    expect(mail.text).toContain(`${baseURL}${href}`);
    expect(mail.html).toContain(`href="${baseURL}${href}"`);
    // calendar invites are not reminders: pausing does not hold them (docs/decisions/069)
    expect(mailbox.to(SAM).filter((m) => !m.calendar)).toEqual([]);

    // the e-mail's link opens the scorecard the notice names
    await page.goto(mail.text.match(/https?:\/\/\S+\/interviews\/[^\s/]+/)![0]);
    await expect(page.getByRole("heading", { level: 1, name: "Grace Liu" })).toBeVisible();
    await expect(notice(page).getByRole("link", { name: "Grace Liu" })).toHaveAttribute("href", href);
  } finally {
    await mailbox.close();
    expect((await mySettings(sam, { timeZone: "UTC", remindersPaused: false })).status()).toBe(200);
    await sam.close();
  }
});

test("time zones are listed by their current names; a zone saved under an old one shows under the new", async ({
  page,
}) => {
  await signIn(page, "riley.novak@demo.test");
  // saved the way an older browser or client spells it
  expect((await mySettings(page, { timeZone: "Europe/Kiev", remindersPaused: false })).status()).toBe(200);
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Europe/Kyiv");
  const values = await zone.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const now of ["Africa/Asmara", "America/Nuuk", "Asia/Kolkata", "Europe/Kyiv"]) expect(values).toContain(now);
  for (const old of ["Africa/Asmera", "America/Godthab", "Asia/Calcutta", "Europe/Kiev"])
    expect(values).not.toContain(old);
  await zone.selectOption("Asia/Kolkata");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Reminders follow Asia/Kolkata time.")).toBeVisible();
  await page.reload();
  await expect(zone).toHaveValue("Asia/Kolkata");
  // as seeded, for the other specs
  expect((await mySettings(page, { timeZone: "UTC", remindersPaused: false })).status()).toBe(200);
});

/** The invite's event as ical.js (not the app's generator) reads it. */
function readInvite(content: string) {
  const cal = new ICAL.Component(ICAL.parse(content));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const e = new ICAL.Event(vevent);
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: e.uid,
    sequence: e.sequence,
    start: e.startDate.toJSDate().toISOString(),
    summary: e.summary,
    url: String(vevent.getFirstPropertyValue("url")),
  };
}

test("planning an interview in the loop builder e-mails the interviewer an invite with the kit link; the feed has it; cancelling sends a CANCEL", async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  test.setTimeout(240_000);
  const AVERY = "avery.brooks@demo.test";
  const berlin = { timeZone: "Europe/Berlin", remindersPaused: false };
  const utc = { timeZone: "UTC", remindersPaused: false };
  await signIn(page, "recruiter@demo.test");
  await page.goto("/openings");
  await page.getByRole("link", { name: "Lead AI Platform Engineer — ML Platform" }).first().click();
  await page.getByRole("link", { name: "Tom Okafor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tom Okafor" })).toBeVisible();
  const tom = page.url().split("/candidates/")[1].split(/[?#/]/)[0];
  await page.goto(`/candidates/${tom}/loop`);
  const form = page.getByRole("form", { name: "Plan an interview" });
  await form.getByLabel("Interviewer").selectOption({ label: "Avery Brooks" });
  await form.getByLabel("Case exercise").selectOption({ index: 1 });
  // ten days ahead at 10:00 in the browser's zone (UTC here)
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Date and time").fill(`${day}T10:00`);
  await form.getByRole("button", { name: /^Add interview/ }).click();
  const item = page.getByTestId("planned-interview").filter({ hasText: /Avery Brooks · (?!No case exercise)/ });
  await expect(item).toHaveCount(1);

  const mailbox = await startMailbox();
  const avery = await browser.newPage({ baseURL });
  try {
    await runWorker(mailbox, baseURL!);
    // Avery's invites for this interview (another spec may plan Avery for Tom without an exercise)
    const ofThis = () =>
      mailbox
        .to(AVERY)
        .filter((m) => m.calendar)
        .map((m) => ({ mail: m, event: readInvite(m.calendar!.content) }))
        .filter((x) => x.event.start === `${day}T10:00:00.000Z`);
    const [first, ...more] = ofThis();
    expect(more).toHaveLength(0);
    expect(first.mail.calendar!.method).toBe("REQUEST");
    const event = first.event;
    expect(event).toMatchObject({ method: "REQUEST", sequence: 0 });
    expect(event.summary).toContain("Tom Okafor");
    expect(event.url).toMatch(new RegExp(`^${baseURL}/interviews/[^/#]+#kit-heading$`));
    expect(event.uid).toContain(event.url.split("/interviews/")[1].split("#")[0]);

    // the invite's link opens the interviewer's kit
    await signIn(avery, AVERY);
    await avery.goto(event.url);
    await expect(avery.getByRole("heading", { level: 1, name: "Tom Okafor" })).toBeVisible();
    await expect(avery.getByRole("heading", { name: "Interview kit" })).toBeVisible();

    // the private feed, turned on in Settings, read without any session
    await avery.goto("/settings");
    await avery.getByRole("button", { name: "Turn on the feed" }).click();
    const address = await avery.getByLabel("Your feed address (shown only now)").inputValue();
    expect(address).toMatch(new RegExp(`^${baseURL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const outsider = await playwright.request.newContext();
    const feed = await outsider.get(address);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const feedCal = new ICAL.Component(ICAL.parse(await feed.text()));
    expect(feedCal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid)).toContain(event.uid);
    // in the person's own zone, with its VTIMEZONE, as the server (not only the worker) writes it
    expect((await avery.request.patch("/api/me/settings", { data: berlin })).status()).toBe(200);
    const zoned = new ICAL.Component(ICAL.parse(await (await outsider.get(address)).text()));
    const ours = zoned.getAllSubcomponents("vevent").find((v) => new ICAL.Event(v).uid === event.uid)!;
    expect(ours.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Berlin");
    expect(zoned.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual([
      "Europe/Berlin",
    ]);
    expect((await avery.request.patch("/api/me/settings", { data: utc })).status()).toBe(200);
    await avery.getByRole("button", { name: "Turn off the feed" }).click();
    await expect(avery.getByText("Off.", { exact: true })).toBeVisible();
    expect((await outsider.get(address)).status()).toBe(404);
    await outsider.dispose();

    // cancelled (Tom's loop back as seeded): the same UID, a higher SEQUENCE, METHOD:CANCEL
    page.once("dialog", (d) => void d.accept());
    await item.getByText("Change this interview").click();
    await item.getByRole("button", { name: "Cancel interview" }).click();
    await expect(item).toHaveCount(0);
    await runWorker(mailbox, baseURL!);
    const cancels = ofThis().filter((x) => x.mail.calendar!.method === "CANCEL");
    expect(cancels).toHaveLength(1);
    expect(cancels[0].event).toMatchObject({ method: "CANCEL", uid: event.uid, sequence: 1 });
  } finally {
    await mailbox.close();
    await avery.close();
  }
});

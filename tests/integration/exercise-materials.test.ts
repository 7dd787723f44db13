// Exercise materials (docs/decisions/045-exercise-materials.md) through the real route handlers
// and database: files uploaded by admins, kept by content hash, versioned with the template
// (a new version copies them, old versions keep theirs), downloaded as attachments by anyone
// signed in; hostile uploads refused with a 4xx and nothing stored; saves of identical files at
// once make one stored file; uploads never saved are cleared a day later, never from under a save.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { exportRoleTemplates } from "@/lib/data/role-templates";
import { importRolesFile, saveRoleFromEditor } from "@/lib/data/role-editor";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { clearUnusedMaterialFiles, UNUSED_FILE_GRACE_HOURS } from "@/lib/data/role-materials";
import { ValidationError } from "@/lib/errors";
import { MAX_MATERIAL_FILE_BYTES } from "@/lib/domain/material-file";
import type { CurrentUser } from "@/lib/auth";
import type { RoleTemplate } from "@/lib/validations/role-template";
import { createUser } from "@/seed/factories";
import { loadBlueprintRoles } from "@/seed/roles";
import { session } from "@/tests/support/auth-stand-in";
import { countingBody } from "../support/hostile";
import { fulfilled, race, sleep } from "../support/race";

vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
const uploadRoute = await import("@/app/api/roles/[slug]/materials/route");
const downloadRoute = await import("@/app/api/roles/[slug]/materials/[id]/route");

const SITE = "http://127.0.0.1:3000";
const SLUG = "lead-ai-platform-engineer";
let admin: CurrentUser;
let interviewer: CurrentUser;
const role = (): RoleTemplate => loadBlueprintRoles().find((r) => r.slug === SLUG)!;

function upload(body: BodyInit, headers: Record<string, string>, slug = SLUG) {
  return uploadRoute.POST(
    new Request(`${SITE}/api/roles/${slug}/materials`, {
      method: "POST",
      headers: { origin: SITE, ...headers },
      body,
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({ slug }) },
  );
}
const download = (id: string, slug = SLUG) =>
  downloadRoute.GET(new Request(`${SITE}/api/roles/${slug}/materials/${id}`), {
    params: Promise.resolve({ slug, id }),
  });

const LOG = "14:06:00 p99=1.9s 5xx=0.4%\n14:08:00 p99=4.8s 5xx=3.8%\n";
const logFile = (text = LOG) => upload(text, { "content-type": "text/plain", "x-file-name": "inference%20%C3%A9.log" });

/** The role with a file material on its troubleshooting exercise. */
function withFile(base: RoleTemplate, sha256: string, title = "Service logs"): RoleTemplate {
  return {
    ...base,
    exercises: base.exercises.map((e) =>
      e.title === "Hands-on troubleshooting scenario"
        ? { ...e, materials: [...e.materials, { kind: "file" as const, title, fileName: "inference é.log", sha256 }] }
        : e,
    ),
  };
}
const current = async () =>
  (await db.roleTemplateVersion.findFirstOrThrow({ where: { template: { slug: SLUG } }, orderBy: { version: "desc" } }))
    .version;
const counts = async () => ({ files: await db.materialFile.count(), materials: await db.exerciseMaterial.count() });

beforeAll(async () => {
  const a = await createUser(db, { email: "materials-admin@test.local", name: "Materials Admin", roles: ["admin"] });
  const i = await createUser(db, { email: "materials-int@test.local", name: "Materials Int", roles: ["interviewer"] });
  admin = { id: a.id, email: a.email, name: "Materials Admin", roles: ["admin"] };
  interviewer = { id: i.id, email: i.email, name: "Materials Int", roles: ["interviewer"] };
  await saveRoleTemplates(loadBlueprintRoles(), { actorId: null });
});

describe("a file material, end to end", () => {
  it("is uploaded by an admin, saved with a version, copied to the next, and downloaded as an attachment", async () => {
    session.user = admin;
    const res = await logFile();
    expect(res.status).toBe(200);
    const stored = await res.json();
    expect(stored).toMatchObject({ fileName: "inference é.log", contentType: "text/plain", size: LOG.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const v1 = await current();
    const saved = await saveRoleFromEditor(admin, withFile(role(), stored.sha256), {
      mode: "edit",
      slug: SLUG,
      baseVersion: v1,
    });
    expect(saved).toMatchObject({ status: "created", version: v1 + 1 });
    // the next version (a title edit) copies the material row; the bytes stay one stored file
    const next = withFile({ ...role(), title: "Lead AI Platform Engineer (edited)" }, stored.sha256);
    await saveRoleFromEditor(admin, next, { mode: "edit", slug: SLUG, baseVersion: v1 + 1 });
    const rows = await db.exerciseMaterial.findMany({
      where: { kind: "file", exercise: { version: { template: { slug: SLUG } } } },
      select: { id: true, fileSha256: true, exercise: { select: { version: { select: { version: true } } } } },
    });
    expect(rows.map((r) => r.exercise.version.version).sort()).toEqual([v1 + 1, v1 + 2]);
    expect(new Set(rows.map((r) => r.fileSha256))).toEqual(new Set([stored.sha256]));
    expect(await db.materialFile.count({ where: { sha256: stored.sha256 } })).toBe(1);

    // a version without the file: the older versions keep theirs, still downloadable
    await saveRoleFromEditor(admin, role(), { mode: "edit", slug: SLUG, baseVersion: v1 + 2 });
    session.user = interviewer;
    for (const row of rows) {
      const got = await download(row.id);
      expect(got.status).toBe(200);
      expect(await got.text()).toBe(LOG);
      expect(got.headers.get("content-type")).toBe("text/plain");
      expect(got.headers.get("content-disposition")).toBe(
        `attachment; filename="inference _.log"; filename*=UTF-8''inference%20%C3%A9.log`,
      );
      expect(got.headers.get("x-content-type-options")).toBe("nosniff");
      expect(got.headers.get("content-security-policy")).toContain("sandbox");
    }
  });

  it("the same file uploaded by several admins at once is stored once, and every upload succeeds", async () => {
    session.user = admin;
    const text = "2026-03-11T14:07:40Z ERROR gateway upstream timeout\n";
    const before = await db.materialFile.count();
    const results = await race(6, () => logFile(text));
    const ok = fulfilled(results);
    expect(ok.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(new Set(await Promise.all(ok.map(async (r) => (await r.json()).sha256))).size).toBe(1);
    expect(await db.materialFile.count()).toBe(before + 1);
  });
});

describe("who may upload and download", () => {
  it("signed out: 401 for both; an interviewer may not upload (403); nothing stored", async () => {
    session.user = admin;
    const sha = (await (await logFile("for the denial test\n")).json()).sha256 as string;
    const v = await current();
    await saveRoleFromEditor(admin, withFile(role(), sha, "Denial"), { mode: "edit", slug: SLUG, baseVersion: v });
    const id = (await db.exerciseMaterial.findFirstOrThrow({ where: { title: "Denial" } })).id;
    const before = await counts();

    session.user = null;
    expect((await logFile("signed out\n")).status).toBe(401);
    expect((await download(id)).status).toBe(401);
    session.user = interviewer;
    expect((await logFile("interviewer\n")).status).toBe(403);
    expect(await counts()).toEqual(before);
    // the material under another role's address, or an id that names nothing: not found
    expect((await download(id, "ai-platform-reliability-engineer")).status).toBe(404);
    expect((await download("no-such-material")).status).toBe(404);
    expect((await download(id)).status).toBe(200);
  });

  it("an upload to a role that does not exist is 404", async () => {
    session.user = admin;
    expect((await upload("x\n", { "content-type": "text/plain", "x-file-name": "a.txt" }, "no-such-role")).status).toBe(
      404,
    );
  });
});

describe("hostile uploads are refused and store nothing", () => {
  beforeAll(() => {
    session.user = admin;
  });

  it("a body over 5 MB, streamed or declared: 413, read no further than the limit", async () => {
    const before = await counts();
    for (const declared of [false, true]) {
      const total = MAX_MATERIAL_FILE_BYTES + 1024 * 1024;
      const { stream, seen, chunk } = countingBody(total);
      const res = await upload(stream, {
        "content-type": "text/plain",
        "x-file-name": "big.log",
        ...(declared ? { "content-length": String(total) } : {}),
      });
      expect(res.status).toBe(413);
      expect(seen.pulled).toBeLessThanOrEqual(MAX_MATERIAL_FILE_BYTES + 2 * chunk);
    }
    expect(await counts()).toEqual(before);
  });

  it("a type outside the list, or bytes that are not what the type says: 415", async () => {
    const before = await counts();
    const cases: [BodyInit, string, string][] = [
      ["<script>alert(1)</script>", "text/html", "page.html"],
      ["<svg onload=alert(1)>", "image/svg+xml", "x.svg"],
      ["<svg onload=alert(1)>", "image/png", "x.png"],
      ["not a pdf", "application/pdf", "x.pdf"],
      [new Uint8Array([0x61, 0x00, 0x62]), "text/plain", "nul.txt"],
      [new Uint8Array([0xff, 0xfe, 0x41]), "text/plain", "latin.txt"],
      ["MZ", "application/octet-stream", "tool.exe"],
    ];
    for (const [body, type, name] of cases) {
      const res = await upload(body, { "content-type": type, "x-file-name": name });
      expect(res.status, `${type} ${name}`).toBe(415);
      expect((await res.json()).error.code).toBe("unsupported_media_type");
    }
    expect(await counts()).toEqual(before);
  });

  it("a file name with NUL, a lone surrogate, nothing usable or broken escapes: 422", async () => {
    const before = await counts();
    for (const name of ["a%00b.txt", "%ED%A0%80.txt", "..%2F", "%E0%A4%A", ""]) {
      const res = await upload("fine\n", { "content-type": "text/plain", "x-file-name": name });
      expect(res.status, name).toBe(422);
    }
    expect(await counts()).toEqual(before);
  });

  it("text materials with NUL or a lone surrogate: 422 naming the material, no version made", async () => {
    const v = await current();
    for (const body of ["a\u0000b", "x\ud800"]) {
      const bad = {
        ...role(),
        exercises: role().exercises.map((e, i) =>
          i === 0 ? { ...e, materials: [{ kind: "text", title: "T", body }] } : e,
        ),
      };
      await expect(saveRoleFromEditor(admin, bad, { mode: "edit", slug: SLUG, baseVersion: v })).rejects.toMatchObject({
        status: 422,
        fieldErrors: { "exercises.0.materials.0.body": [expect.stringContaining("cannot be stored")] },
      });
    }
    expect(await current()).toBe(v);
  });

  it("a material naming a file not in this database: 422, no version made", async () => {
    const v = await current();
    const bad = withFile(role(), "0".repeat(64), "Missing");
    await expect(saveRoleFromEditor(admin, bad, { mode: "edit", slug: SLUG, baseVersion: v })).rejects.toMatchObject({
      status: 422,
    });
    expect(await current()).toBe(v);
  });
});

describe("export and import", () => {
  it("carry text and code whole and files by name and hash; a file from elsewhere is refused whole", async () => {
    session.user = admin;
    const sha = (await (await logFile("exported file\n")).json()).sha256 as string;
    await saveRoleFromEditor(admin, withFile(role(), sha, "Exported"), {
      mode: "edit",
      slug: SLUG,
      baseVersion: await current(),
    });
    const { roles } = await exportRoleTemplates();
    const exported = roles.find((r) => r.slug === SLUG)!;
    const materials = exported.exercises.find((e) => e.title === "Hands-on troubleshooting scenario")!.materials;
    expect(materials.map((m) => m.kind)).toEqual(["code", "file"]);
    expect(materials[1]).toEqual({ kind: "file", title: "Exported", fileName: "inference é.log", sha256: sha });

    // re-importing the export changes nothing
    const again = await importRolesFile(admin, { roles }, { apply: false });
    expect(again.ok && again.preview.find((p) => p.slug === SLUG)?.status).toBe("unchanged");

    // a file this database has never seen: nothing saved
    const v = await current();
    const foreign = { roles: [withFile({ ...exported, title: "Changed" }, "f".repeat(64), "Foreign")] };
    await expect(importRolesFile(admin, foreign, { apply: true })).rejects.toMatchObject({ status: 422 });
    expect(await current()).toBe(v);
  });
});

describe("uploads never saved into a version", () => {
  const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);
  const upload = async (text: string) => {
    session.user = admin;
    const res = await logFile(text);
    expect(res.status).toBe(200);
    return (await res.json()).sha256 as string;
  };
  const stored = async (sha256: string) => (await db.materialFile.count({ where: { sha256 } })) === 1;

  it("are removed a day after their upload; a file a version names, and a newer upload, stay", async () => {
    const unsaved = await upload("never saved 1\n");
    const saved = await upload("saved into a version 1\n");
    await saveRoleFromEditor(admin, withFile(role(), saved, "Kept log"), {
      mode: "edit",
      slug: SLUG,
      baseVersion: await current(),
    });
    expect(await clearUnusedMaterialFiles(later(UNUSED_FILE_GRACE_HOURS - 1))).toBe(0);
    expect(await stored(unsaved)).toBe(true);
    expect(await clearUnusedMaterialFiles(later(UNUSED_FILE_GRACE_HOURS + 1))).toBeGreaterThanOrEqual(1);
    expect(await stored(unsaved)).toBe(false);
    expect(await stored(saved)).toBe(true);
    // a version that drops it: older versions still name it, so it stays
    await saveRoleFromEditor(admin, role(), { mode: "edit", slug: SLUG, baseVersion: await current() });
    await clearUnusedMaterialFiles(later(UNUSED_FILE_GRACE_HOURS + 1));
    expect(await stored(saved)).toBe(true);
  });

  it("uploading the same bytes again starts the day again", async () => {
    const sha = await upload("uploaded twice\n");
    await db.materialFile.update({ where: { sha256: sha }, data: { createdAt: later(-UNUSED_FILE_GRACE_HOURS - 2) } });
    expect(await upload("uploaded twice\n")).toBe(sha);
    await clearUnusedMaterialFiles();
    expect(await stored(sha)).toBe(true);
  });

  it("a clean-up racing saves that name an old unsaved file: each save keeps its file or is told to attach it again", async () => {
    for (let round = 0; round < 16; round++) {
      const sha = await upload(`raced upload ${round}\n`);
      await db.materialFile.update({
        where: { sha256: sha },
        data: { createdAt: later(-UNUSED_FILE_GRACE_HOURS - 2) },
      });
      const base = await current();
      const [save, clean] = await Promise.allSettled([
        saveRoleFromEditor(admin, withFile(role(), sha, `Raced ${round}`), {
          mode: "edit",
          slug: SLUG,
          baseVersion: base,
        }),
        // started a little later each round, to land anywhere in the save
        sleep(round * 12).then(() => clearUnusedMaterialFiles()),
      ]);
      expect(clean.status).toBe("fulfilled");
      if (save.status === "fulfilled") {
        expect(await stored(sha), "a saved version's file is kept").toBe(true);
        const named = await db.exerciseMaterial.count({ where: { fileSha256: sha } });
        expect(named).toBeGreaterThan(0);
      } else {
        expect(save.reason).toBeInstanceOf(ValidationError);
        expect(await stored(sha)).toBe(false);
        expect(await current()).toBe(base);
      }
    }
  });
});

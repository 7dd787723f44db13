import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { contentProblem, MATERIAL_TYPES, materialTypeOf, safeFileName } from "../domain/material-file";
import { isAdmin, type Viewer } from "../domain/permissions";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { audit } from "./audit";
import { serialize } from "./sql";

// Files attached to case exercises (docs/decisions/045-exercise-materials.md): bytes in the
// database, one row per content (SHA-256), because every app instance shares only the database.
// Admins upload; whoever may read the role's page (every signed-in person) may download.

export type StoredFile = { sha256: string; fileName: string; contentType: string; size: number };

/**
 * Held by whatever writes or removes stored files or names them in a version (upload, clean-up,
 * saving a role's materials), so a file is never cleared between a save's check and its write.
 */
export const MATERIAL_FILES_LOCK = "material-files";
/** An upload no version names is cleared this long after it was last uploaded (docs/decisions/045). */
export const UNUSED_FILE_GRACE_HOURS = 24;

const unsupported = (message: string) => new AppError(message, 415, "unsupported_media_type");

/**
 * Stores an uploaded file for the role's editor (the body already read within the size limit).
 * Its type must be one of MATERIAL_TYPES and match the bytes; the same content uploaded twice,
 * or by several admins at once, is one stored file.
 */
export async function storeMaterialFile(
  viewer: Viewer,
  slug: string,
  upload: { bytes: Uint8Array<ArrayBuffer>; declaredType: string | null; fileName: string },
): Promise<StoredFile> {
  if (!isAdmin(viewer.roles)) throw new ForbiddenError("Only admins attach materials to role templates.");
  const role = await db.roleTemplate.findUnique({ where: { slug }, select: { id: true } });
  if (!role) throw new NotFoundError("Role template not found.");
  const fileName = safeFileName(upload.fileName);
  if (!fileName) throw new ValidationError("The file needs a usable name.", { fileName: ["Give the file a name."] });
  const contentType = materialTypeOf(upload.declaredType, fileName);
  if (!contentType)
    throw unsupported(
      `This kind of file is not accepted. Accepted: ${Object.values(MATERIAL_TYPES).flat().join(", ")}.`,
    );
  const problem = contentProblem(contentType, upload.bytes);
  if (problem) throw unsupported(problem);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const size = upload.bytes.byteLength;
  // under the files' lock (as the clean-up and a save naming files): the same bytes uploaded
  // again, or by several admins at once, are one row, whose grace before clean-up starts again
  const stored = await db.$transaction(async (tx) => {
    await serialize(tx, MATERIAL_FILES_LOCK);
    const found = await tx.materialFile.findUnique({ where: { sha256 }, select: { contentType: true } });
    if (found) {
      await tx.materialFile.update({ where: { sha256 }, data: { createdAt: new Date() }, select: { sha256: true } });
      return found;
    }
    await tx.materialFile.create({
      data: { sha256, contentType, size, bytes: upload.bytes, createdById: viewer.id },
      select: { sha256: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "role-template.material-file-stored",
      entityType: "MaterialFile",
      entityId: sha256,
      after: { slug, fileName, contentType, size },
    });
    return { contentType };
  });
  return { sha256, fileName, contentType: stored.contentType, size };
}

/**
 * A file material of one of the role's versions, for download by anyone signed in (who may read
 * the role's page and the kits that show it). Another role's material is not found.
 */
export async function readMaterialFile(slug: string, materialId: string) {
  const material = await db.exerciseMaterial.findFirst({
    where: { id: materialId, kind: "file", exercise: { version: { template: { slug } } } },
    select: { fileName: true, file: { select: { contentType: true, size: true, bytes: true } } },
  });
  if (!material?.file) throw new NotFoundError("Material not found.");
  return { fileName: material.fileName ?? "material", ...material.file };
}

/**
 * Removes uploaded files that no version of any role names, last uploaded more than
 * UNUSED_FILE_GRACE_HOURS ago: uploads an admin never saved (docs/decisions/045). Run by
 * `npm run retention`. Returns how many were removed.
 */
export async function clearUnusedMaterialFiles(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNUSED_FILE_GRACE_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    await serialize(tx, MATERIAL_FILES_LOCK);
    const removed = await tx.materialFile.deleteMany({ where: { createdAt: { lt: cutoff }, materials: { none: {} } } });
    return removed.count;
  });
}

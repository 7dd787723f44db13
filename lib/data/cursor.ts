import "server-only";
import { AppError } from "../errors";

// Cursor pages over rows ordered by id (docs/api.md "Lists"): the cursor is the last id of the
// page, opaque to clients.

export function encodeCursor(id: string) {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw Object.assign(new AppError("The cursor is not one this API gave out.", 400, "bad_request"), {
      fieldErrors: { cursor: ["Unknown cursor"] },
    });
  return id;
}

/** Takes rows fetched with limit + 1 and returns the page with the cursor to the next one. */
export function pageOf<T extends { id: string }, U>(rows: T[], limit: number, map: (row: T) => U) {
  const more = rows.length > limit;
  const data = rows.slice(0, limit);
  return { data: data.map(map), nextCursor: more ? encodeCursor(data[data.length - 1].id) : null };
}

// Files attached to a case exercise (docs/decisions/045-exercise-materials.md): which kinds are
// accepted, how the declared type is checked against the bytes, how a file name is made safe to
// store and to send back. Pure: no next/*, no Prisma.
import { isStorableText } from "./request-boundary";

/** A material file's limit: a few MB is enough for log excerpts, a diagram or a short PDF. */
export const MAX_MATERIAL_FILE_BYTES = 5 * 1024 * 1024;

/** The content types accepted, with the extensions a browser may send as an empty or generic type. */
export const MATERIAL_TYPES = {
  "text/plain": [".txt", ".log"],
  "text/csv": [".csv"],
  "text/markdown": [".md"],
  "application/json": [".json"],
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
} as const satisfies Record<string, readonly string[]>;

export type MaterialType = keyof typeof MATERIAL_TYPES;

export const MATERIAL_ACCEPT = Object.entries(MATERIAL_TYPES)
  .flatMap(([type, exts]) => [type, ...exts])
  .join(",");

const TEXT_TYPES = new Set<MaterialType>(["text/plain", "text/csv", "text/markdown", "application/json"]);

/** The first bytes each binary type must start with: a file declared PNG must be one. */
const MAGIC: Partial<Record<MaterialType, number[]>> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/jpeg": [0xff, 0xd8, 0xff],
};

const isMaterialType = (t: string): t is MaterialType => Object.hasOwn(MATERIAL_TYPES, t);

/**
 * The accepted type of an upload from its declared Content-Type (parameters ignored) or, when the
 * browser sends none or a generic one (".log" files), from the file name's extension; null when
 * neither is accepted.
 */
export function materialTypeOf(declared: string | null, fileName: string): MaterialType | null {
  const type = (declared ?? "").split(";")[0].trim().toLowerCase();
  if (isMaterialType(type)) return type;
  if (type && type !== "application/octet-stream") return null;
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  const found = Object.entries(MATERIAL_TYPES).find(([, exts]) => (exts as readonly string[]).includes(ext ?? ""));
  return found ? (found[0] as MaterialType) : null;
}

/**
 * Why the bytes are not what the type says, or null: text must be UTF-8 without NUL (it is shown
 * and searched as text), binary types must start with their signature.
 */
export function contentProblem(type: MaterialType, bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return "The file is empty.";
  if (TEXT_TYPES.has(type)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return "The file is not UTF-8 text.";
    }
    return text.includes("\u0000") ? "The file holds NUL characters, which text files do not." : null;
  }
  const magic = MAGIC[type] ?? [];
  return magic.every((b, i) => bytes[i] === b) ? null : `The file is not a ${type} file.`;
}

/**
 * A file name as it is stored and offered back: the last path segment, without control
 * characters or the quotes and separators that break a header, at most 120 characters; null when
 * nothing usable remains or the text cannot be stored.
 */
export function safeFileName(name: string): string | null {
  if (!isStorableText(name)) return null;
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim();
  if (!clean || clean === "." || clean === "..") return null;
  return [...clean].slice(0, 120).join("");
}

/**
 * Content-Disposition for a download (RFC 6266): always an attachment, never shown inline, with an
 * ASCII fallback name and the real name percent-encoded as UTF-8 (RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "1.2 MB", "340 KB", "12 bytes": a file's size as the kit shows it. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

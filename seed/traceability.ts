import { readFileSync } from "node:fs";
import path from "node:path";
import { blueprintText, normalizeText } from "./source-text";

/** Fields the app chooses itself (not words of the source), skipped by the check. */
const APP_CHOSEN = new Set(["slug", "source", "weight", "weightOrigin", "level", "dimensions.exercise", "version"]);

export type Untraceable = { path: string; text: string };

const cache = new Map<string, string>();
export function sourceTextOf(source: string): string {
  let text = cache.get(source);
  if (!text) {
    text = blueprintText(readFileSync(path.join(import.meta.dirname, "sources", source), "utf8"));
    cache.set(source, text);
  }
  return text;
}

/** Every string in a seeded role that does not occur in its blueprint (normalised). */
export function untraceableTexts(role: { source: string } & Record<string, unknown>): Untraceable[] {
  const text = sourceTextOf(role.source);
  const out: Untraceable[] = [];
  const walk = (value: unknown, at: string, key: string) => {
    if (APP_CHOSEN.has(key)) return;
    if (typeof value === "string") {
      if (value && !text.includes(normalizeText(value))) out.push({ path: at, text: value });
    } else if (Array.isArray(value)) {
      // an exercise's "dimensions" are names of the role's dimensions, chosen by the app
      if (key === "dimensions" && at.includes("exercises")) return;
      value.forEach((v, i) => walk(v, `${at}[${i}]`, key));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k, k);
    }
  };
  walk(role, "", "");
  return out;
}

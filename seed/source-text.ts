// Turns a role blueprint (WordPress JSON export or plain text, see seed/README.md) into plain,
// normalised text, so seeded words can be checked against their source: words are copied from
// the source, not paraphrased, and only whitespace, quotes and dashes may differ (seed/README.md).
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Quotes, dashes, ellipses and whitespace folded so typography never decides a match. */
export function normalizeText(s: string): string {
  return s
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/…/g, "...")
    .replace(/[\u00a0\u200b\u2009\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The blueprint's readable text: HTML stripped for the JSON exports, as-is for plain text. */
export function blueprintText(raw: string): string {
  const trimmed = raw.trimStart();
  if (trimmed.startsWith("{")) {
    const doc = JSON.parse(trimmed) as { title?: { rendered?: string }; content?: { rendered?: string } };
    const html = `${doc.title?.rendered ?? ""}\n${doc.content?.rendered ?? ""}`;
    // inline tags vanish ("<strong>adoption</strong>:" reads "adoption:"); block tags separate words
    const text = html.replace(/<\/?(?:strong|em|b|i|a|span|code|mark|sup|sub)\b[^>]*>/gi, "").replace(/<[^>]*>/g, " ");
    return normalizeText(decodeEntities(text));
  }
  return normalizeText(decodeEntities(raw));
}

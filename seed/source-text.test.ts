import { describe, expect, it } from "vitest";
import { blueprintText, decodeEntities, normalizeText } from "./source-text";

describe("blueprint text", () => {
  it("decodes numeric and named HTML entities", () => {
    expect(decodeEntities("A &amp; B &#8211; &#x201C;C&#8221; &lt;x&gt;")).toBe("A & B – “C” <x>");
  });
  it("folds typographic quotes, dashes and whitespace", () => {
    expect(normalizeText("  What “meets bar”\n looks  like — it’s 60–90 min… ")).toBe(
      `What "meets bar" looks like - it's 60-90 min...`,
    );
  });
  it("reads a WordPress JSON export: title and content, tags removed", () => {
    const raw = JSON.stringify({
      title: { rendered: "Role &#8211; X" },
      content: {
        rendered:
          "<p><strong>Area:</strong> detail</p><ul><li>Evidence of <strong>adoption</strong>: many</li><li>next</li></ul>",
      },
    });
    expect(blueprintText(raw)).toBe("Role - X Area: detail Evidence of adoption: many next");
  });
  it("reads plain text as it is", () => {
    expect(blueprintText("1) Role Summary\nThe role")).toBe("1) Role Summary The role");
  });
});

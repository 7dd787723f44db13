import { describe, expect, it } from "vitest";
import { emptyValues, type ScorecardValues } from "@/lib/validations/scorecard";
import { sameAnswers } from "./conflict-panel";
import { keptCopyOnOpen, onStale } from "./kept-copy";
import type { KitView } from "./types";

const kit: KitView = {
  interviewId: "i",
  kit: { dimensionIds: ["d1"], focusDimensionIds: ["d1"], redFlagIds: ["f1"] },
  dimensions: [
    { id: "d1", name: "Design", weight: 100, weightOrigin: "source", focus: true, anchors: [], evidenceToSeek: null },
  ],
  redFlags: [{ id: "f1", text: "Blames others" }],
};
const same = (a: ScorecardValues, b: ScorecardValues) => sameAnswers(kit, a, b);
const text = (evidence: string, extra: Partial<ScorecardValues> = {}): ScorecardValues => ({
  ...emptyValues(kit.kit),
  ratings: { d1: { score: "4", evidence } },
  ...extra,
});
const draft = (version: number, values: ScorecardValues) => ({ version, status: "draft", values });

describe("a copy kept on this device, on opening the page", () => {
  it("is dropped when the stored text holds the same answers, whatever the versions", () => {
    expect(keptCopyOnOpen({ values: text("typed"), baseVersion: 3 }, draft(4, text("typed")), same)).toEqual({
      kind: "drop",
    });
  });
  it("counts a note on an unticked flag and blank evidence on an unrated dimension as no difference (neither is stored)", () => {
    const kept = { ...text("typed"), redFlags: { f1: { observed: false, note: "half a thought" } } };
    expect(keptCopyOnOpen({ values: kept, baseVersion: 3 }, draft(4, text("typed")), same).kind).toBe("drop");
    const blank = { ...emptyValues(kit.kit), ratings: { d1: { score: "" as const, evidence: "  " } } };
    expect(keptCopyOnOpen({ values: blank, baseVersion: 0 }, draft(1, emptyValues(kit.kit)), same).kind).toBe("drop");
  });
  it("resumes on top of the stored version when that version is this tab's own unanswered save", () => {
    const kept = {
      values: text("typed, and more"),
      baseVersion: 3,
      unconfirmed: { baseVersion: 3, values: text("typed") },
    };
    expect(keptCopyOnOpen(kept, draft(4, text("typed")), same)).toEqual({ kind: "resume", version: 4 });
  });
  it("resumes when the copy was based on the stored version", () => {
    expect(keptCopyOnOpen({ values: text("more"), baseVersion: 4 }, draft(4, text("")), same)).toEqual({
      kind: "resume",
      version: 4,
    });
  });
  it("is a conflict when a field truly differs from a version saved elsewhere", () => {
    const kept = { values: text("mine"), baseVersion: 3, unconfirmed: { baseVersion: 3, values: text("mine") } };
    expect(keptCopyOnOpen(kept, draft(4, text("theirs")), same).kind).toBe("conflict");
    // an own save that was followed by someone else's is not ours any more
    expect(keptCopyOnOpen({ values: text("mine"), baseVersion: 2 }, draft(4, text("theirs")), same).kind).toBe(
      "conflict",
    );
    expect(keptCopyOnOpen(kept, { ...draft(4, text("mine, submitted")), status: "submitted" }, same).kind).toBe(
      "conflict",
    );
  });
});

describe("a stale answer to an autosave", () => {
  it("is adopted, with nothing left to send, when the stored text is the form's", () => {
    expect(onStale(draft(4, text("typed")), { current: text("typed"), sent: text("typed") }, same)).toEqual({
      kind: "adopt",
      clean: true,
    });
  });
  it("is adopted, and the newer text sent on top, when the stored text is what this tab sent (now or before a reload)", () => {
    expect(onStale(draft(4, text("a")), { current: text("a b"), sent: text("a") }, same)).toEqual({
      kind: "adopt",
      clean: false,
    });
    const unconfirmed = { baseVersion: 3, values: text("a") };
    expect(onStale(draft(4, text("a")), { current: text("a b c"), sent: text("a b"), unconfirmed }, same)).toEqual({
      kind: "adopt",
      clean: false,
    });
  });
  it("is a conflict when the stored text differs, or was submitted", () => {
    expect(onStale(draft(4, text("theirs")), { current: text("mine"), sent: text("mine") }, same).kind).toBe(
      "conflict",
    );
    expect(onStale({ ...draft(4, text("mine")), status: "submitted" }, { current: text("mine") }, same).kind).toBe(
      "conflict",
    );
  });
});

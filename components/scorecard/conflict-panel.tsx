"use client";

import { useState } from "react";
import {
  NOT_ASSESSED_LABEL,
  OVERALL_RECOMMENDATION_LABELS,
  RATING_LABELS,
  type OverallRecommendation,
} from "@/lib/domain/vocabulary";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import type { KitView } from "./types";

type Choice = "mine" | "saved";
type Diff = { path: string; label: string; mine: string; saved: string };

const scoreText = (s: string) =>
  s === "na" ? NOT_ASSESSED_LABEL : s ? `${s} ${RATING_LABELS[Number(s) as 1]}` : "(not rated)";

/** Every answer that differs between this tab and the stored scorecard. */
export function differences(kit: KitView, mine: ScorecardValues, saved: ScorecardValues): Diff[] {
  const out: Diff[] = [];
  for (const d of kit.dimensions) {
    const a = mine.ratings[d.id] ?? { score: "", evidence: "" };
    const b = saved.ratings[d.id] ?? { score: "", evidence: "" };
    if (a.score !== b.score)
      out.push({
        path: `ratings.${d.id}.score`,
        label: `${d.name}: rating`,
        mine: scoreText(a.score),
        saved: scoreText(b.score),
      });
    // blank evidence on an unrated dimension is not stored (lib/data/scorecard-content.ts)
    const blank = (r: typeof a) => !r.score && !r.evidence.trim();
    if (a.evidence !== b.evidence && !(blank(a) && blank(b)))
      out.push({ path: `ratings.${d.id}.evidence`, label: `${d.name}: evidence`, mine: a.evidence, saved: b.evidence });
  }
  for (const f of kit.redFlags) {
    const a = mine.redFlags[f.id] ?? { observed: false, note: "" };
    const b = saved.redFlags[f.id] ?? { observed: false, note: "" };
    // a note on an unticked flag is neither stored nor shown: no difference to choose between
    const show = (x: typeof a) => (x.observed ? `Observed: ${x.note || "(no note)"}` : "Not observed");
    if (show(a) !== show(b))
      out.push({ path: `redFlags.${f.id}`, label: `Red flag: ${f.text}`, mine: show(a), saved: show(b) });
  }
  if (mine.keyTakeaways !== saved.keyTakeaways)
    out.push({ path: "keyTakeaways", label: "Key take-aways", mine: mine.keyTakeaways, saved: saved.keyTakeaways });
  if (mine.recommendation !== saved.recommendation) {
    const rec = (r: string) => (r ? OVERALL_RECOMMENDATION_LABELS[r as OverallRecommendation] : "(none)");
    out.push({
      path: "recommendation",
      label: "Overall recommendation",
      mine: rec(mine.recommendation),
      saved: rec(saved.recommendation),
    });
  }
  return out;
}

/** Whether two versions hold the same answers: nothing the conflict panel could offer a choice on. */
export function sameAnswers(kit: KitView, a: ScorecardValues, b: ScorecardValues) {
  return differences(kit, a, b).length === 0;
}

export function merge(mine: ScorecardValues, saved: ScorecardValues, choices: Record<string, Choice>): ScorecardValues {
  const out: ScorecardValues = structuredClone(mine);
  for (const [path, choice] of Object.entries(choices)) {
    if (choice === "mine") continue;
    const [head, id, field] = path.split(".");
    if (head === "ratings")
      out.ratings[id] = { ...out.ratings[id], [field]: saved.ratings[id]?.[field as "score"] ?? "" };
    else if (head === "redFlags") out.redFlags[id] = saved.redFlags[id] ?? { observed: false, note: "" };
    else if (head === "keyTakeaways") out.keyTakeaways = saved.keyTakeaways;
    else if (head === "recommendation") out.recommendation = saved.recommendation;
  }
  return out;
}

/** Shown when another tab or device saved first: pick, answer by answer, what to keep. */
export function ConflictPanel({
  kit,
  mine,
  saved,
  submittedElsewhere,
  onMerge,
}: {
  kit: KitView;
  mine: ScorecardValues;
  saved: ScorecardValues;
  submittedElsewhere: boolean;
  onMerge: (merged: ScorecardValues) => void;
}) {
  const diffs = differences(kit, mine, saved);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(diffs.map((d) => [d.path, "mine"])),
  );
  return (
    <section
      role="alertdialog"
      aria-labelledby="conflict-heading"
      aria-describedby="conflict-text"
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4"
    >
      <h2 id="conflict-heading" className="text-lg font-semibold">
        {submittedElsewhere
          ? "This scorecard was submitted in another tab or window"
          : "This scorecard was changed in another tab or window"}
      </h2>
      {submittedElsewhere ? (
        <p id="conflict-text" className="mt-1 text-sm">
          Nothing was overwritten. Reload to see the submitted scorecard; to change it, use Amend. What you typed here
          is kept on this device and shown below so you can copy it.
        </p>
      ) : (
        <p id="conflict-text" className="mt-1 text-sm">
          Nothing was overwritten. For each answer that differs, choose which to keep, then save the merged scorecard.
        </p>
      )}
      <ul className="mt-3 space-y-3">
        {diffs.map((d) => (
          <li key={d.path} className="rounded-md border border-amber-300 bg-white p-3 text-sm">
            <p className="font-medium">{d.label}</p>
            <fieldset className="mt-1 grid gap-2 sm:grid-cols-2" disabled={submittedElsewhere}>
              <legend className="sr-only">Keep which version of {d.label}?</legend>
              {(["mine", "saved"] as const).map((c) => (
                <label key={c} className="flex items-start gap-2 rounded border border-slate-200 p-2">
                  <input
                    type="radio"
                    name={`merge-${d.path}`}
                    checked={choices[d.path] === c}
                    onChange={() => setChoices((x) => ({ ...x, [d.path]: c }))}
                    className="mt-1"
                  />
                  <span>
                    <span className="block text-xs font-semibold uppercase text-slate-600">
                      {c === "mine" ? "This tab" : "Saved elsewhere"}
                    </span>
                    <span className="whitespace-pre-wrap">{(c === "mine" ? d.mine : d.saved) || "(empty)"}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
      {submittedElsewhere ? (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="mt-3 rounded-md bg-indigo-700 px-4 py-2 text-white"
        >
          Reload
        </button>
      ) : (
        <button
          type="button"
          onClick={() => onMerge(merge(mine, saved, choices))}
          className="mt-3 rounded-md bg-indigo-700 px-4 py-2 text-white"
        >
          Save merged scorecard
        </button>
      )}
    </section>
  );
}

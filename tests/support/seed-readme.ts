// The expected counts per role, read from the table in seed/README.md (so the two cannot drift).
import { readFileSync } from "node:fs";
import path from "node:path";

export type ExpectedRole = {
  source: string;
  slug: string;
  title: string;
  dimensions: number;
  weights: "source" | "equal-default";
  exercises: number;
  redFlags: number;
  strongSignals: number;
  weakSignals: number;
  assessAreas: number;
  summaryFields: number;
};

export function expectedRoles(): ExpectedRole[] {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../seed/README.md"), "utf8");
  return readme
    .split("\n")
    .filter((line) => /^\| \d{3}_[0-9a-f]+\.txt \|/.test(line))
    .map((line) => {
      const c = line
        .split("|")
        .slice(1, -1)
        .map((s) => s.trim());
      const n = (i: number) => Number(c[i]);
      return {
        source: c[0],
        slug: c[1],
        title: c[2],
        dimensions: n(3),
        weights: c[4] as ExpectedRole["weights"],
        exercises: n(5),
        redFlags: n(6),
        strongSignals: n(7),
        weakSignals: n(8),
        assessAreas: n(9),
        summaryFields: n(10),
      };
    });
}

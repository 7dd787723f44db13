// The role template exchange format (README "Role templates as JSON"): what `npm run roles:export`
// writes and `npm run roles:import` accepts. One schema for both, so an export always re-imports.
import { z } from "zod";
import { materialsSchema } from "./exercise-material";
import { textField } from "./fields";
import { DEFAULT_THRESHOLDS, WEIGHT_ORIGINS, type SummaryKey } from "../domain/vocabulary";
import { sumsTo100, weightTotal } from "../domain/weights";

const text = (max = 4000) =>
  textField().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max = 4000) => textField().trim().max(max).nullable().default(null);

export const anchorSchema = z.strictObject({
  label: text(200),
  level: z.number().int().min(1).max(5).nullable().default(null),
  text: text(),
});

export const dimensionSchema = z.strictObject({
  name: text(200),
  weight: z.number().min(0, "must be at least 0").max(100, "must be at most 100"),
  weightOrigin: z.enum(WEIGHT_ORIGINS),
  anchors: z.array(anchorSchema).max(10).default([]),
  evidenceToSeek: optionalText(),
});

export const exerciseSchema = z.strictObject({
  title: text(300),
  duration: optionalText(100),
  /** may be empty when the exercise is only its sub-items (e.g. alternative tasks) */
  prompt: textField().trim().max(8000).default(""),
  evaluate: optionalText(),
  items: z.array(text()).max(50).default([]),
  dimensions: z.array(text(200)).max(50).default([]),
  materials: materialsSchema,
});

export const assessAreaSchema = z.strictObject({ name: text(300), detail: text() });

const summaryText = textField().trim().max(8000).default("");
/** Section 20 of a blueprint; keys as SUMMARY_FIELDS in lib/domain/vocabulary.ts. */
export const summarySchema = z.strictObject({
  roleTitle: summaryText,
  rolePurpose: summaryText,
  topResponsibilities: summaryText,
  topTechnicalSkills: summaryText,
  topSoftSkills: summaryText,
  topTools: summaryText,
  topKpis: summaryText,
  mainDeliverables: summaryText,
  mainGoals: summaryText,
  careerProgression: summaryText,
}) satisfies z.ZodType<Record<SummaryKey, string>>;

const MIN_INTERVIEWERS = "must be a whole number of interviewers from 1 to 20";

export const thresholdsSchema = z
  .strictObject({
    minCoverage: z.number().min(0).max(1).default(DEFAULT_THRESHOLDS.minCoverage),
    strongHireMin: z.number().min(1).max(5).default(DEFAULT_THRESHOLDS.strongHireMin),
    hireMin: z.number().min(1).max(5).default(DEFAULT_THRESHOLDS.hireMin),
    leanNoHireMin: z.number().min(1).max(5).default(DEFAULT_THRESHOLDS.leanNoHireMin),
    splitSpreadMin: z.number().int().min(1).max(4).default(DEFAULT_THRESHOLDS.splitSpreadMin),
    /** a red flag caps when raised by at least this many interviewers; absent means 1 (docs/decisions/058) */
    redFlagMinInterviewers: z
      .number({ error: MIN_INTERVIEWERS })
      .int(MIN_INTERVIEWERS)
      .min(1, MIN_INTERVIEWERS)
      .max(20, MIN_INTERVIEWERS)
      .default(DEFAULT_THRESHOLDS.redFlagMinInterviewers),
    /**
     * which scores the recommendation uses: raw unless the role says calibrated
     * (docs/decisions/042-recommendation-on-raw-scores.md)
     */
    recommendOn: z.enum(["raw", "calibrated"], { error: "must be raw or calibrated" }).default("raw"),
  })
  .refine((t) => t.strongHireMin > t.hireMin && t.hireMin > t.leanNoHireMin, {
    message: "thresholds must satisfy strongHireMin > hireMin > leanNoHireMin",
    path: ["hireMin"],
  });

export const roleTemplateSchema = z
  .strictObject({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens")
      .max(100),
    title: text(200),
    source: optionalText(200),
    /** informational on import: importing always creates the next version */
    version: z.number().int().min(1).optional(),
    dimensions: z.array(dimensionSchema).min(1, "a role needs at least one dimension").max(30),
    exercises: z.array(exerciseSchema).max(30).default([]),
    redFlags: z.array(text()).max(50).default([]),
    strongSignals: z.array(text()).max(50).default([]),
    weakSignals: z.array(text()).max(50).default([]),
    assessAreas: z.array(assessAreaSchema).max(50).default([]),
    summary: summarySchema.prefault({}),
    thresholds: thresholdsSchema.default({ ...DEFAULT_THRESHOLDS, recommendOn: "raw" }),
  })
  .superRefine((role, ctx) => {
    const weights = role.dimensions.map((d) => d.weight);
    if (!sumsTo100(weights)) {
      ctx.addIssue({
        code: "custom",
        path: ["dimensions"],
        message: `weights must sum to 100 (they sum to ${weightTotal(weights)})`,
      });
    }
    const names = new Set<string>();
    role.dimensions.forEach((d, i) => {
      if (names.has(d.name))
        ctx.addIssue({ code: "custom", path: ["dimensions", i, "name"], message: `duplicate dimension "${d.name}"` });
      names.add(d.name);
    });
    role.exercises.forEach((e, i) =>
      e.dimensions.forEach((name, j) => {
        if (!names.has(name)) {
          ctx.addIssue({
            code: "custom",
            path: ["exercises", i, "dimensions", j],
            message: `no dimension named "${name}" in this role`,
          });
        }
      }),
    );
  });

export const roleTemplateFileSchema = z
  .strictObject({ roles: z.array(roleTemplateSchema).min(1, "the file holds no roles") })
  .superRefine((file, ctx) => {
    const slugs = new Set<string>();
    file.roles.forEach((r, i) => {
      if (slugs.has(r.slug))
        ctx.addIssue({ code: "custom", path: ["roles", i, "slug"], message: `duplicate slug "${r.slug}"` });
      slugs.add(r.slug);
    });
  });

export type RoleTemplateInput = z.input<typeof roleTemplateSchema>;
export type RoleTemplate = z.output<typeof roleTemplateSchema>;
export type RoleTemplateFile = z.output<typeof roleTemplateFileSchema>;

/** "roles[2].dimensions[0].weight: must be at most 100" — the path of each bad field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const at = issue.path.reduce<string>(
      (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      "",
    );
    return `${at || "(file)"}: ${issue.message}`;
  });
}

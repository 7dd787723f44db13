// Forms for setting up hiring (docs/decisions/006-setting-up-the-work.md): openings, candidates,
// stages and interviews. Shared by the forms (zodResolver) and the route handlers, which parse
// again.
import { z } from "zod";
import { emailField, textField } from "./fields";
import { CANDIDATE_STAGES, OPENING_STATUSES } from "../domain/vocabulary";

const id = textField().trim().min(1, "Choose one").max(64);

export const openingSchema = z.object({
  title: textField()
    .trim()
    .min(3, "Give the opening a title (at least 3 characters)")
    .max(200, "Keep the title under 200 characters"),
  roleSlug: textField().trim().min(1, "Choose the role").max(100),
  hiringManagerId: id,
  recruiterId: id,
});
export type OpeningInput = z.input<typeof openingSchema>;

export const openingUpdateSchema = openingSchema.omit({ roleSlug: true }).extend({ status: z.enum(OPENING_STATUSES) });
export type OpeningUpdateInput = z.input<typeof openingUpdateSchema>;

export const candidateSchema = z.object({
  name: textField().trim().min(2, "Enter the candidate's name").max(200, "Keep the name under 200 characters"),
  email: emailField(),
  source: textField().trim().max(200, "Keep the source under 200 characters").default(""),
  notes: textField().trim().max(2000, "Keep the notes under 2,000 characters").default(""),
});
export type CandidateInput = z.input<typeof candidateSchema>;

export const stageSchema = z.object({ stage: z.enum(CANDIDATE_STAGES, { error: "Choose a stage" }) });

export const interviewSchema = z.object({
  interviewerId: id,
  exerciseId: textField().trim().max(64).nullable().default(null),
  focusDimensionIds: z.array(textField().min(1).max(64)).min(1, "Choose at least one focus dimension").max(30),
  /** an instant with its offset (the browser converts its local date and time) */
  scheduledAt: z.iso.datetime({ offset: true, error: "Choose a date and time" }),
  durationMinutes: z.coerce
    .number()
    .int("Whole minutes")
    .min(15, "At least 15 minutes")
    .max(480, "At most 8 hours")
    .default(60),
});
export type InterviewInput = z.input<typeof interviewSchema>;

export const standardLoopSchema = z.object({
  /** the first interview's start; the others follow, one after another */
  startAt: z.iso.datetime({ offset: true, error: "Choose a date and time" }),
  /** one interviewer per exercise, in the role's exercise order */
  interviewerIds: z.array(id).min(1).max(30),
});

/** The loop builder asks what a slot would clash with before saving (docs/decisions/050-loop-time-clashes.md). */
export const clashQuerySchema = interviewSchema
  .pick({ interviewerId: true, scheduledAt: true, durationMinutes: true })
  .extend({ interviewId: id.optional() });

/** An opening's interviewer pool (docs/decisions/051-standard-loop-pool-durations-stage.md). */
export const interviewerPoolSchema = z.object({
  interviewerIds: z.array(id).max(200, "At most 200 people in a pool"),
});
export type InterviewerPoolInput = z.input<typeof interviewerPoolSchema>;

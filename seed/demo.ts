// Demo data for `npm run demo`: one user per app role (plus a few more interviewers and a second
// hiring manager), two openings on different roles, seven candidates at different stages with
// submitted and draft scorecards, and a closed earlier round (seed/demo-history.ts) whose past
// loops give the calibration page shared ratings to measure. Dates are relative to the moment of seeding, so "overdue" and
// "upcoming" stay true. Demo only: every account shares DEMO_PASSWORD.
import type { Db, DbTx } from "../lib/db";
import type { AppRole, CandidateStage, OverallRecommendation } from "../lib/domain/vocabulary";
import { seedHistory } from "./demo-history";
import { seedDemoDrill } from "./demo-drill";
import { createCandidate, createInterview, createOpening, createScorecard, createUser } from "./factories";

import { DEMO_PASSWORD } from "./demo-password";

export { DEMO_PASSWORD };

export const DEMO_USERS = [
  { key: "admin", email: "admin@demo.test", name: "Robin Hale", roles: ["admin"] },
  { key: "recruiter", email: "recruiter@demo.test", name: "Casey Morgan", roles: ["recruiter"] },
  { key: "hm", email: "hiring.manager@demo.test", name: "Jordan Blake", roles: ["hiring-manager", "interviewer"] },
  { key: "hm2", email: "hiring.manager2@demo.test", name: "Taylor Reed", roles: ["hiring-manager", "interviewer"] },
  { key: "sam", email: "interviewer@demo.test", name: "Sam Patel", roles: ["interviewer"] },
  { key: "jamie", email: "jamie.chen@demo.test", name: "Jamie Chen", roles: ["interviewer"] },
  { key: "riley", email: "riley.novak@demo.test", name: "Riley Novak", roles: ["interviewer"] },
  { key: "avery", email: "avery.brooks@demo.test", name: "Avery Brooks", roles: ["interviewer"] },
] as const satisfies readonly { key: string; email: string; name: string; roles: AppRole[] }[];

type UserKey = (typeof DEMO_USERS)[number]["key"];
/** dimension name -> [rating 1..5 or null for Not assessed, evidence] */
type Ratings = Record<string, [number | null, string]>;
type PlannedInterview = {
  exercise: string;
  interviewer: UserKey;
  /** days from now (negative = in the past), at 10:00 local server time */
  day: number;
  scorecard?: {
    status?: "draft" | "submitted";
    ratings: Ratings;
    redFlags?: [string, string][];
    keyTakeaways: string;
    recommendation: OverallRecommendation | null;
  };
};
type PlannedCandidate = {
  name: string;
  email: string;
  stage: CandidateStage;
  source: string;
  loop: PlannedInterview[];
};

const LEAD_PLATFORM: PlannedCandidate[] = [
  {
    name: "Nadia Hassan",
    email: "nadia.hassan@example.com",
    stage: "debrief",
    source: "Referral",
    loop: [
      {
        exercise: "Architecture case study",
        interviewer: "jamie",
        day: -8,
        scorecard: {
          ratings: {
            "Architecture & design": [
              5,
              "Phased the rollout into shadow → canary → GA with explicit exit criteria; compared KServe vs. a thin custom gateway and chose on operability.",
            ],
            "ML systems / MLOps": [
              4,
              "Covered model registry promotion, drift monitors and rollback to the previous model version without prompting.",
            ],
            "Security & governance": [
              4,
              "Proposed per-team service accounts and an approval gate for models touching customer data.",
            ],
          },
          keyTakeaways:
            "Best architecture interview this quarter. Clear tradeoffs, designs for the teams who will operate it.",
          recommendation: "strong-yes",
        },
      },
      {
        exercise: "Hands-on troubleshooting scenario",
        interviewer: "sam",
        day: -7,
        scorecard: {
          ratings: {
            "Reliability & operations": [
              4,
              "Went from the p99 graph to the connection-pool saturation in ~10 minutes; mitigated first (scale out + shed batch traffic), then root cause.",
            ],
            "Platform engineering (K8s/IaC/CI/CD)": [
              4,
              "Spotted the HPA limits in the manifest snippet and explained the cold-start interaction.",
            ],
            Communication: [
              3,
              "Narrated hypotheses clearly; the written incident summary at the end was a little thin.",
            ],
          },
          keyTakeaways: "Calm, methodical debugger. Mitigation before root cause, as we want.",
          recommendation: "yes",
        },
      },
      {
        exercise: "System design + DX exercise",
        interviewer: "riley",
        day: -6,
        scorecard: {
          ratings: {
            "Platform engineering (K8s/IaC/CI/CD)": [
              4,
              "Golden-path template with CI, IaC module and default dashboards generated on first deploy.",
            ],
            "Leadership & influence": [
              4,
              "Talked about running office hours and measuring adoption instead of mandating the template.",
            ],
            Communication: [
              4,
              "Drafted the onboarding doc outline live; concise and ordered by what a new team needs first.",
            ],
          },
          keyTakeaways: "Strong platform-as-product instincts.",
          recommendation: "yes",
        },
      },
      {
        exercise: "Governance and risk discussion",
        interviewer: "hm",
        day: -6,
        scorecard: {
          ratings: {
            "Security & governance": [
              5,
              "Data classification first, then provider DPA, redaction at the gateway, audit logging of prompts with retention limits.",
            ],
            "Leadership & influence": [
              4,
              "Would bring legal and security in early with a one-page RFC; good stakeholder map.",
            ],
          },
          keyTakeaways: "Risk-based, practical; not a blocker personality.",
          recommendation: "strong-yes",
        },
      },
    ],
  },
  {
    name: "Marcus Webb",
    email: "marcus.webb@example.com",
    stage: "debrief",
    source: "Job board",
    loop: [
      {
        exercise: "Architecture case study",
        interviewer: "jamie",
        day: -10,
        scorecard: {
          ratings: {
            "Architecture & design": [
              5,
              "Elegant multi-tenant serving design; strong on autoscaling and rollout strategy.",
            ],
            "ML systems / MLOps": [4, "Good on reproducibility and lineage."],
            "Security & governance": [2, "Waved away tenant isolation: 'we can add that once teams are on it'."],
          },
          keyTakeaways: "Very strong designer; security came last in every answer.",
          recommendation: "yes",
        },
      },
      {
        exercise: "Hands-on troubleshooting scenario",
        interviewer: "riley",
        day: -9,
        scorecard: {
          ratings: {
            "Reliability & operations": [4, "Found the bad deploy from the error-rate step change quickly."],
            "Platform engineering (K8s/IaC/CI/CD)": [
              5,
              "Deep Kubernetes knowledge; read the manifest diff at a glance.",
            ],
            Communication: [3, "Fine."],
          },
          keyTakeaways: "Technically excellent operator.",
          recommendation: "strong-yes",
        },
      },
      {
        exercise: "System design + DX exercise",
        interviewer: "avery",
        day: -9,
        scorecard: {
          ratings: {
            "Platform engineering (K8s/IaC/CI/CD)": [4, "Solid template design."],
            "Leadership & influence": [
              2,
              "Described DS teams as 'users who need guard rails, not opinions'; little interest in their workflow.",
            ],
            Communication: [3, "Clear but dismissive of questions."],
          },
          keyTakeaways: "Capable, but the collaboration posture worries me.",
          recommendation: "no",
        },
      },
      {
        exercise: "Governance and risk discussion",
        interviewer: "hm",
        day: -8,
        scorecard: {
          ratings: {
            "Security & governance": [
              1,
              "Would send customer data to the external provider first and 'sort out the DPA later'.",
            ],
            "Leadership & influence": [3, "Reasonable on stakeholder alignment once prompted."],
          },
          redFlags: [
            [
              "Dismisses governance and security as",
              "Twice said controls for customer data can come after launch, including for the external LLM provider.",
            ],
          ],
          keyTakeaways: "Governance is an afterthought; for this role that is disqualifying.",
          recommendation: "strong-no",
        },
      },
    ],
  },
  {
    name: "Elena Petrova",
    email: "elena.petrova@example.com",
    stage: "interviewing",
    source: "Sourced",
    loop: [
      {
        exercise: "Architecture case study",
        interviewer: "jamie",
        day: -3,
        scorecard: {
          ratings: {
            "Architecture & design": [3, "Reasonable design; rollout plan was generic."],
            "ML systems / MLOps": [3, "Knows the lifecycle; lighter on drift detection."],
            "Security & governance": [null, "Ran out of time before governance."],
          },
          keyTakeaways: "Solid, not yet standout. Want to see the troubleshooting round.",
          recommendation: "yes",
        },
      },
      {
        exercise: "Hands-on troubleshooting scenario",
        interviewer: "sam",
        day: -2,
        scorecard: {
          status: "draft",
          ratings: {
            "Reliability & operations": [4, "Good hypothesis list; checked recent deploys first."],
          },
          keyTakeaways: "Notes so far: methodical; need to write up the mitigation discussion",
          recommendation: null,
        },
      },
      { exercise: "System design + DX exercise", interviewer: "riley", day: 2 },
      { exercise: "Governance and risk discussion", interviewer: "hm", day: 3 },
    ],
  },
  {
    name: "Tom Okafor",
    email: "tom.okafor@example.com",
    stage: "interviewing",
    source: "Referral",
    loop: [{ exercise: "Architecture case study", interviewer: "sam", day: 2 }],
  },
];

const RELIABILITY: PlannedCandidate[] = [
  {
    name: "Grace Liu",
    email: "grace.liu@example.com",
    stage: "interviewing",
    source: "Job board",
    loop: [
      {
        exercise: "Incident simulation",
        interviewer: "sam",
        day: -4,
        scorecard: {
          ratings: {
            Troubleshooting: [
              5,
              "Separated GPU saturation from the bad model rollout within minutes; rolled back first, then proved it with the per-version latency split.",
            ],
            "SRE fundamentals": [4, "Declared the incident, set roles, communicated status every 10 minutes."],
            "AI platform context": [4, "Knew why batch size changes move GPU memory and latency together."],
            Ownership: [4, "Follow-ups had owners and dates, including a canary gate for model rollouts."],
          },
          keyTakeaways: "Excellent incident lead.",
          recommendation: "strong-yes",
        },
      },
      {
        exercise: "SLO design case",
        interviewer: "riley",
        day: -3,
        scorecard: {
          ratings: {
            "SRE fundamentals": [
              2,
              "SLIs were server-side only; no user-facing latency SLI for checkout and error budget policy was vague.",
            ],
            Observability: [3, "Sensible dashboards, alerting on symptoms."],
            "Product & cost mindset": [2, "Treated checkout and background recommendations the same; no tiering."],
          },
          keyTakeaways: "Weaker on SLO design than I expected from the CV.",
          recommendation: "no",
        },
      },
      { exercise: "Architecture review prompt", interviewer: "jamie", day: -2 },
      { exercise: "Automation task", interviewer: "avery", day: 1 },
    ],
  },
  {
    name: "Omar Farouk",
    email: "omar.farouk@example.com",
    stage: "debrief",
    source: "Referral",
    loop: [
      {
        exercise: "Incident simulation",
        interviewer: "riley",
        day: -12,
        scorecard: {
          ratings: {
            Troubleshooting: [4, "Structured triage; checked saturation, errors, recent changes in that order."],
            "SRE fundamentals": [4, "Good incident roles and comms."],
            "AI platform context": [3, "Less familiar with GPU scheduling, reasoned it out."],
            Ownership: [4, "Owned the follow-ups."],
          },
          keyTakeaways: "Dependable incident handler.",
          recommendation: "yes",
        },
      },
      {
        exercise: "SLO design case",
        interviewer: "sam",
        day: -11,
        scorecard: {
          ratings: {
            "SRE fundamentals": [
              4,
              "Tiered SLOs: checkout 99.9% at p95 < 300 ms, recommendations 99% with degraded fallback.",
            ],
            Observability: [4, "Multi-window burn-rate alerts, dashboards per tier."],
            "Product & cost mindset": [4, "Proposed cheaper model fallback for background traffic during budget burn."],
          },
          keyTakeaways: "Strong SLO thinking tied to product impact.",
          recommendation: "yes",
        },
      },
      {
        exercise: "Architecture review prompt",
        interviewer: "jamie",
        day: -11,
        scorecard: {
          ratings: {
            "AI platform context": [
              3,
              "Found the feature-store single point of failure; missed the model cache stampede.",
            ],
            Troubleshooting: [3, "Reasonable failure analysis."],
            "Collaboration & communication": [
              4,
              "Framed findings as questions to the design owner; good review manner.",
            ],
          },
          keyTakeaways: "Good reviewer, a little narrow on ML-specific failure modes.",
          recommendation: "yes",
        },
      },
      {
        exercise: "Automation task",
        interviewer: "hm2",
        day: -10,
        scorecard: {
          ratings: {
            "Automation & tooling": [4, "Clean Python, idempotent, with dry-run mode and tests."],
            Observability: [3, "Added structured logs; no metrics."],
          },
          keyTakeaways: "Would hire; automation is a strength.",
          recommendation: "yes",
        },
      },
    ],
  },
  { name: "Lina Sorensen", email: "lina.sorensen@example.com", stage: "applied", source: "Careers page", loop: [] },
];

function dayAt(day: number, hour = 10): Date {
  const d = new Date();
  d.setDate(d.getDate() + day);
  d.setHours(hour, 0, 0, 0);
  return d;
}

async function loadVersion(db: DbTx, slug: string) {
  const version = await db.roleTemplateVersion.findFirst({
    where: { template: { slug } },
    orderBy: { version: "desc" },
    select: {
      id: true,
      dimensions: { select: { id: true, name: true } },
      exercises: { select: { id: true, title: true, dimensions: { select: { dimensionId: true } } } },
      redFlags: { select: { id: true, text: true } },
    },
  });
  if (!version) throw new Error(`role ${slug} is not seeded`);
  const pick = <T>(items: T[], match: (t: T) => boolean, what: string) => {
    const found = items.find(match);
    if (!found) throw new Error(`demo data names ${what}, which role ${slug} does not have`);
    return found;
  };
  return {
    id: version.id,
    dimension: (name: string) => pick(version.dimensions, (d) => d.name === name, `dimension "${name}"`).id,
    exercise: (title: string) => pick(version.exercises, (e) => e.title === title, `exercise "${title}"`),
    redFlag: (start: string) => pick(version.redFlags, (f) => f.text.startsWith(start), `red flag "${start}…"`).id,
  };
}

async function seedOpening(
  db: DbTx,
  users: Record<UserKey, string>,
  spec: { title: string; slug: string; hiringManager: UserKey; createdDaysAgo: number; candidates: PlannedCandidate[] },
) {
  const version = await loadVersion(db, spec.slug);
  const opening = await createOpening(db, {
    title: spec.title,
    templateVersionId: version.id,
    hiringManagerId: users[spec.hiringManager],
    recruiterId: users.recruiter,
    createdAt: dayAt(-spec.createdDaysAgo),
  });
  for (const c of spec.candidates) {
    const candidate = await createCandidate(db, {
      openingId: opening.id,
      name: c.name,
      email: c.email,
      stage: c.stage,
      source: c.source,
    });
    for (const planned of c.loop) {
      const exercise = version.exercise(planned.exercise);
      const interview = await createInterview(db, {
        candidateId: candidate.id,
        interviewerId: users[planned.interviewer],
        exerciseId: exercise.id,
        scheduledAt: dayAt(planned.day),
        focusDimensionIds: exercise.dimensions.map((d) => d.dimensionId),
      });
      const sc = planned.scorecard;
      if (!sc) continue;
      await createScorecard(db, {
        interview,
        status: sc.status ?? "submitted",
        ratings: Object.entries(sc.ratings).map(([name, [rating, evidence]]) => ({
          dimensionId: version.dimension(name),
          rating,
          evidence,
        })),
        redFlags: (sc.redFlags ?? []).map(([start, note]) => ({ redFlagId: version.redFlag(start), note })),
        keyTakeaways: sc.keyTakeaways,
        recommendation: sc.recommendation,
        submittedAt: dayAt(planned.day, 15),
      });
    }
  }
  return opening;
}

/** Seeds the demo data once ("created"); a database that already has the demo users is left as it is ("exists"). */
export async function seedDemo(db: Db): Promise<"created" | "exists"> {
  if (await db.user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } })) {
    return "exists";
  }
  await db.$transaction(
    async (tx) => {
      const users = {} as Record<UserKey, string>;
      for (const u of DEMO_USERS)
        users[u.key] = (await createUser(tx, { ...u, roles: [...u.roles], password: DEMO_PASSWORD })).id;
      await seedOpening(tx, users, {
        title: "Lead AI Platform Engineer — ML Platform",
        slug: "lead-ai-platform-engineer",
        hiringManager: "hm",
        createdDaysAgo: 30,
        candidates: LEAD_PLATFORM,
      });
      await seedOpening(tx, users, {
        title: "AI Platform Reliability Engineer — Inference SRE",
        slug: "ai-platform-reliability-engineer",
        hiringManager: "hm2",
        createdDaysAgo: 21,
        candidates: RELIABILITY,
      });
      await seedHistory(tx, users, dayAt);
      await seedDemoDrill(tx, users.admin);
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  return "created";
}

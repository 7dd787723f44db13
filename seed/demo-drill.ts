// Demo calibration drill (docs/decisions/080-calibration-drills.md): one published drill on the
// Lead AI Platform Engineer role's "Architecture case study" exercise (seed/roles, from its
// blueprint's section 19), with an admin-set consensus on that exercise's dimensions. The
// described performance is demo text written for the drill, not blueprint text. No attempts, so
// the demo's calibration figures are as before until someone rates it.
import type { DbTx } from "../lib/db";

export const DEMO_DRILL_TITLE = "Calibration drill: real-time inference platform design";

const REFERENCE = `Described performance (demo). Asked to design a capability to deploy and operate real-time inference for multiple teams, the candidate starts from the teams' latency and traffic needs and proposes a shared serving layer on Kubernetes with per-team namespaces, a model registry and a CI/CD pipeline that promotes models through staging with canary rollouts. They weigh a managed endpoint service against self-hosting and choose self-hosting for cost at the stated scale, naming the operational load it adds. Monitoring covers latency, error rate and input drift, with SLOs per team, but they do not say who is paged or how incidents are reviewed. On governance they mention access control to the registry and audit logs of deployments, without secrets handling or data-access controls. The rollout is phased: one pilot team, then self-service onboarding.`;

/** Consensus per dimension name of the exercise (1–5). */
const CONSENSUS: Record<string, number> = {
  "Architecture & design": 4,
  "ML systems / MLOps": 4,
  "Reliability & operations": 3,
  "Security & governance": 2,
};

export async function seedDemoDrill(tx: DbTx, adminId: string) {
  const exercise = await tx.exercise.findFirstOrThrow({
    where: { title: "Architecture case study", version: { template: { slug: "lead-ai-platform-engineer" } } },
    orderBy: { version: { version: "desc" } },
    select: { id: true, dimensions: { select: { dimension: { select: { id: true, name: true } } } } },
  });
  await tx.drill.create({
    data: {
      exerciseId: exercise.id,
      title: DEMO_DRILL_TITLE,
      reference: REFERENCE,
      consensusMode: "admin",
      status: "published",
      publishedAt: new Date(),
      createdById: adminId,
      consensus: {
        create: exercise.dimensions
          .filter((d) => CONSENSUS[d.dimension.name] !== undefined)
          .map((d) => ({ dimensionId: d.dimension.id, rating: CONSENSUS[d.dimension.name] })),
      },
    },
  });
}

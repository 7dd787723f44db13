import "server-only";
import { candidateScope, type Viewer } from "../domain/permissions";

/**
 * The openings a viewer may see, as a Prisma `where` on Opening (docs/decisions/004-scoring.md,
 * "Visibility in the query"; docs/product.md "Visibility and independence"):
 * everything for recruiters and admins, their own for a hiring manager, null for anyone else
 * (whose answer is "not found"). The one translation of lib/domain/permissions.ts's scope into a
 * query; nothing is filtered afterwards.
 */
export function openingWhere(viewer: Viewer): { hiringManagerId?: string } | null {
  const scope = candidateScope(viewer.roles);
  return scope === "all" ? {} : scope === "managed" ? { hiringManagerId: viewer.id } : null;
}

// The action filter of the audit log (README "Audit log", docs/decisions/030-audit-view.md): the
// forms people type or the README shows, turned into one SQL condition.

export type ActionMatch = { kind: "any" } | { kind: "equals"; action: string } | { kind: "prefix"; prefix: string };

export const ACTION_FORMS_HINT = "Use an action (user.deactivated) or a family (user.*)";

/**
 * `*` alone is every action; `user.*`, `user*` and `user.` are every action starting with the
 * text before the star (or ending in the dot); anything else is one action, exactly. A star
 * anywhere but the end matches nothing sensible, so it is refused (null) rather than searched.
 */
export function actionMatch(text: string): ActionMatch | null {
  const t = text.trim();
  if (t === "" || t === "*") return { kind: "any" };
  const star = t.indexOf("*");
  if (star >= 0) return star === t.length - 1 ? { kind: "prefix", prefix: t.slice(0, -1) } : null;
  return t.endsWith(".") ? { kind: "prefix", prefix: t } : { kind: "equals", action: t };
}

/** The family an action belongs to, in the form the filter shows and the README documents. */
export const actionFamily = (action: string) => `${action.split(".")[0]}.*`;

import type { FieldErrors, UseFormReturn } from "react-hook-form";
import type { EditorValues } from "@/lib/validations/role-editor";

/** Each part of the role editor works on the one form the editor holds. */
export type EditorForm = UseFormReturn<EditorValues>;

/** The panel each part of the editor sits in. */
export const box = "rounded-lg border border-slate-200 bg-white p-4";

/** The message at a dotted path of the form's errors ("dimensions.2.weight"), if any. */
export function errorAt(errors: FieldErrors<EditorValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return (node as { message?: string } | undefined)?.message;
}

import { searchQuerySchema } from "@/lib/validations/fields";
import { buttonClass } from "./button";

/**
 * The `q` of a list's search: the query to run, or the problem to show next to the box (a query
 * the database cannot take, such as a NUL, is a message there, not a failed page).
 */
export function readSearchQuery(raw: string | string[] | undefined): { q: string; problem: string | null } {
  const parsed = searchQuerySchema.safeParse({ q: (Array.isArray(raw) ? raw[0] : raw) ?? "" });
  return parsed.success ? { q: parsed.data.q, problem: null } : { q: "", problem: parsed.error.issues[0].message };
}

/** A plain GET search by name or e-mail (works without JavaScript), with its problem announced. */
export function SearchForm({ action, q, problem }: { action: string; q: string; problem: string | null }) {
  return (
    <>
      <form method="get" action={action} role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">Name or e-mail</span>
          <input
            name="q"
            type="search"
            defaultValue={q}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "q-error" : undefined}
            className="w-72 max-w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </label>
        <button type="submit" className={buttonClass()}>
          Search
        </button>
      </form>
      {problem ? (
        <p id="q-error" role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      ) : null}
    </>
  );
}

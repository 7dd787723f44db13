import Link from "next/link";
import { buttonClass } from "./button";

const select = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

/**
 * A list's filters as a plain GET form (works without JavaScript): the controls, Apply, and a
 * link back to the unfiltered list while a filter is on. Keyed by the query in force, so the
 * uncontrolled controls show the filters after a link changes them.
 */
export function FilterBar({
  query,
  action,
  label,
  clear,
  children,
}: {
  query: string;
  action: string;
  label: string;
  clear: { href: string; label: string } | null;
  children: React.ReactNode;
}) {
  return (
    <form
      key={query}
      method="get"
      action={action}
      className="mt-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={label}
    >
      {children}
      <button type="submit" className={buttonClass("primarySmall")}>
        Apply
      </button>
      {clear ? (
        <Link href={clear.href} className="pb-1.5 text-sm underline">
          {clear.label}
        </Link>
      ) : null}
    </form>
  );
}

/** One labelled choice in a FilterBar. */
export function FilterSelect({
  label,
  name,
  defaultValue,
  options,
}: {
  label: string;
  name: string;
  defaultValue: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={defaultValue} className={select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

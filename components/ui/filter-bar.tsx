"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { buttonClass } from "./button";

const select = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

/** A choice that applies the moment it is made; text boxes apply on Enter instead of per keystroke. */
const appliesOnChange = (t: EventTarget) =>
  t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && (t.type === "checkbox" || t.type === "radio"));

/**
 * A list's filters as a GET form that applies as you choose (docs/decisions/053-lists-that-apply-as-you-choose.md):
 * each choice navigates to the list's URL with the form's query, exactly as the form would submit
 * it, so back/forward and shared links work. Without JavaScript it is a plain GET form with an
 * Apply button. Keyed by the query in force, so the uncontrolled controls show the filters after a
 * link changes them; the control just used keeps the focus across that remount.
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
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const name = refocus.current;
    refocus.current = null;
    const el = name ? form.current?.elements.namedItem(name) : null;
    if (el instanceof HTMLElement) el.focus();
  }, [query]);

  function apply(f: HTMLFormElement, focused: EventTarget | null) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(f)) if (typeof v === "string") params.append(k, v);
    if (focused instanceof HTMLInputElement || focused instanceof HTMLSelectElement) refocus.current = focused.name;
    startTransition(() => router.push(`${action}?${params}`, { scroll: false }));
  }

  return (
    <form
      ref={form}
      key={query}
      method="get"
      action={action}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget, document.activeElement);
      }}
      onChange={(e) => {
        if (appliesOnChange(e.target)) apply(e.currentTarget, e.target);
      }}
      aria-busy={pending}
      className="mt-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={label}
    >
      {children}
      <noscript>
        <button type="submit" className={buttonClass("primarySmall")}>
          Apply
        </button>
      </noscript>
      <span role="status" className="pb-1.5 text-sm text-slate-700">
        {pending ? "Updating…" : ""}
      </span>
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

"use client";

import { useEffect, useRef, useState } from "react";

const box = "rounded-lg border border-slate-200 bg-white";
const edge = "pointer-events-none absolute inset-y-0 w-6 from-slate-900/15 to-transparent print:hidden";

/**
 * A table in a region that scrolls sideways on a narrow screen instead of widening the page. The
 * region is focusable and named, so keyboard users can reach it and scroll it with the arrow keys.
 * While columns are out of view a shadow marks the side they are on and a line under the table
 * says so (docs/decisions/053-lists-that-apply-as-you-choose.md); without JavaScript it still scrolls.
 * The header row is `columns` (plain `<th scope="col">` cells, each with `columnClassName`) or, when
 * its cells differ, `head` as written; the children are the body (and footer) of the table.
 */
export function ScrollTable({
  label,
  className,
  frame = box,
  tableClassName = "w-full text-left text-sm",
  caption,
  captionClassName = "sr-only",
  headClassName = "border-b border-slate-200 bg-slate-50 text-slate-700",
  head,
  columns,
  columnClassName = "px-3 py-2",
  children,
}: {
  label: string;
  className?: string;
  frame?: string | null;
  tableClassName?: string;
  caption?: React.ReactNode;
  captionClassName?: string;
  headClassName?: string;
  head?: React.ReactNode;
  columns?: readonly React.ReactNode[];
  columnClassName?: string;
  children: React.ReactNode;
}) {
  const region = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState({ left: false, right: false });
  useEffect(() => {
    const el = region.current;
    if (!el) return;
    const measure = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setHidden((h) => (h.left === left && h.right === right ? h : { left, right }));
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    if (el.firstElementChild) resized.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      resized.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);
  return (
    <div className={className}>
      <div className="relative">
        <div
          ref={region}
          className={["overflow-x-auto", frame].filter(Boolean).join(" ")}
          tabIndex={0}
          role="region"
          aria-label={label}
        >
          <table className={tableClassName}>
            {caption !== undefined ? <caption className={captionClassName}>{caption}</caption> : null}
            <thead className={headClassName}>
              <tr>
                {head ??
                  columns?.map((c, i) => (
                    <th key={i} scope="col" className={columnClassName}>
                      {c}
                    </th>
                  ))}
              </tr>
            </thead>
            {children}
          </table>
        </div>
        {hidden.left ? <div aria-hidden="true" className={`${edge} left-0 rounded-l-lg bg-linear-to-r`} /> : null}
        {hidden.right ? <div aria-hidden="true" className={`${edge} right-0 rounded-r-lg bg-linear-to-l`} /> : null}
      </div>
      {hidden.left || hidden.right ? (
        <p aria-hidden="true" className="mt-1 text-xs text-slate-700 print:hidden" data-testid="scroll-cue">
          {hidden.right ? "More columns to the right: scroll sideways →" : "← More columns to the left: scroll back"}
        </p>
      ) : null}
    </div>
  );
}

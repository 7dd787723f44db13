"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export const ADMIN_LINKS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/scim", label: "SCIM" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/drills", label: "Manage drills" },
] as const;

/**
 * The admin pages under one "Admin" disclosure, so the top bar stays one row: a button with
 * aria-expanded opening a list of links; Escape closes it and returns focus to the button, as does
 * focus or a click moving elsewhere, or following a link.
 */
export function AdminMenu() {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  const here = pathname.startsWith("/admin/");
  return (
    <div
      ref={wrap}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        e.preventDefault();
        setOpen(false);
        button.current?.focus();
      }}
      onBlur={(e) => {
        if (!wrap.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="admin-menu"
        onClick={() => setOpen((o) => !o)}
        className={`flex min-h-11 items-center gap-1 rounded-md px-2 text-slate-700 hover:text-slate-900 sm:min-h-9 ${here ? "font-semibold text-slate-900" : ""}`}
      >
        Admin
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`h-4 w-4 transition-transform ${open ? "rotate-180" : ""}`}
        >
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      <ul
        id="admin-menu"
        hidden={!open}
        className="absolute right-0 top-full z-30 mt-1 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {ADMIN_LINKS.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              onClick={() => setOpen(false)}
              aria-current={pathname === l.href ? "page" : undefined}
              className="flex min-h-11 items-center px-3 text-slate-800 hover:bg-slate-100 aria-[current=page]:font-semibold"
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

import Link from "next/link";
import { Suspense } from "react";
import { AdminMenu } from "@/components/layout/admin-menu";
import { OwedScorecardsNotice } from "@/components/layout/owed-scorecards-notice";
import { CheckInsNotice } from "@/components/layout/check-ins-notice";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getCurrentUser, type CurrentUser } from "@/lib/auth";
import { scorecardNoticeFor } from "@/lib/data/notices";
import { checkInsDueFor } from "@/lib/data/check-ins";
import { canSetUpHiring, candidateScope, isAdmin } from "@/lib/domain/permissions";

// Every page in this group needs a session. Each page checks for itself with requireUser(its own
// path), which sends a signed-out visitor to sign-in and back (layouts do not know the path, and
// are not re-run on every navigation); so does every route handler. The notice of scorecards
// owed is read here, so it is current on each full load and after any router.refresh() (which a
// submitted scorecard and a saved setting both do); in its own Suspense boundary, so neither the
// header nor the page waits on its query (docs/decisions/063). It is rendered in place when it
// is ready before the page, as it usually is, and streamed in just after otherwise.
const LINK = "flex min-h-11 items-center whitespace-nowrap sm:min-h-9";

async function OwedNotice({ user }: { user: CurrentUser }) {
  const notice = await scorecardNoticeFor(user);
  return notice ? <OwedScorecardsNotice notice={notice} /> : null;
}

/** Quality-of-hire check-ins due (docs/decisions/079-quality-of-hire.md), for a hiring manager. */
async function CheckInNotice({ user }: { user: CurrentUser }) {
  const items = await checkInsDueFor(user);
  return items.length ? <CheckInsNotice items={items} /> : null;
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return <main id="main">{children}</main>;
  const scope = candidateScope(user.roles);
  const pages = [
    ...(scope !== "none" ? [{ href: "/openings", label: "Openings" }] : []),
    ...(canSetUpHiring(user.roles) ? [{ href: "/candidates", label: "Candidates" }] : []),
    ...(scope !== "none" ? [{ href: "/calibration", label: "Calibration" }] : []),
    ...(user.roles.includes("interviewer") ? [{ href: "/interviews", label: "My interviews" }] : []),
    ...(user.roles.includes("interviewer") ? [{ href: "/drills", label: "Drills" }] : []),
    { href: "/roles", label: "Role templates" },
  ];
  return (
    <>
      <header className="border-b border-slate-200 bg-white print:hidden">
        {/* One row at desktop widths; on a phone the brand and account controls share the first row
            and the page links scroll sideways in a second, every target 44 px tall. */}
        <nav
          aria-label="Main"
          className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 px-4 sm:gap-x-6 sm:py-2 lg:flex-nowrap"
        >
          <Link href="/" className={`${LINK} text-lg font-semibold tracking-tight text-indigo-700`}>
            Scorecards
          </Link>
          <ul className="order-last -mx-4 flex w-[calc(100%+2rem)] gap-x-1 overflow-x-auto px-2 text-sm sm:order-none sm:mx-0 sm:w-auto sm:gap-x-6 sm:overflow-visible sm:px-0">
            {pages.map((p) => (
              <li key={p.href}>
                <Link href={p.href} className={`${LINK} px-2 text-slate-700 hover:text-slate-900 sm:px-0`}>
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-700">
            {isAdmin(user.roles) ? <AdminMenu /> : null}
            <span className="hidden whitespace-nowrap lg:inline">{user.name}</span>
            <Link href="/settings" className={`${LINK} underline-offset-2 hover:text-slate-900 hover:underline`}>
              Settings
            </Link>
            <SignOutButton />
          </div>
        </nav>
      </header>
      <Suspense fallback={null}>
        <OwedNotice user={user} />
      </Suspense>
      <Suspense fallback={null}>
        <CheckInNotice user={user} />
      </Suspense>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}

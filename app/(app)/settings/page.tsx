import type { Metadata } from "next";
import { CalendarFeed } from "@/components/settings/calendar-feed";
import { SettingsForm } from "@/components/settings/settings-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { requireUser } from "@/lib/auth";
import { calendarFeedStatus } from "@/lib/data/calendar";
import { getMySettings } from "@/lib/data/my-settings";
import { currentZoneChoices } from "@/lib/domain/time-zones";

export const metadata: Metadata = { title: "Your settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [settings, feed] = await Promise.all([getMySettings(user), calendarFeedStatus(user)]);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Your settings</h1>
      <p className="mt-1 text-sm text-slate-700">
        {user.name} · {user.email}
      </p>
      <div className="mt-6">
        <SettingsForm initial={settings} zones={currentZoneChoices([settings.timeZone])} />
      </div>
      <div className="mt-6">
        <CalendarFeed initial={feed} />
      </div>
      <div className="mt-6">
        <SignOutEverywhere />
      </div>
    </>
  );
}

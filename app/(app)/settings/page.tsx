import type { Metadata } from "next";
import { CalendarFeed } from "@/components/settings/calendar-feed";
import { ChatDeliveries } from "@/components/chat/chat-deliveries";
import { ChatForm } from "@/components/chat/chat-form";
import { SettingsForm } from "@/components/settings/settings-form";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { requireUser } from "@/lib/auth";
import { calendarFeedStatus } from "@/lib/data/calendar";
import { getMyChat, myChatDeliveries } from "@/lib/data/chat-settings";
import { getMySettings } from "@/lib/data/my-settings";
import { currentZoneChoices } from "@/lib/domain/time-zones";

export const metadata: Metadata = { title: "Your settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [settings, chat, sent, feed] = await Promise.all([
    getMySettings(user),
    getMyChat(user),
    myChatDeliveries(user),
    calendarFeedStatus(user),
  ]);
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
        <ChatForm
          apiUrl="/api/me/chat"
          initial={chat}
          title="Chat notices"
          hint="Your scorecard reminders, and “your scorecard is overdue”, also go to Slack or Microsoft Teams. They name the candidate and the opening and link to the scorecard; nothing else."
        >
          <ChatDeliveries rows={sent} />
        </ChatForm>
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

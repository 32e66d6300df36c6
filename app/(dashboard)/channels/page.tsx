import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Channels" description="The provider accounts confirmations go out through: email, SMS, WhatsApp and other messengers, team chat, CRM and support tools." />
      <EmptyState title="No channels yet">
        Channels are not built yet. When they are, you add a provider here (Twilio, SendGrid, WhatsApp, Slack and
        others) with its credentials, which are stored encrypted and never shown again, and send a test message.
      </EmptyState>
    </>
  );
}

import type { Metadata } from "next";
import { ChannelsManager } from "@/components/channels/channels-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader
        title="Channels"
        description="The provider accounts confirmations go out through: email, SMS, WhatsApp and other messengers, team chat, CRM and support tools. Add one, send a test, then choose it in a flow."
      />
      <ChannelsManager />
    </>
  );
}

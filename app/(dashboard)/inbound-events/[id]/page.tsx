import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InboundEventDetail } from "@/components/inbound-events/inbound-event-detail";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Inbound event" };

export default async function InboundEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return (
    <>
      <PageHeader
        title="Inbound event"
        description="One request to a trigger URL, as it was received and what became of it."
        actions={
          <Link href="/inbound-events" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            ← All inbound events
          </Link>
        }
      />
      <InboundEventDetail eventId={id} />
    </>
  );
}

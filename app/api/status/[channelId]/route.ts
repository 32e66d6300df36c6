import { getDb } from "@/server/database";
import { answerVerificationChallenge, receiveStatusCallback } from "@/server/dispatch/receive-status-callback";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ channelId: string }> };

const respond = ({ status, body, contentType }: { status: number; body: string; contentType: string }) =>
  new Response(body, { status, headers: { "content-type": contentType, "cache-control": "no-store" } });

/** Delivery reports from providers (Twilio, SendGrid, Mailgun, WhatsApp…), verified the provider's way. */
export async function POST(request: Request, { params }: Params) {
  const { channelId } = await params;
  return respond(await receiveStatusCallback(await getDb(), channelId, request));
}

/** Subscription handshakes (WhatsApp and Messenger `hub.challenge`). Vonage may also send receipts by GET. */
export async function GET(request: Request, { params }: Params) {
  const { channelId } = await params;
  const url = new URL(request.url);
  const db = await getDb();
  if (url.searchParams.has("hub.mode")) return respond(await answerVerificationChallenge(db, channelId, request));
  return respond(await receiveStatusCallback(db, channelId, request));
}

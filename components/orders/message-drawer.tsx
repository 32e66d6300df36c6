"use client";

import { useState } from "react";
import type { OrderDetails } from "@/server/orders/get-order";
import { Time } from "../shell/store-display";
import { EmailPreviewFrame } from "../templates/email-preview-frame";
import { Badge } from "../ui/card";
import { Drawer } from "../ui/drawer";
import { NotificationStatusBadge } from "./order-badges";
import { ResendForm } from "./resend-form";

export type OrderMessage = OrderDetails["notifications"][number];

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className="break-words text-gray-900">{children}</dd>
    </>
  );
}

/** An SMS or chat message as the phone shows it. */
function PhoneBubble({ to, text }: { to: string | null; text: string }) {
  return (
    <div className="w-72 rounded-[2rem] bg-gray-900 p-3 shadow">
      <div className="rounded-[1.5rem] bg-gray-100 px-3 py-4">
        <p className="mb-3 text-center text-xs text-gray-500">{to}</p>
        <div className="max-w-[85%] rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm whitespace-pre-wrap text-gray-900 shadow-sm" data-testid="message-text">
          {text}
        </div>
      </div>
    </div>
  );
}

/**
 * Exactly what was sent: an email as it arrived (subject, from, to, the HTML in a sandboxed frame, the text
 * part), an SMS or chat message as the phone shows it, the recipient and the template version; every
 * attempt with the provider's answer; and the resend form.
 */
export function MessageDrawer({ message, canAct, onClose }: { message: OrderMessage | null; canAct: boolean; onClose: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => {
    setNotice(null);
    onClose();
  };
  const isEmail = message ? Boolean(message.htmlBody) || message.channelKind === "email" : false;
  return (
    <Drawer title={message ? `${message.origin === "ticket" ? "Ticket" : "Message"} via ${message.channelName}` : "Message"} open={message !== null} onClose={close}>
      {message ? (
        <div className="space-y-5 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <NotificationStatusBadge status={message.status} />
            <Badge>{message.channelKind}</Badge>
            {message.origin !== "flow" ? <Badge tone="indigo">{message.origin === "resend" ? "resend" : "support ticket"}</Badge> : null}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <Field label="To">{message.recipient ?? "chosen when sent"}</Field>
            {isEmail ? <Field label="From">{message.sender ?? (message.channelProvider === "sandbox" ? "none: the sandbox records the message" : "the channel's default sender")}</Field> : null}
            {message.subject ? <Field label="Subject">{message.subject}</Field> : null}
            <Field label="Template">
              {message.templateVersion
                ? `${message.templateVersion.name} · ${message.templateVersion.locale} · version ${message.templateVersion.version}`
                : message.origin === "ticket"
                  ? "written by staff"
                  : message.renderedAt
                    ? "built-in default"
                    : "rendered when sent"}
            </Field>
            <Field label="Planned by">{message.flow ? `${message.flow.name}, step ${message.flow.step}` : message.origin === "flow" ? "a flow step since deleted" : "staff"}</Field>
            <Field label="Rendered">
              <Time value={message.renderedAt} />
            </Field>
            <Field label="Sent">
              <Time value={message.sentAt} />
            </Field>
            {message.deliveredAt ? (
              <Field label="Delivered">
                <Time value={message.deliveredAt} />
              </Field>
            ) : null}
            <Field label="Provider id">{message.providerMessageId ?? "—"}</Field>
            {message.ticket ? (
              <Field label="Ticket">
                {message.ticket.link ? (
                  <a href={message.ticket.link} target="_blank" rel="noreferrer" className="text-indigo-600 hover:text-indigo-500">
                    {message.ticket.id}
                  </a>
                ) : (
                  (message.ticket.id ?? "not opened yet")
                )}
              </Field>
            ) : null}
            {message.lastError ? <Field label="Last error">{message.lastError}</Field> : null}
          </dl>

          {message.renderedAt ? (
            isEmail ? (
              <section className="space-y-3">
                <h3 className="font-semibold text-gray-900">As it arrived</h3>
                {message.htmlBody ? <EmailPreviewFrame html={message.htmlBody} title={`Email: ${message.subject ?? ""}`} /> : null}
                <details>
                  <summary className="cursor-pointer text-gray-700">Text part</summary>
                  <pre className="mt-2 rounded-md bg-gray-50 p-3 text-xs whitespace-pre-wrap">{message.textBody}</pre>
                </details>
              </section>
            ) : (
              <section className="space-y-3">
                <h3 className="font-semibold text-gray-900">As the phone shows it</h3>
                <PhoneBubble to={message.recipient} text={message.textBody ?? ""} />
              </section>
            )
          ) : (
            <p className="text-gray-600">Not rendered yet: the content is rendered from the live template when the message is first sent.</p>
          )}

          <section>
            <h3 className="font-semibold text-gray-900">Attempts</h3>
            {message.deliveryAttempts.length === 0 ? (
              <p className="mt-1 text-gray-600">No attempt yet.</p>
            ) : (
              <ol className="mt-2 space-y-1 border-l-2 border-gray-200 pl-3 text-xs text-gray-700">
                {message.deliveryAttempts.map((attempt) => (
                  <li key={attempt.id}>
                    #{attempt.number} <Time value={attempt.startedAt} /> · {attempt.outcome ?? "in flight"}
                    {attempt.httpStatus ? ` · HTTP ${attempt.httpStatus}` : ""}
                    {attempt.latencyMs !== null ? ` · ${attempt.latencyMs} ms` : ""}
                    {attempt.error ? ` · ${attempt.error}` : ""}
                  </li>
                ))}
              </ol>
            )}
          </section>

          {canAct && message.origin !== "ticket" ? (
            <section className="rounded-md bg-gray-50 p-4">
              <h3 className="mb-3 font-semibold text-gray-900">Resend</h3>
              {notice ? (
                <p role="status" className="text-green-700">
                  {notice}
                </p>
              ) : (
                <ResendForm message={message} onDone={setNotice} />
              )}
            </section>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}

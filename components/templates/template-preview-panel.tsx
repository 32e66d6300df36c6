"use client";

import { useState } from "react";
import type { TemplatePreviewResult } from "@/server/templates/preview-template";
import { Badge } from "../ui/card";
import { EmailPreviewFrame } from "./email-preview-frame";
import { ChatPost, MessengerBubbles, WhatsAppTemplateBubble } from "./message-bubbles";
import { SmsPreview } from "./sms-preview";

function EncodingWarning({ change }: { change: NonNullable<TemplatePreviewResult["encodingChange"]> }) {
  const characters = change.characters.slice(0, 6).map((character) => `“${character}”`).join(", ");
  return (
    <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-300" data-testid="sms-encoding-warning">
      {`This change switches the SMS from GSM-7 to UCS-2 because of ${characters}: a segment now holds 70 characters instead of 160, so it is ${change.segmentsAfter} segment${change.segmentsAfter === 1 ? "" : "s"} instead of ${change.segmentsBefore}. Replace ${change.characters.length === 1 ? "it" : "them"} to keep the cost down.`}
    </p>
  );
}

const widths = { phone: { label: "Phone", px: 375 }, desktop: { label: "Desktop", px: 700 } } as const;

/** The email at a phone's width or a desktop client's, and its plain-text part. */
function EmailFrames({ html, text }: { html: string; text: string }) {
  const [width, setWidth] = useState<keyof typeof widths>("phone");
  return (
    <>
      <div role="group" aria-label="Email width" className="inline-flex rounded-md shadow-sm ring-1 ring-gray-300">
        {(Object.keys(widths) as Array<keyof typeof widths>).map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={width === key}
            onClick={() => setWidth(key)}
            className={width === key ? "bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white first:rounded-l-md last:rounded-r-md" : "bg-white px-3 py-1.5 text-sm text-gray-700 first:rounded-l-md last:rounded-r-md hover:bg-gray-50"}
          >
            {`${widths[key].label} (${widths[key].px} px)`}
          </button>
        ))}
      </div>
      <div className="overflow-x-auto">
        <EmailPreviewFrame html={html} title={`Email preview at ${widths[width].label.toLowerCase()} width`} className="h-[40rem] max-w-none" style={{ width: widths[width].px }} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-gray-700">Plain-text part</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-md bg-gray-50 p-3 font-sans text-gray-800 ring-1 ring-gray-200">{text}</pre>
      </details>
    </>
  );
}

/** The template as it will be sent: email at phone and desktop widths, SMS with its cost, bubbles, notes. */
export function TemplatePreviewPanel({ preview, storeName }: { preview: TemplatePreviewResult; storeName: string }) {
  const { rendered, template } = preview;
  if (!rendered) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
        {preview.renderError ?? "Nothing to preview yet."}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {rendered.subject !== null ? (
        <p className="text-sm">
          <span className="text-gray-500">{template.kind === "email" ? "Subject: " : "Title: "}</span>
          <span className="font-medium text-gray-900" data-testid="preview-subject">
            {rendered.subject}
          </span>
        </p>
      ) : null}
      {template.kind === "email" && rendered.html ? <EmailFrames html={rendered.html} text={rendered.text} /> : null}
      {template.kind === "sms" && preview.sms ? (
        <>
          {preview.encodingChange ? <EncodingWarning change={preview.encodingChange} /> : null}
          <SmsPreview text={rendered.text} count={preview.sms} />
        </>
      ) : null}
      {template.kind === "messaging" ? (
        <>
          <MessengerBubbles text={rendered.text} />
          {preview.whatsapp ? (
            <div className="space-y-2">
              <p className="text-sm font-medium text-gray-900">
                {`WhatsApp outside the 24-hour window: approved template “${preview.whatsapp.name}” (${preview.whatsapp.languageCode})`}
              </p>
              {preview.whatsapp.filledBody ? <WhatsAppTemplateBubble text={preview.whatsapp.filledBody} /> : null}
              {preview.whatsapp.parameters.length ? (
                <ul className="text-sm text-gray-700" data-testid="preview-whatsapp-parameters">
                  {preview.whatsapp.parameters.map((parameter) => (
                    <li key={parameter.position}>
                      <code className="text-gray-500">{`{{${parameter.position}}}`}</code> {`${parameter.variable} → ${parameter.value || "(empty)"}`}
                    </li>
                  ))}
                </ul>
              ) : null}
              {preview.whatsapp.warnings.map((warning) => (
                <p key={warning} role="alert" className="text-sm text-amber-800">
                  {warning}
                </p>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      {template.kind === "chat" ? <ChatPost text={rendered.text} author={`Orderbell · ${storeName}`} /> : null}
      {template.kind === "crm" ? (
        <pre className="whitespace-pre-wrap rounded-md bg-gray-50 p-3 font-sans text-sm text-gray-800 ring-1 ring-gray-200" data-testid="preview-note">
          {rendered.text}
        </pre>
      ) : null}
      <div className="flex flex-wrap gap-2 text-xs text-gray-500">
        <Badge>{preview.order.source === "sample" ? `Sample order ${preview.order.number}` : `Order ${preview.order.number}`}</Badge>
        <Badge>{`Money and dates: ${rendered.locale}`}</Badge>
      </div>
    </div>
  );
}

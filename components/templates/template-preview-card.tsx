import type { TemplateSummary } from "@/server/templates/list-templates";
import type { TemplatePreview } from "@/server/templates/preview-template";
import { Badge, Card } from "../ui/card";
import { channelKindLabel } from "./channel-kind-label";
import { EmailPreviewFrame } from "./email-preview-frame";
import { SmsPreview } from "./sms-preview";

/** One template: its Liquid source (read-only) and what it renders to for the sample order. */
export function TemplatePreviewCard({ template, preview }: { template: TemplateSummary; preview: TemplatePreview }) {
  const { result } = preview;
  return (
    <Card className="scroll-mt-6 p-5">
      <section id={`template-${template.id}`} aria-labelledby={`template-${template.id}-title`}>
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={`template-${template.id}-title`} className="text-base font-semibold text-gray-900">
            {template.name}
          </h2>
          <Badge tone="indigo">{channelKindLabel[template.channelKind]}</Badge>
          <Badge>{template.locale}</Badge>
          {preview.version === null ? null : <Badge tone={preview.live ? "green" : "amber"}>{preview.live ? `v${preview.version} live` : `v${preview.version}, not live`}</Badge>}
        </div>

        {result.ok ? (
          <div className="mt-4 space-y-3">
            {result.subject !== null ? (
              <p className="text-sm">
                <span className="text-gray-500">Subject: </span>
                <span className="font-medium text-gray-900">{result.subject}</span>
              </p>
            ) : null}
            {result.sms ? (
              <SmsPreview text={result.text} count={result.sms} />
            ) : result.html ? (
              <>
                <EmailPreviewFrame html={result.html} title={`${template.name} (${template.locale}) rendered with the sample order`} />
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium text-gray-700">Plain-text part</summary>
                  <pre className="mt-2 whitespace-pre-wrap rounded-md bg-gray-50 p-3 font-sans text-gray-800 ring-1 ring-gray-200">{result.text}</pre>
                </details>
              </>
            ) : (
              <pre className="whitespace-pre-wrap rounded-md bg-gray-50 p-3 font-sans text-sm text-gray-800 ring-1 ring-gray-200">{result.text}</pre>
            )}
          </div>
        ) : (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
            {result.error}
          </p>
        )}

        {template.body !== null ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-medium text-gray-700">Liquid source</summary>
            <dl className="mt-2 space-y-2">
              {template.subject !== null ? (
                <div>
                  <dt className="text-xs font-semibold uppercase tracking-wide text-gray-500">Subject</dt>
                  <dd>
                    <pre className="mt-1 whitespace-pre-wrap rounded-md bg-gray-50 p-3 text-xs text-gray-800 ring-1 ring-gray-200">{template.subject}</pre>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-gray-500">Body</dt>
                <dd>
                  <pre className="mt-1 whitespace-pre-wrap rounded-md bg-gray-50 p-3 text-xs text-gray-800 ring-1 ring-gray-200">{template.body}</pre>
                </dd>
              </div>
            </dl>
          </details>
        ) : null}
      </section>
    </Card>
  );
}

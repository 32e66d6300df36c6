"use client";

import { CopyButton } from "../ui/copy-button";

/**
 * Where the provider posts delivery updates (delivered, bounced…) for this channel, to paste in its webhook
 * settings. Built on the server from APP_URL: providers that sign the URL (Twilio) must get exactly this one.
 */
export function StatusCallbackUrl({ url, providerName }: { url: string; providerName: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-gray-900">Delivery status callback URL</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code data-testid="status-callback-url" className="rounded bg-gray-50 px-2 py-1 font-mono text-sm break-all text-gray-800 ring-1 ring-gray-200">
          {url}
        </code>
        <CopyButton value={url} label="Copy callback URL" />
      </div>
      <p className="mt-1 text-xs text-gray-500">
        Paste it in {providerName}&apos;s webhook settings: Orderbell then marks each message delivered or failed as {providerName} reports it. It must be
        reachable from the internet.
      </p>
    </div>
  );
}

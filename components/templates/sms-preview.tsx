import type { SmsSegmentCount } from "@/server/templates/sms-segments";
import { Badge } from "../ui/card";

/** An SMS as the customer gets it, with its encoding and how many segments it is billed as. */
export function SmsPreview({ text, count }: { text: string; count: SmsSegmentCount }) {
  const segmentWord = count.segments === 1 ? "segment" : "segments";
  const shown = count.nonGsmCharacters.slice(0, 8).map((character) => `“${character}”`);
  if (count.nonGsmCharacters.length > shown.length) shown.push("…");
  return (
    <div className="space-y-2">
      <p className="max-w-md whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-gray-100 px-4 py-3 text-sm text-gray-900" data-testid="preview-sms">
        {text}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm text-gray-600">
        <span data-testid="sms-encoding">
          <Badge tone={count.encoding === "GSM-7" ? "green" : "amber"}>{count.encoding}</Badge>
        </span>
        <span data-testid="sms-count">{`${count.characters} characters · ${count.segments} ${segmentWord} · ${count.remainingInSegment} left in the last segment`}</span>
      </div>
      <p className="text-xs text-gray-500">
        {count.encoding === "GSM-7"
          ? "GSM-7: 160 characters fit in one SMS; a longer message is sent as segments of 153. €, {, }, [, ], ~, ^, | and \\ count twice."
          : `UCS-2 because of ${shown.join(", ")}: 70 characters fit in one SMS, and a longer message is sent as segments of 67. If these are stray symbols (emoji, curly quotes, long dashes), replacing them brings the message back to GSM-7.`}
      </p>
    </div>
  );
}

/** How messengers and team chat show a text message, to judge its length and line breaks. */
const apps = [
  { name: "WhatsApp", screen: "bg-[#efeae2]", bubble: "bg-[#d9fdd3] rounded-lg rounded-tr-none" },
  { name: "LINE", screen: "bg-[#8cabd9]", bubble: "bg-[#85e249] rounded-2xl rounded-tr-sm" },
  { name: "Telegram", screen: "bg-[#c8daa8]", bubble: "bg-[#effdde] rounded-2xl rounded-br-sm" },
] as const;

export function MessengerBubbles({ text }: { text: string }) {
  return (
    <div className="grid gap-3 2xl:grid-cols-3" data-testid="preview-messenger">
      {apps.map((app) => (
        <figure key={app.name} className={`rounded-xl p-3 ${app.screen}`}>
          <figcaption className="mb-2 text-xs font-semibold text-gray-800">{app.name}</figcaption>
          <p className={`ml-auto max-w-[95%] px-3 py-2 text-sm whitespace-pre-wrap break-words text-gray-900 shadow-sm ${app.bubble}`}>{text}</p>
        </figure>
      ))}
    </div>
  );
}

/** An approved WhatsApp template as the customer sees it, filled with the order's values. */
export function WhatsAppTemplateBubble({ text }: { text: string }) {
  return (
    <div className="rounded-xl bg-[#efeae2] p-3">
      <p className="ml-auto max-w-[90%] rounded-lg rounded-tr-none bg-[#d9fdd3] px-3 py-2 text-sm whitespace-pre-wrap break-words text-gray-900 shadow-sm" data-testid="preview-whatsapp-template">
        {text}
      </p>
    </div>
  );
}

/** A post in a team chat channel (Slack, Google Chat). */
export function ChatPost({ text, author }: { text: string; author: string }) {
  return (
    <div className="flex gap-3 rounded-md bg-white p-3 ring-1 ring-gray-200" data-testid="preview-chat">
      <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white">
        {author.slice(0, 1).toUpperCase()}
      </span>
      <div>
        <p className="text-sm font-semibold text-gray-900">{author}</p>
        <p className="text-sm whitespace-pre-wrap break-words text-gray-800">{text}</p>
      </div>
    </div>
  );
}

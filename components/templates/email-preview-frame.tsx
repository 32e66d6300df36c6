import type { CSSProperties } from "react";
import { cn } from "../ui/cn";

/**
 * A rendered email, shown in a fully sandboxed frame: the HTML holds the manager's template markup, so it
 * must not run scripts, submit forms or navigate the dashboard.
 */
export function EmailPreviewFrame({ html, title, className, style }: { html: string; title: string; className?: string; style?: CSSProperties }) {
  return <iframe title={title} sandbox="" srcDoc={html} referrerPolicy="no-referrer" style={style} className={cn("rounded-md bg-gray-100 ring-1 ring-gray-200", className ?? "h-[52rem] w-full")} />;
}

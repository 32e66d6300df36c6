/**
 * A rendered email, shown in a fully sandboxed frame: the HTML holds the manager's template markup, so it
 * must not run scripts, submit forms or navigate the dashboard.
 */
export function EmailPreviewFrame({ html, title }: { html: string; title: string }) {
  return <iframe title={title} sandbox="" srcDoc={html} referrerPolicy="no-referrer" className="h-[52rem] w-full rounded-md bg-gray-100 ring-1 ring-gray-200" />;
}

/** For customers, not staff: no dashboard link, just what to do. */
export default function ReceiptNotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-gray-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">Receipt not found</h1>
      <p className="mt-3 text-sm text-gray-600">
        This receipt link is not valid. Open the link from your order confirmation again, copying it whole; if it still
        does not work, reply to your confirmation email and the store will help.
      </p>
    </main>
  );
}

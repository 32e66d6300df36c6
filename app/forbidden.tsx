import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-gray-600">Your role does not include it. Ask an admin if you need it.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Back to the overview
      </Link>
    </main>
  );
}

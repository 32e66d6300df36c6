/** A platform's set-up, step by step, as the adapter words it for this source's trigger URL. */
export function SetupSteps({ steps }: { steps: string[] }) {
  if (steps.length === 0) return <p className="text-sm text-gray-500">This platform needs no set-up beyond the trigger URL.</p>;
  return (
    <ol className="list-decimal space-y-1.5 pl-5 text-sm text-gray-700 marker:text-gray-400">
      {steps.map((step, index) => (
        <li key={index} className="break-words">
          {step}
        </li>
      ))}
    </ol>
  );
}

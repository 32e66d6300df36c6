"use client";

import { useId, useState } from "react";
import { snippetFor, variableCatalogue, variableGroupLabel, variableGroups } from "@/lib/templates/variable-catalogue";
import { Button } from "../ui/button";

/** The documented variables, by group, with what each holds; Insert puts it at the cursor of the last field. */
export function VariablePicker({ onInsert, target }: { onInsert: (snippet: string) => void; target: string }) {
  const id = useId();
  const [name, setName] = useState(variableCatalogue[0]!.name);
  const chosen = variableCatalogue.find((variable) => variable.name === name) ?? variableCatalogue[0]!;
  return (
    <div className="rounded-md bg-gray-50 p-3 ring-1 ring-gray-200">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        Variables
      </label>
      <div className="mt-1 flex gap-2">
        <select
          id={id}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-describedby={`${id}-about`}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
        >
          {variableGroups.map((group) => (
            <optgroup key={group} label={variableGroupLabel[group]}>
              {variableCatalogue
                .filter((variable) => variable.group === group)
                .map((variable) => (
                  <option key={variable.name} value={variable.name}>
                    {variable.list ? `${variable.name} (loop)` : variable.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <Button variant="secondary" onClick={() => onInsert(snippetFor(chosen))} aria-label={`Insert ${chosen.name} into ${target}`}>
          Insert
        </Button>
      </div>
      <p id={`${id}-about`} className="mt-2 text-xs text-gray-600">
        {chosen.description}
        {chosen.list ? null : <span className="text-gray-500">{` Sample: ${chosen.example}`}</span>}
        <span className="block text-gray-500">{`Inserts into: ${target}`}</span>
      </p>
    </div>
  );
}

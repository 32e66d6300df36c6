import { closest, distance } from "fastest-levenshtein";
import type { Variable } from "liquidjs";
import { itemFieldNames, variableCatalogue } from "@/lib/templates/variable-catalogue";
import { type TemplatePart, TemplateSyntaxError, partLabel, parseTemplate, templateParts } from "./render-liquid";

/** Something wrong in a template, where it is: shown while typing, and the reason a save is refused. */
export type TemplateProblem = { part: TemplatePart; line: number | null; column: number | null; message: string };

/** A node of the variable tree: named fields, or a list of items, or (neither) a plain value. */
type VariableNode = { fields?: Map<string, VariableNode>; items?: VariableNode };

function buildTree(): Map<string, VariableNode> {
  const roots = new Map<string, VariableNode>();
  const item: VariableNode = { fields: new Map(itemFieldNames.map((name) => [name, {}])) };
  for (const variable of variableCatalogue) {
    if (variable.inItemLoop) continue;
    const [root, ...path] = variable.name.split(".");
    if (!roots.has(root!)) roots.set(root!, { fields: new Map() });
    let node = roots.get(root!)!;
    for (const [index, segment] of path.entries()) {
      node.fields ??= new Map();
      if (!node.fields.has(segment)) node.fields.set(segment, index === path.length - 1 && variable.list ? { items: item } : {});
      node = node.fields.get(segment)!;
    }
  }
  return roots;
}

const tree = buildTree();
const knownNames = variableCatalogue.map((variable) => variable.name);

/** Whether a path of segments exists: lists take an index, first or last; anything takes size. */
function isKnownPath(segments: Array<string | number | Variable>): boolean {
  let node: VariableNode | undefined = tree.get(String(segments[0]));
  for (const segment of segments.slice(1)) {
    if (!node) return false;
    // A computed segment (order.items[i]) cannot be checked before render time.
    if (typeof segment === "object") return true;
    if (segment === "size") return true;
    if (node.items) node = typeof segment === "number" || segment === "first" || segment === "last" ? node.items : undefined;
    else node = node.fields?.get(String(segment));
  }
  return Boolean(node);
}

function unknownVariableMessage(part: TemplatePart, variable: Variable): string {
  const name = String(variable);
  const where = `on line ${variable.location.row}, column ${variable.location.col}`;
  if (String(variable.segments[0]) === "item") {
    return `${partLabel(part)} uses “${name}” ${where} outside a loop: item fields work only inside {% for item in order.items %}…{% endfor %}.`;
  }
  const suggestion = closest(name, knownNames);
  const hint = distance(name, suggestion) <= Math.max(2, Math.ceil(name.length / 3)) ? ` Did you mean “${suggestion}”?` : " Pick one from the variable list.";
  return `${partLabel(part)} uses an unknown variable “${name}” ${where}.${hint}`;
}

/**
 * Checks each part of a template for syntax errors and for variables the catalogue does not have, with
 * line and column. Variables assigned in the template, loop variables and forloop are the template's own.
 */
export function checkTemplate(parts: Partial<Record<TemplatePart, string | null | undefined>>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const part of templateParts) {
    const source = parts[part];
    if (!source) continue;
    let parsed;
    try {
      parsed = parseTemplate(source, part);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      problems.push({ part, line: error.line, column: error.column, message: error.message });
      continue;
    }
    const { globals } = parsed.liquid.analyzeSync(parsed.templates, { partials: false });
    for (const variables of Object.values(globals)) {
      for (const variable of variables) {
        if (isKnownPath(variable.segments)) continue;
        problems.push({ part, line: variable.location.row, column: variable.location.col, message: unknownVariableMessage(part, variable) });
      }
    }
  }
  return problems.sort((a, b) => templateParts.indexOf(a.part) - templateParts.indexOf(b.part) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

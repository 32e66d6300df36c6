import { Liquid, LiquidError, type Template } from "liquidjs";

/**
 * Liquid for message templates. Templates are written by managers and rendered by the dispatcher, so a
 * broken or hostile one must fail fast with a message a manager can act on, and never hang a worker or
 * read a file:
 * - `strictFilters`: a misspelt filter is an error, not silently skipped;
 * - `templates: {}`: include/render/layout resolve from an empty in-memory map, never the file system;
 * - parse, render-time and memory limits (liquidjs' DoS options).
 * Undefined variables render as nothing (Liquid's usual behaviour), so an order without, say, a delivery
 * estimate still gets its message.
 * @see https://liquidjs.com/tutorials/dos.html
 */
export type LiquidLimits = {
  /** Longest template source, in characters. */
  parseLimit: number;
  /** Longest render, in milliseconds. */
  renderLimit: number;
  /** Most "memory" (string and array sizes, ranges) one render may allocate, in liquidjs' units. */
  memoryLimit: number;
};

export const defaultLiquidLimits: LiquidLimits = { parseLimit: 100_000, renderLimit: 500, memoryLimit: 1_000_000 };

/** `html`: values are HTML-escaped on output (the template's own markup is kept); `none`: plain text, SMS. */
export type OutputMode = "html" | "none";

/** The parts of a template: the subject (email, CRM note), the email's heading and footer, the body. */
export const templateParts = ["subject", "heading", "body", "footer"] as const;
export type TemplatePart = (typeof templateParts)[number];

const partLabels: Record<TemplatePart, string> = { subject: "The subject", heading: "The heading", body: "The message", footer: "The footer" };

export function partLabel(part: TemplatePart): string {
  return partLabels[part];
}

type Position = { line: number | null; column: number | null };

function positionOf(error: unknown): Position {
  const [line, column] = (error instanceof LiquidError ? error.token?.getPosition?.() : undefined) ?? [];
  return { line: line ?? null, column: column ?? null };
}

/** liquidjs appends ", line:1, col:5" to its messages; the position is given separately here. */
function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/, line:\d+, col:\d+$/, "");
}

function at({ line, column }: Position): string {
  return line ? ` on line ${line}, column ${column}` : "";
}

/** The template cannot be parsed: an unclosed tag or output, an unknown tag or filter, too long… */
export class TemplateSyntaxError extends Error {
  readonly line: number | null;
  readonly column: number | null;
  constructor(
    readonly part: TemplatePart,
    cause: unknown,
  ) {
    const position = positionOf(cause);
    const reason = /parse length limit exceeded/.test(reasonOf(cause)) ? "it is too long" : reasonOf(cause);
    super(`${partLabel(part)} has a template syntax error${at(position)}: ${reason}.`, { cause });
    this.name = "TemplateSyntaxError";
    this.line = position.line;
    this.column = position.column;
  }
}

/** The template parsed but failed while rendering: a limit was exceeded, or a filter failed. */
export class TemplateRenderError extends Error {
  constructor(
    readonly part: TemplatePart,
    reason: string,
    cause?: unknown,
  ) {
    super(`${partLabel(part)} could not be rendered: ${reason}.`, { cause });
    this.name = "TemplateRenderError";
  }
}

function engine(mode: OutputMode, limits: LiquidLimits): Liquid {
  return new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    outputEscape: mode === "html" ? "escape" : undefined,
    templates: {},
    cache: false,
    ...limits,
  });
}

const engines = new Map<string, Liquid>();

function engineFor(mode: OutputMode, limits: LiquidLimits): Liquid {
  const key = `${mode}:${limits.parseLimit}:${limits.renderLimit}:${limits.memoryLimit}`;
  let found = engines.get(key);
  if (!found) {
    found = engine(mode, limits);
    engines.set(key, found);
  }
  return found;
}

function parse(liquid: Liquid, source: string, part: TemplatePart): Template[] {
  try {
    return liquid.parse(source);
  } catch (error) {
    throw new TemplateSyntaxError(part, error);
  }
}

/** Parses a template without rendering it, for checks; throws TemplateSyntaxError. */
export function parseTemplate(source: string, part: TemplatePart = "body", limits: LiquidLimits = defaultLiquidLimits): { liquid: Liquid; templates: Template[] } {
  const liquid = engineFor("none", limits);
  return { liquid, templates: parse(liquid, source, part) };
}

export async function renderLiquid(
  source: string,
  scope: object,
  options: { mode: OutputMode; part?: TemplatePart; limits?: LiquidLimits },
): Promise<string> {
  const part = options.part ?? "body";
  const liquid = engineFor(options.mode, options.limits ?? defaultLiquidLimits);
  const templates = parse(liquid, source, part);
  try {
    return String(await liquid.render(templates, scope));
  } catch (error) {
    throw new TemplateRenderError(part, describeRenderFailure(error), error);
  }
}

function describeRenderFailure(error: unknown): string {
  const reason = reasonOf(error);
  const where = at(positionOf(error));
  if (/render limit exceeded/.test(reason)) return `it took too long${where}; look for a loop that runs too many times`;
  if (/memory alloc limit exceeded/.test(reason)) return `it produced too much${where}; look for a loop or range that is too large`;
  if (/Failed to lookup/.test(reason)) return `include, render and layout are not available in message templates${where}`;
  return `${reason}${where}`;
}

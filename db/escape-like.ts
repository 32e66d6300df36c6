/** Escapes LIKE/ILIKE wildcards so a search for "50%" matches the text "50%" and not everything after "50". */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

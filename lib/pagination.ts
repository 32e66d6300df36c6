export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

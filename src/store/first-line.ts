/** The first line of an error's message (driver errors may come from another realm). */
export function firstLine(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === "string" ? message : String(error)).split("\n")[0];
}

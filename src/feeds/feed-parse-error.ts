/** The longest message a FeedParseError carries; longer reasons are cut with an ellipsis. */
export const MAX_PARSE_ERROR_LENGTH = 300;

/** Thrown when a document cannot be read as a feed; the message is one short line and says why. */
export class FeedParseError extends Error {
  override readonly name = "FeedParseError";

  constructor(message: string) {
    super(oneLine(message));
  }
}

// Reasons can quote the document (a root element's name, a JSON parser's excerpt): whatever a
// hostile document puts there, the message stays one bounded line for logs and the source record.
function oneLine(message: string): string {
  const line = message
    .slice(0, MAX_PARSE_ERROR_LENGTH * 2)
    .replace(/\s+/g, " ")
    .trim();
  return line.length > MAX_PARSE_ERROR_LENGTH
    ? `${line.slice(0, MAX_PARSE_ERROR_LENGTH - 1)}…`
    : line;
}

/** Thrown when a document cannot be read as a feed; the message is one line and says why. */
export class FeedParseError extends Error {
  override readonly name = "FeedParseError";

  constructor(message: string) {
    super(message);
  }
}

import {
  present,
  record,
  records,
  text,
  texts,
  type ExpectedFeed,
  type ExpectedItem,
} from "./expected-feed";

// feed-rs makes up an id for an entry without one: not the feed's own guid. It is an MD5 hex
// digest (written without its leading zeros, so 30 to 32 digits), or in older goldens a random
// UUID; either is made up only when the document itself does not hold it.
const GENERATED_ID =
  /^(?:[0-9a-f]{30,32}|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

/**
 * Maps a feed-rs golden (`*.serde.json`, its `Feed` model) into newsgate's terms. feed-rs copies
 * an RSS item's `pubDate` into `updated`, so `updated` is expected only where it differs from
 * `published`; enclosures are its media objects' content URLs. `source` is the document's text,
 * to tell ids feed-rs made up from the feed's own.
 */
export function mapFeedRs(json: unknown, source = ""): ExpectedFeed {
  const doc = record(json);
  return {
    title: text(record(doc.title).content),
    link: ownLink(doc.links),
    description: text(record(doc.description).content),
    items: records(doc.entries).map((entry) => entryOf(entry, source)),
  };
}

function entryOf(entry: Record<string, unknown>, source: string): ExpectedItem {
  const id = text(entry.id);
  const published = text(entry.published);
  const updated = text(entry.updated);
  return {
    title: text(record(entry.title).content),
    link: ownLink(entry.links),
    guid: id && !(GENERATED_ID.test(id) && !source.includes(id)) ? id : undefined,
    hasDescription: present(record(entry.summary).content),
    hasContent: present(record(entry.content).body),
    published,
    updated: updated !== published ? updated : undefined,
    authors: texts(records(entry.authors).map((a) => a.name)),
    categories: texts(records(entry.categories).map((c) => c.label ?? c.term)),
    enclosures: texts(records(entry.media).flatMap((m) => records(m.content).map((c) => c.url))),
  };
}

function ownLink(links: unknown): string | undefined {
  const own = records(links).find(
    (l) => (l.rel === null || l.rel === undefined || l.rel === "alternate") && text(l.href),
  );
  return own ? text(own.href) : undefined;
}

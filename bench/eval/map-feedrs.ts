import {
  present,
  record,
  records,
  text,
  texts,
  type ExpectedFeed,
  type ExpectedItem,
} from "./expected-feed";

// feed-rs makes up an id (an MD5 hex digest) for an entry without one: not the feed's own guid.
const GENERATED_ID = /^[0-9a-f]{32}$/;

/**
 * Maps a feed-rs golden (`*.serde.json`, its `Feed` model) into newsgate's terms. feed-rs copies
 * an RSS item's `pubDate` into `updated`, so `updated` is expected only where it differs from
 * `published`; enclosures are its media objects' content URLs.
 */
export function mapFeedRs(json: unknown): ExpectedFeed {
  const doc = record(json);
  return {
    title: text(record(doc.title).content),
    link: ownLink(doc.links),
    description: text(record(doc.description).content),
    items: records(doc.entries).map(entryOf),
  };
}

function entryOf(entry: Record<string, unknown>): ExpectedItem {
  const id = text(entry.id);
  const published = text(entry.published);
  const updated = text(entry.updated);
  return {
    title: text(record(entry.title).content),
    link: ownLink(entry.links),
    guid: id && !GENERATED_ID.test(id) ? id : undefined,
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

import {
  present,
  record,
  records,
  text,
  texts,
  type ExpectedFeed,
  type ExpectedItem,
} from "./expected-feed";

/** The shapes of gofeed's goldens: its universal Feed (translator/), and its RSS, Atom and JSON Feed parsers' own. */
export type GofeedShape = "universal" | "rss" | "atom" | "json";

/** Maps one of gofeed's expected JSON documents into newsgate's terms. */
export function mapGofeed(shape: GofeedShape, json: unknown): ExpectedFeed {
  const doc = record(json);
  switch (shape) {
    case "universal":
      return {
        ...feedFields(doc.title, doc.link, doc.description),
        items: records(doc.items).map(universalItem),
      };
    case "rss":
      return {
        ...feedFields(doc.title, doc.link, doc.description),
        items: records(doc.items).map(rssItem),
      };
    case "atom":
      return {
        ...feedFields(doc.title, atomLink(doc.links), doc.subtitle),
        items: records(doc.entries).map(atomItem),
      };
    case "json":
      return {
        ...feedFields(doc.title, doc.home_page_url, doc.description),
        items: records(doc.items).map(jsonItem),
      };
  }
}

function feedFields(
  title: unknown,
  link: unknown,
  description: unknown,
): Omit<ExpectedFeed, "items"> {
  return { title: text(title), link: text(link), description: text(description) };
}

// gofeed's universal Item: dates count only where gofeed parsed them (`*Parsed`).
function universalItem(item: Record<string, unknown>): ExpectedItem {
  return {
    title: text(item.title),
    link: text(item.link),
    guid: text(item.guid),
    hasDescription: present(item.description),
    hasContent: present(item.content),
    published: text(item.publishedParsed),
    updated: text(item.updatedParsed),
    authors: texts(records(item.authors).map((a) => a.name ?? a.email)),
    categories: texts(Array.isArray(item.categories) ? item.categories : []),
    enclosures: texts(records(item.enclosures).map((e) => e.url)),
  };
}

function rssItem(item: Record<string, unknown>): ExpectedItem {
  return {
    title: text(item.title),
    link: text(item.link),
    guid: text(record(item.guid).value),
    hasDescription: present(item.description),
    hasContent: present(item.content),
    published: text(item.pubDateParsed),
    authors: texts([item.author]),
    categories: texts(records(item.categories).map((c) => c.value)),
    enclosures: texts(records(item.enclosures).map((e) => e.url)),
  };
}

function atomItem(entry: Record<string, unknown>): ExpectedItem {
  return {
    title: text(entry.title),
    link: atomLink(entry.links),
    guid: text(entry.id),
    hasDescription: present(entry.summary),
    hasContent: present(record(entry.content).value),
    published: text(entry.publishedParsed),
    updated: text(entry.updatedParsed),
    authors: texts(records(entry.authors).map((a) => a.name ?? a.email)),
    categories: texts(records(entry.categories).map((c) => c.label ?? c.term)),
    enclosures: texts(
      records(entry.links)
        .filter((l) => l.rel === "enclosure")
        .map((l) => l.href),
    ),
  };
}

function jsonItem(item: Record<string, unknown>): ExpectedItem {
  const authors = [...records(item.authors), record(item.author)].map((a) => a.name);
  return {
    title: text(item.title),
    link: text(item.url),
    guid: text(item.id),
    hasDescription: present(item.summary),
    hasContent: present(item.content_html) ?? present(item.content_text),
    published: text(item.date_published),
    updated: text(item.date_modified),
    authors: texts([...new Set(authors)]),
    categories: texts(Array.isArray(item.tags) ? item.tags : []),
    enclosures: texts(records(item.attachments).map((a) => a.url)),
  };
}

// An Atom `link` is the item's own page when its rel is `alternate` or absent.
function atomLink(links: unknown): string | undefined {
  const own = records(links).find(
    (l) => (l.rel === undefined || l.rel === "alternate") && text(l.href),
  );
  return own ? text(own.href) : undefined;
}

import { rfc3339, rfc822 } from "./dates";
import type { FeedModel, ItemModel } from "./feed-model";
import { atomItemSlots, rss1ItemSlots, rss2ItemSlots, xmlFeedSlots } from "./render-xml";
import { fill, loadTemplate, type Slots } from "./templates";

/** Returns the feed written in its format, from the templates in bench/templates. */
export function renderFeed(feed: FeedModel): string {
  const latest = Math.max(...feed.items.map((item) => item.published));
  switch (feed.format) {
    case "rss2":
      return render("rss2.xml", xmlFeedSlots(feed, rfc822(latest, 0, true)), feed, rss2ItemSlots);
    case "rss1": {
      const head = { ...xmlFeedSlots(feed, rfc3339(latest, 0)), sequence: sequence(feed) };
      return render("rss1.xml", head, feed, rss1ItemSlots);
    }
    case "atom":
      return render("atom.xml", xmlFeedSlots(feed, rfc3339(latest, 0)), feed, (item, i) =>
        atomItemSlots(item, i, feed.xhtml),
      );
    case "json":
      return render("jsonfeed.json.tmpl", jsonFeedSlots(feed), feed, (item, i) =>
        jsonItemSlots(item, i === feed.items.length - 1),
      );
  }
}

function render(
  name: string,
  head: Slots,
  feed: FeedModel,
  itemSlots: (item: ItemModel, i: number) => Slots,
): string {
  const template = loadTemplate(name);
  const items = feed.items.map((item, i) => fill(template.item, itemSlots(item, i)));
  return fill(template.head, head) + items.join("") + fill(template.tail, head);
}

function sequence(feed: FeedModel): string {
  const li = (item: ItemModel) =>
    `        <rdf:li rdf:resource="${item.url.replace(/&/g, "&amp;")}" />`;
  return feed.items.map(li).join("\n");
}

const j = (value: unknown): string => JSON.stringify(value);

function jsonFeedSlots(feed: FeedModel): Slots {
  const { title, siteUrl, feedUrl, description, language } = feed;
  return {
    feedTitle: j(title),
    siteUrl: j(siteUrl),
    feedUrl: j(feedUrl),
    description: j(description),
    language: j(language),
  };
}

function jsonItemSlots(item: ItemModel, last: boolean): Slots {
  const enc = item.enclosure;
  return {
    guid: j(item.guid),
    url: j(item.url),
    title: j(item.title),
    summary: j(item.summary),
    content: j(item.content),
    image: j(item.image?.url ?? null),
    published: j(rfc3339(item.published, item.offset)),
    updated: j(item.updated === null ? null : rfc3339(item.updated, item.offset)),
    authors: j(item.author ? [{ name: item.author }] : []),
    categories: j(item.categories),
    attachments: j(enc ? [{ url: enc.url, mime_type: enc.type, size_in_bytes: enc.length }] : []),
    comma: last ? "" : ",",
  };
}

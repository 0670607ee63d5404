import type { RawItem } from "../domain/raw-feed";
import {
  childNode,
  childNodes,
  isNode,
  nodeAttr,
  resolveAgainst,
  type XmlNode,
} from "./parse-xml-nodes";

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/**
 * Returns an item's own image as written: a Media RSS image (`media:content` of medium or type
 * image, directly or in a `media:group`), else a `media:thumbnail`, else `itunes:image`; or null.
 */
export function parseItemImage(item: XmlNode): string | null {
  const holders = [item, ...childNodes(item, "media:group").filter(isNode)];
  const contents = holders.flatMap((holder) => childNodes(holder, "media:content"));
  const thumbnails = holders.flatMap((holder) => childNodes(holder, "media:thumbnail"));
  const image = contents.find(isMediaImage);
  return (
    (image ? nodeAttr(image, "url") : null) ??
    thumbnails.map((n) => nodeAttr(n, "url")).find((url) => url !== null) ??
    nodeAttr(childNode(item, "itunes:image"), "href")
  );
}

function isMediaImage(node: unknown): boolean {
  const medium = nodeAttr(node, "medium");
  const type = nodeAttr(node, "type");
  if (medium !== null || type !== null) return medium === "image" || !!type?.startsWith("image/");
  return IMAGE_PATH.test(nodeAttr(node, "url") ?? "");
}

/**
 * Returns an item's Media RSS files (`media:content`, directly or in a `media:group`) as
 * enclosures, links resolved against `base`: they are the item's media, as an `enclosure` is.
 * Thumbnails are previews, not the media, and are left out.
 */
export function parseMediaEnclosures(item: XmlNode, base: string | null): RawItem["enclosures"] {
  const holders = [item, ...childNodes(item, "media:group").filter(isNode)];
  return holders.flatMap((holder) =>
    childNodes(holder, "media:content").flatMap((node) => {
      const url = resolveAgainst(nodeAttr(node, "url"), base);
      const length = Number(nodeAttr(node, "fileSize") ?? NaN);
      if (!url) return [];
      return [
        { url, type: nodeAttr(node, "type"), length: Number.isFinite(length) ? length : null },
      ];
    }),
  );
}

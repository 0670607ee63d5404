import { childNode, childNodes, isNode, nodeAttr, type XmlNode } from "./parse-xml-nodes";

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

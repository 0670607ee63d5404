import { readHtml } from "../../src/pages/read-html";
import { nameWords, stripChrome } from "../../src/pages/strip-chrome";

const SENTENCE =
  "The council met on Tuesday evening and voted to keep the library open for another year. ";

function page(body: string, bodyClass = ""): Document {
  return readHtml(`<html><body class="${bodyClass}">${body}</body></html>`);
}

describe("nameWords", () => {
  it("splits class and id names at dashes, underscores and case changes", () => {
    expect(nameWords("c-share__button")).toEqual(["c", "share", "button"]);
    expect(nameWords("shareTools")).toEqual(["share", "tools"]);
    expect(nameWords("subType-unsubscribed")).toEqual(["sub", "type", "unsubscribed"]);
  });
});

describe("stripChrome", () => {
  it("removes furniture named by whole words, and keeps names that only contain them", () => {
    const document = page(
      `<div class="share-bar"><a href="/s">Share</a></div>` +
        `<div class="subType-unsubscribed"><p>${SENTENCE}</p></div>` +
        `<div class="promotional-content">Spring sale</div>` +
        `<div id="newsletterSignup">Sign up</div>`,
    );
    const stripped = stripChrome(document);
    expect(document.querySelector(".share-bar")).toBeNull();
    expect(document.querySelector("#newsletterSignup")).toBeNull();
    expect(document.querySelector(".subType-unsubscribed")).not.toBeNull();
    expect(document.querySelector(".promotional-content")).not.toBeNull();
    expect(stripped).toEqual({ elements: 2, words: 3 });
  });

  it("never removes the page, its main content or the story's container", () => {
    const story = `<p>${SENTENCE.repeat(3)}</p>`.repeat(3);
    const document = page(
      `<main class="js-social-anchor-start"><article class="promo topics">` +
        `<div class="entry-content-read-more">${story}</div></article></main>`,
      "cookies-not-set has-share-tools",
    );
    stripChrome(document);
    expect(document.body).not.toBeNull();
    expect(document.querySelector("main")).not.toBeNull();
    expect(document.querySelector("article")).not.toBeNull();
    expect(document.querySelectorAll("p")).toHaveLength(3);
  });

  it("keeps a furniture-named block that holds a long paragraph or much unlinked text", () => {
    const long = `<p>${SENTENCE.repeat(3)}</p>`;
    const many = `<span>${SENTENCE.repeat(12)}</span>`;
    const document = page(
      `<div class="related">${long}</div><aside class="sidebar">${many}</aside>`,
    );
    stripChrome(document);
    expect(document.querySelector(".related")).not.toBeNull();
    expect(document.querySelector("aside")).not.toBeNull();
  });

  it("removes a long block that is mostly links, and scripts wherever they are", () => {
    const links = Array.from(
      { length: 40 },
      (_, i) => `<a href="/${i}">Story number ${i} here</a>`,
    );
    const document = page(`<nav>${links.join(" ")}</nav><p>Text<script>track()</script></p>`);
    stripChrome(document);
    expect(document.querySelector("nav")).toBeNull();
    expect(document.querySelector("script")).toBeNull();
    expect(document.querySelector("p")?.textContent).toBe("Text");
  });

  it("removes a label-and-link paragraph in the text, not a sentence that cites a link", () => {
    const document = page(
      `<div class="body"><p>${SENTENCE}</p>` +
        `<p><em>Read more</em>: <a href="/looted-art">Looted colonial art goes home</a></p>` +
        `<p>Source: the <a href="/report">council report</a> published on Monday said rents would rise by four per cent.</p>` +
        `<p>Downloads: <a href="/a.js">loader.js</a>, <a href="/b.js">adapter.js</a></p></div>`,
    );
    stripChrome(document);
    expect(document.body.textContent).not.toContain("Looted colonial art");
    expect(document.body.textContent).toContain("council report");
    expect(document.body.textContent).toContain("Downloads: loader.js, adapter.js");
  });
});

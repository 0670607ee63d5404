import { sanitizeContent } from "../../src/domain/sanitize-content";

const BASE = "https://news.example.com/2026/02/05/story";
const clean = (html: string) => sanitizeContent(html, BASE);

describe("sanitizeContent", () => {
  it("keeps text structure, tables and figures", () => {
    const html =
      "<h2>Title</h2><p>Some <strong>bold</strong> and <em>em</em>.</p><blockquote>q</blockquote>" +
      '<figure><img src="https://cdn.example.com/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>' +
      "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>";
    expect(clean(html)).toBe(
      "<h2>Title</h2><p>Some <strong>bold</strong> and <em>em</em>.</p><blockquote>q</blockquote>" +
        '<figure><img src="https://cdn.example.com/a.jpg" alt="A" /><figcaption>Cap</figcaption></figure>' +
        "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>",
    );
  });

  it("removes scripts, styles, iframes and forms with their content", () => {
    const html =
      '<p>a</p><script>alert("x")</script><style>p{}</style><iframe src="https://e.com">f</iframe>' +
      '<form action="/x"><input name="q"><button>Go</button><select><option>o</option></select></form>';
    expect(clean(html)).toBe("<p>a</p>");
  });

  it("removes event handlers, classes, ids and inline styles", () => {
    expect(clean('<p id="x" class="lead" style="color:red" onclick="steal()">a</p>')).toBe(
      "<p>a</p>",
    );
    expect(clean('<img src="https://e.com/a.png" onerror="steal()">')).toBe(
      '<img src="https://e.com/a.png" />',
    );
  });

  it("drops javascript: URLs", () => {
    expect(clean('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="noopener noreferrer">x</a>');
    expect(clean('<a href=" JaVaScRiPt:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer">x</a>',
    );
  });

  it("allows data: URLs in image sources only", () => {
    const pixel = "data:image/png;base64,iVBORw0KGgo=";
    expect(clean(`<img src="${pixel}" alt="">`)).toBe(`<img src="${pixel}" alt="" />`);
    expect(clean(`<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`)).toBe(
      '<a rel="noopener noreferrer">x</a>',
    );
  });

  it("drops 1x1 tracking images and images without a source", () => {
    const html =
      '<p>a</p><img src="https://t.example.net/pixel.gif" width="1" height="1">' +
      '<img src="https://t.example.net/p.gif" width="0" height="0"><img alt="none">';
    expect(clean(html)).toBe("<p>a</p>");
  });

  it("marks links rel=noopener noreferrer, replacing any rel and target", () => {
    expect(clean('<a href="https://e.com/" rel="nofollow" target="_blank">x</a>')).toBe(
      '<a href="https://e.com/" rel="noopener noreferrer">x</a>',
    );
  });

  it("makes relative href and src absolute against the item URL", () => {
    expect(clean('<a href="/about">a</a><img src="img/a.jpg"><a href="#top">t</a>')).toBe(
      '<a href="https://news.example.com/about" rel="noopener noreferrer">a</a>' +
        '<img src="https://news.example.com/2026/02/05/img/a.jpg" />' +
        '<a href="https://news.example.com/2026/02/05/story#top" rel="noopener noreferrer">t</a>',
    );
  });

  it("makes srcset candidates absolute", () => {
    expect(
      clean('<picture><source srcset="a.webp 1x, /b.webp 2x" type="image/webp"></picture>'),
    ).toBe(
      '<picture><source srcset="https://news.example.com/2026/02/05/a.webp 1x, ' +
        'https://news.example.com/b.webp 2x" type="image/webp" /></picture>',
    );
  });

  it("keeps mailto links", () => {
    expect(clean('<a href="mailto:desk@example.com">mail</a>')).toBe(
      '<a href="mailto:desk@example.com" rel="noopener noreferrer">mail</a>',
    );
  });

  it("changes nothing when run on its own output", () => {
    const hostile =
      '<p onclick="x()">Fish &amp; Chips &lt;3 &nbsp;</p><a href="rel/a?x=1&y=2" rel="x">l</a>' +
      '<img src="p.gif" width="1" height="1"><img srcset="a.jpg 1x, b.jpg 2x" src="c.jpg">' +
      '<script>bad()</script><table><tr><td colspan="2">c</td></tr></table><div><span>s</span></div>';
    const once = clean(hostile);
    expect(clean(once)).toBe(once);
  });
});

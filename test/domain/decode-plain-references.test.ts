import { decodePlainReferences } from "../../src/domain/decode-plain-references";

describe("decodePlainReferences", () => {
  it("writes out the numeric references of text as their characters", () => {
    expect(decodePlainReferences("<p>&#65;&#x42;&#233; &#x1F600;</p>")).toBe("<p>ABé 😀</p>");
  });

  it("keeps references to markup, controls and what the parser remaps", () => {
    const kept = "<p>&#60;b&#62; &#38;amp; &#0; &#128; &#13; &#xD800; &#1114112;</p>";
    expect(decodePlainReferences(kept)).toBe(kept.replace("&#62;", ">"));
  });

  it("never completes a named reference with a character it writes out", () => {
    expect(decodePlainReferences("&&#65;MP; &am&#112;; &copy&#59; a&#65;")).toBe(
      "&&#65;MP; &am&#112;; &copy&#59; aA",
    );
  });

  it("leaves tags, comments and raw-text elements as they are", () => {
    const html =
      '<a title="&#65;">&#66;</a><!-- &#67; --><script>"&#68;"</script>' +
      '<textarea>&#69;</textarea><p title="x>&#70;">&#71;</p>';
    expect(decodePlainReferences(html)).toBe(
      '<a title="&#65;">B</a><!-- &#67; --><script>"&#68;"</script>' +
        '<textarea>&#69;</textarea><p title="x>&#70;">G</p>',
    );
  });
});

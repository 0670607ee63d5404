import { readPostlightExpectations } from "../../../bench/eval/postlight-expectations";

const TEST_FILE = `
describe('ExampleExtractor', () => {
  describe('initial test case', () => {
    let result;
    let url;
    beforeAll(() => {
      url =
        'https://www.example.com/2016/story?id=1';
      const html = fs.readFileSync('./fixtures/www.example.com.html');
      result = Mercury.parse(url, { html, fallback: false });
    });

    it('returns the title', async () => {
      const { title } = await result;
      assert.equal(title, \`A "quoted" title\`);
    });

    it('returns the author', async () => {
      const { author } = await result;
      assert.equal(author, 'Jane ' + 'Doe');
    });

    it('returns the date_published', async () => {
      const { date_published } = await result;
      assert.equal(date_published, null);
    });

    it('returns the lead_image_url', async () => {
      const { lead_image_url } = await result;
      assert.equal(lead_image_url, 'https://img.example.com/a.jpg');
    });

    it('returns the content', async () => {
      assert.equal(first13, 'Not a field we score');
    });
  });

  it('works with a feature story', async () => {
    const html = fs.readFileSync('./fixtures/www.example.com--feature.html');
    const uri = 'https://www.example.com/feature';
    const { title } = await Mercury.parse(uri, { html });
    assert.equal(title, 'Feature');
  });
});
`;

describe("readPostlightExpectations", () => {
  const cases = readPostlightExpectations(TEST_FILE);

  it("finds one case per fixture the test file loads", () => {
    expect(cases.map((c) => c.fixture)).toEqual([
      "www.example.com.html",
      "www.example.com--feature.html",
    ]);
  });

  it("reads the url and the asserted fields of the block that loads the fixture", () => {
    expect(cases[0]).toEqual({
      fixture: "www.example.com.html",
      url: "https://www.example.com/2016/story?id=1",
      expected: {
        title: 'A "quoted" title',
        author: "Jane Doe",
        date_published: null,
        lead_image_url: "https://img.example.com/a.jpg",
      },
    });
  });

  it("keeps a nested block's assertions to its own fixture, with the url it parses", () => {
    expect(cases[1].expected).toEqual({ title: "Feature" });
    expect(cases[1].url).toBe("https://www.example.com/feature");
  });
});

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { el, escapeXml, escapeXmlAttribute, renderXml } from "./xml";

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", trimValues: false, processEntities: true, htmlEntities: true }).parse(xml);

describe("escapeXml", () => {
  it("escapes the five markup characters", () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  });

  it("escapes an ampersand that already looks like an entity, so text round-trips", () => {
    expect(escapeXml("&amp; &#60;")).toBe("&amp;amp; &amp;#60;");
  });

  it("leaves Chinese text, Chinese quotes and emoji alone", () => {
    const title = "《关于“退役军人”就业的‘若干’规定》—— 第一条 🇨🇳";
    expect(escapeXml(title)).toBe(title);
  });

  it("drops characters XML 1.0 forbids, including lone surrogates, and keeps tab and newline", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF\tg\nh")).toBe("abcdef\tg\nh");
    expect(escapeXml("x\uD800y\uDC00z")).toBe("xyz");
    expect(escapeXml("😀")).toBe("😀");
  });

  it("keeps a carriage return as a reference, which parsers would otherwise fold into a newline", () => {
    expect(escapeXml("a\r\nb")).toBe("a&#13;\nb");
  });

  it("keeps line breaks and tabs in attributes as references", () => {
    expect(escapeXmlAttribute('a\nb\tc"')).toBe("a&#10;b&#9;c&quot;");
  });
});

describe("renderXml", () => {
  it("writes a well-formed document whose text and attributes parse back exactly", () => {
    const hostile = `A & B <b>"引号"</b> 'x' ]]> \r\n end\u0001`;
    const xml = renderXml(el("feed", { xmlns: "http://www.w3.org/2005/Atom" }, el("title", { type: "text" }, hostile), el("link", { href: hostile })));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc.feed.title["#text"]).toBe(hostile.replace("\u0001", ""));
    expect(doc.feed.link["@href"]).toBe(hostile.replace("\u0001", ""));
  });

  it("indents element-only content and writes text-holding elements on one line", () => {
    const xml = renderXml(el("a", {}, el("b", {}, "text"), el("c", { n: 1, skip: null })));
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<a>\n  <b>text</b>\n  <c n="1"/>\n</a>\n');
  });

  it("refuses element and attribute names that are not XML names", () => {
    expect(() => renderXml(el("bad name"))).toThrow(/element name/);
    expect(() => renderXml(el("a", { 'x="1" y': "2" }))).toThrow(/attribute name/);
  });
});

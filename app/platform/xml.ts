// A deliberately small XML writer for the Atom feed: every string passes through `escapeXml`,
// so a title such as 《关于“A&B”的<通知>》 can never break the document or inject markup.

// Characters XML 1.0 forbids outright (§2.2): C0 controls other than tab/LF/CR, lone surrogates,
// U+FFFE and U+FFFF. One of them anywhere makes the whole feed unreadable to every feed reader,
// so they are dropped rather than escaped (they cannot be escaped: &#1; is forbidden too).
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\r": "&#13;" };
// Parsers turn a literal tab or newline in an attribute value into a space; references survive.
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...ENTITIES, "\n": "&#10;", "\t": "&#9;" };

/** Text safe for element content (and quoted attributes); a literal CR is kept as a reference. */
export function escapeXml(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, "").replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

/** Text for an attribute value, where line breaks and tabs would otherwise become spaces. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, "").replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ENTITIES[c]);
}

/** The same escaping is right for HTML text (&#39; rather than &apos;, which HTML 4 lacks); named apart so call sites say which. */
export const escapeHtml = escapeXml;

export type XmlAttributes = Record<string, string | number | null | undefined>;

/** A node of the tree `renderXml` writes: an element with attributes and children, or text. */
export type XmlNode = string | { name: string; attributes?: XmlAttributes; children?: XmlNode[] };

export function el(name: string, attributes: XmlAttributes = {}, ...children: XmlNode[]): XmlNode {
  return { name, attributes, children };
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

function renderAttributes(attributes: XmlAttributes = {}): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => {
      // Names come from our code, never from data; a bad one is a programming error.
      if (!NAME.test(key)) throw new Error(`Invalid XML attribute name: ${key}`);
      return ` ${key}="${escapeXmlAttribute(String(value))}"`;
    })
    .join("");
}

// `depth` null means inline: inside an element that holds text, where whitespace would be content.
function renderNode(node: XmlNode, depth: number | null): string {
  const indent = depth === null ? "" : "  ".repeat(depth);
  if (typeof node === "string") return indent + escapeXml(node);
  if (!NAME.test(node.name)) throw new Error(`Invalid XML element name: ${node.name}`);
  const open = `${indent}<${node.name}${renderAttributes(node.attributes)}`;
  const children = node.children ?? [];
  if (children.length === 0) return `${open}/>`;
  if (depth === null || children.some((c) => typeof c === "string")) {
    return `${open}>${children.map((c) => renderNode(c, null)).join("")}</${node.name}>`;
  }
  return `${open}>\n${children.map((c) => renderNode(c, depth + 1)).join("\n")}\n${indent}</${node.name}>`;
}

/** A complete UTF-8 XML document. */
export function renderXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderNode(root, 0)}\n`;
}

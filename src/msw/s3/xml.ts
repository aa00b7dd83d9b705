/**
 * The little XML S3 needs: escaping for responses, and reading the few small, flat request
 * documents the mock accepts (CreateBucketConfiguration, VersioningConfiguration, Delete,
 * CompleteMultipartUpload). No general XML parser: these documents have no attributes we
 * read, no CDATA and no nesting deeper than two levels.
 */

/** The namespace every S3 response document carries. */
const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
};

/** Escapes text for an XML element body (also CR/LF, which a parser would otherwise normalise). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (c) => ESCAPES[c] as string);
}

/** `<?xml …?><Root xmlns="…">body</Root>`: the envelope of every S3 response document. */
export function xmlDocument(root: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_XMLNS}">${body}</${root}>`;
}

/** `<name>escaped value</name>`, or nothing when the value is undefined. */
export function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Decodes the five predefined entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec !== undefined) return String.fromCodePoint(Number.parseInt(dec, 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
    },
  );
}

/** Thrown when a request document is not the XML S3 expects; mapped to `MalformedXML`. */
export class MalformedXmlError extends Error {
  override readonly name = 'MalformedXmlError';
}

/**
 * The raw (still escaped) inner text of every `<name>…</name>` element in `xml`, in order.
 * Self-closing `<name/>` gives an empty string.
 */
export function elements(xml: string, name: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'g');
  for (let match = pattern.exec(xml); match !== null; match = pattern.exec(xml)) out.push(match[1] ?? '');
  return out;
}

/** The unescaped text of the first `<name>` element, or undefined when there is none. */
export function text(xml: string, name: string): string | undefined {
  const found = elements(xml, name)[0];
  return found === undefined ? undefined : unescapeXml(found);
}

/** Checks that `xml` is a document whose root element is `root`; throws MalformedXmlError if not. */
export function assertRoot(xml: string, root: string): void {
  const body = xml.replace(/^\uFEFF?\s*(?:<\?xml[^>]*\?>)?\s*/, '');
  if (
    !new RegExp(`^<${root}(?:\\s[^>]*)?>[\\s\\S]*</${root}\\s*>\\s*$`).test(body) &&
    !new RegExp(`^<${root}(?:\\s[^>]*)?/>\\s*$`).test(body)
  ) {
    throw new MalformedXmlError(`expected a <${root}> document`);
  }
}

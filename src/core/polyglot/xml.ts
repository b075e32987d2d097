import { skipPast, token, type Setting, type TextToken, type TokenizedText } from './tokens.js';

interface Attribute {
  name: string;
  start: number;
  /** The value without quotes, and where it is written; absent for a bare attribute. */
  value?: { text: string; start: number; end: number };
}

interface Element {
  name: string;
  start: number;
  attributes: Attribute[];
  hasChildElements: boolean;
  /** The first text (or CDATA) inside it, nested elements included. */
  text?: { text: string; end: number };
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
const ATTRIBUTE = /^\s*([^\s=/>"']+)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>"']+))?/;

/** The attribute that names a setting in `<add key="K" value="V"/>`, `<entry key="K">V</entry>`, `<setting name="K">`. */
function settingName(element: Element): Attribute | undefined {
  return element.attributes.find((attribute) => /^(key|name)$/i.test(attribute.name) && attribute.value);
}

function localName(name: string): string {
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

export interface XmlOptions {
  /** Markup of a web page (HTML, Vue and Svelte templates): tokens only, no settings. */
  isMarkup?: boolean;
}

/**
 * XML (and the markup of web pages): comments, CDATA, attribute values and text are tokens.
 * Settings: `<add key="K" value="V"/>`-style entries (.NET appSettings, Spring properties,
 * Java properties XML), elements that hold a value (`<zohoApiKey>V</zohoApiKey>`), and
 * attributes, each nested under the element names around them. Tolerant of unclosed elements.
 */
export function tokenizeXml(text: string, options: XmlOptions = {}): TokenizedText {
  const tokens: TextToken[] = [];
  const settings: Setting[] = [];
  const stack: Element[] = [];
  const path = () => stack.map((element) => localName(element.name));

  const closeElement = (element: Element, end: number) => {
    if (options.isMarkup) return;
    const parents = path();
    const named = settingName(element);
    const valueAttribute = element.attributes.find((attribute) => /^value$/i.test(attribute.name) && attribute.value);
    if (named?.value) {
      const value = valueAttribute?.value ?? element.text;
      const valueEnd = valueAttribute?.value ? valueAttribute.value.end : element.text ? element.text.end : end;
      settings.push({ key: named.value.text, parents, start: element.start, end: valueEnd, value: value?.text ?? '' });
      return;
    }
    if (!element.hasChildElements) {
      settings.push({ key: localName(element.name), parents, start: element.start, end, value: element.text?.text ?? '' });
    }
  };

  const addText = (start: number, end: number, innerStart = start, innerEnd = end) => {
    const raw = text.slice(innerStart, innerEnd);
    if (!/\S/.test(raw)) return;
    const lead = /^\s*/.exec(raw)![0].length;
    const trail = /\s*$/.exec(raw)![0].length;
    const isCdata = innerStart !== start;
    tokens.push(isCdata ? token('string', start, end, innerStart, innerEnd) : token('string', start + lead, end - trail));
    const element = stack[stack.length - 1];
    if (element && !element.text) element.text = { text: raw.trim(), end: isCdata ? end : end - trail };
  };

  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > i) addText(i, textEnd);
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = skipPast(text, i + 4, '-->');
      tokens.push(token('comment', i, end, i + 4, text.endsWith('-->', end) ? end - 3 : end));
      i = end;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = skipPast(text, i + 9, ']]>');
      addText(i, end, i + 9, text.endsWith(']]>', end) ? end - 3 : end);
      i = end;
    } else if (text.startsWith('<?', i)) {
      i = skipPast(text, i + 2, '?>');
    } else if (text.startsWith('<!', i)) {
      // DOCTYPE (with an internal subset in brackets) and other declarations.
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      i = bracket >= 0 && close >= 0 && bracket < close ? skipPast(text, skipPast(text, bracket, ']'), '>') : close < 0 ? text.length : close + 1;
    } else if (text[i + 1] === '/') {
      const name = NAME.exec(text.slice(i + 2))?.[0];
      const end = skipPast(text, i + 2, '>');
      const index = name ? stack.map((element) => element.name).lastIndexOf(name) : -1;
      // A close tag without its open tag (HTML's optional tags) closes nothing.
      while (index >= 0 && stack.length > index) {
        const element = stack.pop()!;
        // `<setting name="K"><value>V</value></setting>`: the value is the parent's text too.
        const parent = stack[stack.length - 1];
        if (parent && !parent.text && element.text) parent.text = element.text;
        if (stack.length === index) closeElement(element, i);
      }
      i = end;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (!name) {
        addText(i, i + 1);
        i++;
        continue;
      }
      const element: Element = { name, start: i, attributes: [], hasChildElements: false };
      let j = i + 1 + name.length;
      for (;;) {
        const attribute = ATTRIBUTE.exec(text.slice(j, j + 4096));
        if (!attribute || attribute[0].length === 0) break;
        const nameStart = j + attribute[0].indexOf(attribute[1]!);
        const parsed: Attribute = { name: attribute[1]!, start: nameStart };
        const raw = attribute[2];
        if (raw !== undefined) {
          const rawStart = j + attribute[0].length - raw.length;
          const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
          const isClosed = quote !== '' && raw.length > 1 && raw.endsWith(quote);
          const innerStart = rawStart + quote.length;
          const innerEnd = rawStart + raw.length - (isClosed ? 1 : 0);
          parsed.value = { text: text.slice(innerStart, innerEnd), start: innerStart, end: innerEnd };
          tokens.push(token('string', rawStart, rawStart + raw.length, innerStart, innerEnd));
          if (!options.isMarkup && !/^(key|name|value)$/i.test(parsed.name)) {
            settings.push({ key: parsed.name, parents: [...path(), localName(name)], start: nameStart, end: rawStart + raw.length, value: parsed.value.text });
          }
        }
        element.attributes.push(parsed);
        j += attribute[0].length;
      }
      const close = text.indexOf('>', j);
      const end = close < 0 ? text.length : close + 1;
      const parent = stack[stack.length - 1];
      if (parent) parent.hasChildElements = true;
      if (text[end - 2] === '/') closeElement(element, end);
      else stack.push(element);
      i = end;
    }
  }
  return { tokens, settings };
}

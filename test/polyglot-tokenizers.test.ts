import { describe, expect, it } from 'vitest';
import { legacyCredentialOf } from '../src/core/polyglot/credential-keys.js';
import { tokenizeLanguage, type PolyglotLanguage } from '../src/core/polyglot/index.js';
import { tokenizeXml } from '../src/core/polyglot/xml.js';

/** The tokens of a snippet as `kind:text-inside`, to compare against what a reader sees. */
function tokens(language: PolyglotLanguage, text: string): string[] {
  return tokenizeLanguage(text, language).tokens.map((t) => `${t.kind}:${text.slice(t.innerStart, t.innerEnd)}`);
}

function settings(language: PolyglotLanguage, text: string): string[] {
  return tokenizeLanguage(text, language).settings.map((s) => `${[...s.parents, s.key].join('.')}=${s.value ?? '?'}`);
}

describe('tokenizers: comment markers inside strings and quotes inside comments', () => {
  it.each<[PolyglotLanguage, string, string[]]>([
    ['java', 'String a = "// not a comment"; char q = \'"\'; // a "comment"', ['string:// not a comment', 'string:"', 'comment: a "comment"']],
    ['java', 's = """\n  text "block" // here\n  """; /* done */', ['string:\n  text "block" // here\n  ', 'comment: done ']],
    ['csharp', 'var a = @"C:\\dir ""quoted"""; var b = $"{d["k"]} // x"; // c', ['string:C:\\dir ""quoted""', 'string:{d["k"]} // x', 'comment: c']],
    ['csharp', 'var r = """\n raw "quotes" \n"""; // c', ['string:\n raw "quotes" \n', 'comment: c']],
    ['go', 'x := `raw // "x"` + "s" // c', ['string:raw // "x"', 'string:s', 'comment: c']],
    ['python', 'a = "# no" # yes\nb = r"\\"" \'\'\'multi\n# line\'\'\'', ['string:# no', 'comment: yes', 'string:\\"', 'string:multi\n# line']],
    ['python', 'def f():\n    """Docstring: https://crm.zoho.com/x"""\n    return "s"', ['comment:Docstring: https://crm.zoho.com/x', 'string:s']],
    ['ruby', "c = ?# ; r = /#x/ # real\ns = %q(a (b) c) # two", ['comment: real', 'string:a (b) c', 'comment: two']],
    ['ruby', 'x = <<~EOS.strip # after\n  body # not a comment\nEOS\ny = 1', ['comment: after', 'string:  body # not a comment\n']],
    ['ruby', '=begin\nhttps://x\n=end\nputs "#{a["k"]}"', ['comment:\nhttps://x\n', 'string:#{a["k"]}']],
    ['php', '<p>hi</p><?php #[Attr]\n$a = "x"; // c ?>tail<!-- n -->', ['string:<p>hi</p>', 'string:x', 'comment: c ', 'string:tail', 'comment: n ']],
    ['php', "<?php $s = <<<'EOT'\n  # not a comment\n  EOT;\n# yes", ['string:  # not a comment', 'comment: yes']],
    ['vbnet', 'Dim s = "a ""b"" \' c" \' comment\nREM another\nDim t = $"{x} ""y"""', ['string:a ""b"" \' c', 'comment: comment', 'comment: another', 'string:{x} ""y""']],
  ])('%s: %j', (language, text, expected) => {
    expect(tokens(language, text)).toEqual(expected);
  });
});

describe('config settings and their nesting', () => {
  it.each<[PolyglotLanguage, string, string[]]>([
    ['env', '# c\nexport ZOHO_TICKET="a # b"\nKEY=v # c\nEMPTY=\n', ['EMPTY=', 'KEY=v', 'ZOHO_TICKET=a # b']],
    ['properties', '! c\nzoho.apikey = abc\nkey\\ with\\ space:v\nlong=a\\\n   b\n', ['key with space=v', 'long=a\\\n   b', 'zoho.apikey=abc']],
    ['json', '{"zoho": {"apiKey": "k", "list": [1, {"ticket": "t"}]}, "n": null}', ['n=null', 'zoho.apiKey=k', 'zoho.list.ticket=t']],
    ['yaml', 'zoho:\n  crm:\n    apikey: k # c\n  ticket:\n  - name: x\nother: "q"\n', ['other=q', 'zoho.crm.apikey=k', 'zoho.name=x', 'zoho.ticket=']],
    ['xml', '<c><add key="K" value="V"/><zoho a="1"><ticket>T</ticket></zoho></c>', ['c.K=V', 'c.zoho.a=1', 'c.zoho.ticket=T']],
    // In code, only the names of Zoho credentials are settings.
    ['php', "<?php define('ZOHO_API_KEY', 'k'); $cfg['zoho_ticket'] = 't'; $a = ['zoho_ticket' => 'u', 'other' => 'v'];", ['ZOHO_API_KEY=k', 'zoho_ticket=t', 'zoho_ticket=u']],
    ['ruby', 'ZOHO_TICKET = "t"\nopts = { zoho_api_key: "k", other: "v" }', ['ZOHO_TICKET=t', 'zoho_api_key=k']],
    ['vbnet', 'Private Const ZohoApiKey As String = "k"\nIf zohoTicket = "" Then', ['ZohoApiKey=k']],
  ])('%s: %j', (language, text, expected) => {
    expect(settings(language, text).sort()).toEqual(expected);
  });

  it('reads the markup of a page without settings', () => {
    expect(tokenizeXml('<a href="https://x/?a=1">t</a>', { isMarkup: true }).settings).toEqual([]);
  });
});

describe('legacyCredentialOf', () => {
  it.each<[string, string[], string | undefined]>([
    ['ZOHO_API_KEY', [], 'API key'],
    ['ZOHO_TICKET', [], 'ticket'],
    ['zoho_crm_ticket', [], 'ticket'],
    ['zohoApiKey', [], 'API key'],
    ['zoho.crm.apikey', [], 'API key'],
    ['apikey', ['zoho', 'crm'], 'API key'],
    ['key', ['zoho', 'api'], 'API key'],
    ['ZOHO_AUTHTOKEN', [], undefined],
    ['ZOHO_TICKET_ID', [], undefined],
    ['ZOHO_API_VERSION', [], undefined],
    ['STRIPE_API_KEY', [], undefined],
    ['JIRA_TICKET', [], undefined],
    ['ticket', ['zoho_desk'], undefined],
    ['ZOHO_DESK_TICKET', [], undefined],
    ['api_key', ['mailgun'], undefined],
  ])('%s under %j is %s', (key, parents, expected) => {
    expect(legacyCredentialOf(key, parents)).toBe(expected);
  });
});

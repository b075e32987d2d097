import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../src/core/mask.js';
import { findCredentialValues } from '../src/core/secrets/credential-values.js';

describe('credential values found for masking', () => {
  it('finds literal apikey, ticket, authtoken and login passwords, in URLs and in code', () => {
    const source = [
      "const a = 'https://crm.zoho.com/crm/private/xml/Leads/getRecords?apikey=a3f1c9e07b5d4e2f8a6c1b0d9e7f5a3c&ticket=e4d909c290d0fb1ca068ffaddf22cbd0';",
      "const b = { authtoken: '7c4a8d09ca3762af61e59520943dc264', 'ZOHO_API_KEY': \"0123456789abcdef0123\" };",
      "const c = 'https://accounts.zoho.com/login?FROM_AGENT=true&LOGIN_ID=me&PASSWORD=correcthorse';",
      'config.ticket = "9b74c9897bac770ffc029102a200c5de";',
    ].join('\n');
    expect(findCredentialValues(source).sort()).toEqual(
      ['0123456789abcdef0123', '7c4a8d09ca3762af61e59520943dc264', '9b74c9897bac770ffc029102a200c5de', 'a3f1c9e07b5d4e2f8a6c1b0d9e7f5a3c', 'correcthorse', 'e4d909c290d0fb1ca068ffaddf22cbd0'].sort(),
    );
  });

  it('leaves expressions, placeholders and ordinary words alone', () => {
    const source = [
      "const u = base + '?apikey=' + apiKey + '&ticket=' + ticket + '&authtoken=${token}';",
      "const d = { ticket: 'open', apikey: 'YOUR_API_KEY', password: process.env.PW, authtoken: '<token>' };",
      "const l = 'https://accounts.zoho.com/login?LOGIN_ID=me&PASSWORD=' + password;",
      "const t = `?authtoken=${process.env.ZOHO_CRM_AUTHTOKEN}&scope=crmapi`;",
    ].join('\n');
    expect(findCredentialValues(source)).toEqual([]);
  });
});

describe('maskSecrets', () => {
  it('masks every occurrence, longest first, and passwords in URLs whatever their length', () => {
    expect(maskSecrets('k=abcdef123456 k2=abcdef123456789 ', ['abcdef123456', 'abcdef123456789'])).toBe('k=**** k2=**** ');
    expect(maskSecrets("'https://accounts.zoho.com/login?LOGIN_ID=ops&PASSWORD=pw12&x=1'", [])).toBe("'https://accounts.zoho.com/login?LOGIN_ID=ops&PASSWORD=****&x=1'");
    expect(maskSecrets("'?PASSWORD=' + pw", [])).toBe("'?PASSWORD=' + pw");
    expect(maskSecrets('short abc', ['abc'])).toBe('short abc');
  });
});

import { describe, expect, it } from 'vitest';
import { classifyRequestText } from '../src/core/zoho/endpoint.js';

describe('classifyRequestText', () => {
  it.each([
    ['https://crm.zoho.com/crm/private/xml/Leads/getRecords?x', 'service:crm'],
    ['http://crm.zoho.com/crm/private/json/Leads/getRecords', 'service:crm'],
    ['https://crm.zoho.eu/crm/private/json/Leads', 'service:crm'],
    ['https://crm.zoho.in/crm/private/json/Leads', 'service:crm'],
    ['https://crm.zoho.com.cn/crm/private/json/Leads', 'service:crm'],
    ['https://crm.zoho.com.au/crm/private/json/Leads', 'service:crm'],
    ['https://crm.zoho.jp/crm/private/json/Leads', 'service:crm'],
    ['//crm.zoho.com/crm/private/json/Leads', 'service:crm'],
    ['https://crm.zoho.com', 'service:crm'],
    ['https://zoho-proxy.internal.example/crm/private/json/Leads/getRecords', 'service:crm'],
    ['/crm/private/json/Leads/getRecords?apikey=', 'service:crm'],
    ['https://recruit.zoho.com/ats/private/json/Candidates/getRecords', 'service:recruit'],
    ['https://reportsapi.zoho.com/api/user@example.com/db/table', 'service:reports'],
    ['https://accounts.zoho.com/login?servicename=ZohoCRM', 'accounts'],
    ['https://desk.zoho.com/api/v1/tickets', 'modern'],
    ['https://www.zohoapis.com/crm/v2/Leads', 'modern'],
    ['https://projects.zoho.com/portal/x/api', 'unknown-zoho'],
    ['https://crm.zoho.com/crm/ShowHomePage.do', 'unknown-zoho'],
    ['https://api.example.com/v1?apikey=1', 'other'],
    ['https://zoho.com.evil.example/crm/x', 'other'],
    ['&apikey=1&ticket=2', 'none'],
  ])('%s is %s', (text, expected) => {
    const endpoint = classifyRequestText(text);
    const label = !endpoint ? 'none' : endpoint.kind === 'service' ? `service:${endpoint.service.id}` : endpoint.kind;
    expect(label).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { applyConfig } from '../src/config/apply-config.js';
import { parseConfig } from '../src/config/parse-config.js';
import type { RunOptions } from '../src/runner/run.js';

const RUN: RunOptions = { command: 'migrate', paths: ['.'], cwd: '/tmp' };

function configured(removeTicketCode: unknown, options: Partial<RunOptions> = {}): RunOptions {
  const { config } = parseConfig({ removeTicketCode }, 'zoho-authtoken.config.json');
  return applyConfig({ ...RUN, ...options }, { root: '/tmp', config } as never);
}

describe('removeTicketCode in the configuration', () => {
  it('true turns --remove-ticket-code on, "exports" is --remove-ticket-code=exports, false leaves it off', () => {
    expect(configured(true).removeTicketCode).toBe('on');
    expect(configured('exports').removeTicketCode).toBe('exports');
    expect(configured(false).removeTicketCode).toBeUndefined();
  });

  it('the flag wins over the configuration', () => {
    expect(configured(true, { removeTicketCode: 'exports' }).removeTicketCode).toBe('exports');
  });

  it('refuses anything else, naming the key', () => {
    expect(() => parseConfig({ removeTicketCode: 'all' }, 'zoho-authtoken.config.json')).toThrow(/removeTicketCode/);
  });
});

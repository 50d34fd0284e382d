import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { describeIssues } from './plain-issues';

function problemWith(channel: keyof typeof contract, input: unknown): string {
  const parsed = contract[channel].input.safeParse(input);
  if (parsed.success) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return describeIssues(parsed.error, 'the request');
}

const VALIDATOR_WORDS = /Invalid input|Too big|Too small|expected string|received|Unrecognized key|\.\d+\./;

describe('validation problems in plain words', () => {
  it('names the field the way the app does, with claims and sources counted from 1', () => {
    const message = problemWith('review:annotate', { id: 'abcdefgh1234', claims: [{ quote: 'a' }, { quote: 'b', evidenceUrls: ['https://ok.example/', 'http:/x'] }] });
    expect(message).toMatch(/^Evidence address 2 of claim 2: “http:\/x” has no real site in it/);
    expect(message).not.toMatch(VALIDATOR_WORDS);
  });

  it('says what is missing, too long, or not one of the choices', () => {
    expect(problemWith('settings:setReviewer', {})).toBe('The name is missing.');
    expect(problemWith('settings:setReviewer', { name: 'x'.repeat(201) })).toBe('The name is too long (at most 200 characters).');
    expect(problemWith('review:export', { id: 'abcdefgh1234', format: 'docx' })).toMatch(/^The export format must be one of "html", "pdf"/);
    expect(problemWith('review:get', { id: '../../etc' })).toBe('The review id must be a Factmark id.');
    expect(problemWith('share:open', { fileName: 'a.factmark', base64: 'x'.repeat(90_000_001) })).toBe('The file is larger than 64 MB; Factmark does not open share files that large.');
    expect(problemWith('review:get', 'not an object')).toBe('The request should be a group of fields.');
  });

  it('never answers with bare validator wording, for any wrong type on any field', () => {
    for (const value of [null, 42, true, [], {}, 'x'.repeat(300_000), -1]) {
      for (const channel of ['review:create', 'review:updateMeta', 'review:annotate', 'settings:setPublisher', 'review:export', 'share:open'] as const) {
        const parsed = contract[channel].input.safeParse({ id: value, title: value, claims: value, fileName: value, base64: value, format: value, sourceUrl: value, name: value });
        if (parsed.success) continue;
        expect(describeIssues(parsed.error, 'the request')).not.toMatch(VALIDATOR_WORDS);
      }
    }
  });
});

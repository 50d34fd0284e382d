import { describe, expect, it } from 'vitest';
import { DEFAULT_WAYBACK_ADDRESS, type EvidenceSettings } from '../../shared/api/evidence-schema';
import { changedEvidenceSettings } from './evidence-settings-change';

const stored: EvidenceSettings = { allowPrivateAddresses: false, keepWhenAdded: false, sendToWayback: false, waybackAddress: DEFAULT_WAYBACK_ADDRESS };

describe('the change Preferences sends for the evidence settings', () => {
  it('names only the fields the reviewer changed, so a change made elsewhere meanwhile stays', () => {
    expect(changedEvidenceSettings(stored, stored)).toEqual({});
    expect(changedEvidenceSettings(stored, { ...stored, keepWhenAdded: true })).toEqual({ keepWhenAdded: true });
    expect(changedEvidenceSettings(stored, { ...stored, sendToWayback: true, waybackAddress: 'https://archive.example.org/' })).toEqual({
      sendToWayback: true,
      waybackAddress: 'https://archive.example.org/',
    });
  });
});
